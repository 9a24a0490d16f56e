package org.safepassage.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.safepassage.metrics.SingleRun;

/** The charts of one run (evacuated.png and evacuated.svg). */
final class RunCharts {
    private RunCharts() {
    }

    static void write(Path dir, SingleRun.Result result) throws IOException {
        // charts are drawn by org.safepassage.chart; wired in when that package lands
    }
}
