package org.safepassage.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.safepassage.validation.EpisodeResult;

/** The chart of one validated episode: simulated band against observed points with their ranges. */
final class ValidationCharts {
    private ValidationCharts() {
    }

    static void write(Path base, EpisodeResult r) throws IOException {
        // Charts.validation lands on main with the chart package; until then no chart is drawn.
    }
}
