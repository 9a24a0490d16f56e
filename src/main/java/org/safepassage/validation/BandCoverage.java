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

    /** Observations whose range overlaps their band. */
    public static long overlapping(List<PointResult> points) {
        return points.stream().filter(PointResult::overlaps).count();
    }
}
