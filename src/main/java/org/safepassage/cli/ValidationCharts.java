package org.safepassage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.chart.Charts;
import org.safepassage.validation.EpisodeResult;
import org.safepassage.validation.PointResult;

/** The chart of one validated episode: simulated band against observed points with their ranges. */
final class ValidationCharts {
    private ValidationCharts() {
    }

    static void write(Path base, EpisodeResult r) throws IOException {
        Charts.Band band = new Charts.Band("simulated median and 90 % band (" + r.replicates() + " runs)", r.hours(),
                r.median(), r.p5(), r.p95());
        List<Charts.Observed> observed = new ArrayList<>();
        for (PointResult p : r.points()) {
            observed.add(new Charts.Observed(p.point().hours(), p.point().persons(), p.point().low(), p.point().high(),
                    p.point().quality() + (p.overlaps() ? "" : " (missed)")));
        }
        String title = String.format(Locale.ROOT, "%s: %d of %d observations within the band, mean |log10 error| %.2f",
                r.name(), r.covered(), r.points().size(), r.meanAbsLog10Error());
        Charts.validation(base, title, band, observed);
    }
}
