package org.safepassage.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.chart.Charts;
import org.safepassage.validation.BandCoverage;
import org.safepassage.validation.EpisodeResult;
import org.safepassage.validation.PointResult;

/** The chart of one validated episode: simulated band against observed points with their ranges. */
public final class ValidationCharts {
    private ValidationCharts() {
    }

    public static void write(Path base, EpisodeResult r) throws IOException {
        Charts.Band band = new Charts.Band("simulated median and 90 % band (" + r.replicates() + " runs)", r.hours(),
                r.median(), r.p5(), r.p95());
        List<Charts.Observed> observed = new ArrayList<>();
        for (PointResult p : r.points()) {
            observed.add(new Charts.Observed(p.point().hours(), p.point().persons(), p.point().low(), p.point().high(),
                    p.point().quality() + label(p)));
        }
        Charts.validation(base, title(r.name(), r.points(), r.meanAbsLog10Error()), band, observed);
    }

    /**
     * Counts an observation as within the band only when its figure is; one whose range merely
     * overlaps the band is counted apart.
     */
    public static String title(String name, List<PointResult> points, double meanAbsLog10Error) {
        return String.format(Locale.ROOT, "%s: %d of %d figures inside the 90 %% band (%d ranges overlap it), "
                + "|log10 error| %.2f", name, BandCoverage.inside(points), points.size(),
                BandCoverage.overlapping(points), meanAbsLog10Error);
    }

    /** Nothing for a figure within the band, "(outside, range overlaps)" or "(missed)" otherwise. */
    public static String label(PointResult p) {
        return BandCoverage.inside(p) ? "" : p.overlaps() ? " (outside, range overlaps)" : " (missed)";
    }
}
