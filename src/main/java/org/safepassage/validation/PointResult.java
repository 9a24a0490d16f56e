package org.safepassage.validation;

import org.safepassage.scenario.Observed;

/**
 * One observation against the simulated replicates at its time.
 *
 * @param point the observation
 * @param median simulated median of cumulative persons who left
 * @param p5 simulated 5th percentile (lower end of the 90 % band)
 * @param p95 simulated 95th percentile (upper end of the 90 % band)
 * @param overlaps whether the 90 % band overlaps the observed range [low, high]
 * @param log10Error {@link Validation#log10Error(double, double)} of the median against the observed figure
 */
public record PointResult(Observed.Point point, double median, double p5, double p95, boolean overlaps,
        double log10Error) {
}
