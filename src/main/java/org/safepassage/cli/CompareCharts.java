package org.safepassage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.ScenarioFacts;

/** The charts of a comparison: evacuated-over-time, evacuated and killed (.png and .svg). */
final class CompareCharts {
    private CompareCharts() {
    }

    static void write(Path dir, Comparison.Result result, List<ScenarioFacts> facts) throws IOException {
        // drawn by org.safepassage.chart.Charts once it is on main
    }
}
