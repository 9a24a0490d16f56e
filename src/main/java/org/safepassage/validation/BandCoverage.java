package org.safepassage.validation;

import java.util.List;

/**
 * How often the simulated 90 % band holds what was observed. Two counts, kept apart because
 * they answer different questions: an observed <em>figure</em> inside the band [p5, p95] (the
 * coverage of the band, which a calibrated band should give for about 90 % of observations),
 * and an observed <em>range</em> [low, high] that merely overlaps the band (a looser test: a
 * wide observed range overlaps almost any band).
 */
public final class BandCoverage {

    private BandCoverage() {
    }

    /** Whether the observed figure lies within the point's 90 % band (ends included). */
    public static boolean inside(PointResult p) {
        return p.point().persons() >= p.p5() && p.point().persons() <= p.p95();
    }

    /** Observations whose figure lies within their band. */
    public static long inside(List<PointResult> points) {
        return points.stream().filter(BandCoverage::inside).count();
    }

    /**
     * The coverage lines of {@code validate}: per episode and over all, the share of observed
     * figures inside the simulated 90 % band and the band's median width relative to the
     * simulated median (a band that covers everything says nothing, so its width goes with it).
     */
    public static String text(List<EpisodeResult> results, boolean ensemble) {
        StringBuilder b = new StringBuilder("90 % band coverage (observed figure inside [p5, p95]), "
                + (ensemble ? "with the behaviour ensemble" : "calibrated defaults alone (--ensemble none)") + ":\n");
        long inside = 0;
        long total = 0;
        List<Double> widths = new java.util.ArrayList<>();
        for (EpisodeResult r : results) {
            long in = inside(r.points());
            inside += in;
            total += r.points().size();
            List<Double> w = r.points().stream().map(BandCoverage::relativeWidth).toList();
            widths.addAll(w);
            b.append(String.format(java.util.Locale.ROOT, "  %-28s %d of %d (%.0f %%), band width %s of the median%n",
                    r.name(), in, r.points().size(), 100.0 * in / Math.max(1, r.points().size()), ratio(w)));
        }
        b.append(String.format(java.util.Locale.ROOT, "  %-28s %d of %d (%.0f %%), band width %s of the median",
                "all episodes", inside, total, 100.0 * inside / Math.max(1, total), ratio(widths)));
        return b.toString();
    }

    /** (p95 - p5) / (median + 10): the band's width relative to its median, 10 persons added as in the score. */
    public static double relativeWidth(PointResult p) {
        return (p.p95() - p.p5()) / (p.median() + Validation.OFFSET_PERSONS);
    }

    private static String ratio(List<Double> widths) {
        if (widths.isEmpty()) {
            return "-";
        }
        double[] w = widths.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2;
        return String.format(java.util.Locale.ROOT, "%.2f (median over observations)", median);
    }

    /** Observations whose range overlaps their band. */
    public static long overlapping(List<PointResult> points) {
        return points.stream().filter(PointResult::overlaps).count();
    }
}
