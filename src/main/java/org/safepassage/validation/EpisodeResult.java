package org.safepassage.validation;

import java.util.List;
import org.safepassage.scenario.Episode;

/**
 * An episode's replicates scored against its observations.
 *
 * @param episode the episode
 * @param replicates number of runs
 * @param points one result per observation, in the file's order
 * @param hours hours from the episode's start, one per hour (0, 1, 2, ...) to the horizon
 * @param median simulated median of cumulative persons who left, at each of {@code hours}
 * @param p5 5th percentile at each of {@code hours}
 * @param p95 95th percentile at each of {@code hours}
 * @param coverage share of observations whose range the 90 % band overlaps
 * @param meanAbsLog10Error mean over observations of |{@link Validation#log10Error(double, double)}|
 * @param wallSeconds time taken by the runs
 * @param runsByPoint per observation, the simulated figure of each replicate (for the bands with model error)
 */
public record EpisodeResult(Episode episode, int replicates, List<PointResult> points, double[] hours,
        double[] median, double[] p5, double[] p95, double coverage, double meanAbsLog10Error, double wallSeconds,
        double[][] runsByPoint) {

    public String name() {
        return episode.name();
    }

    /** The episode's weight in scores across episodes ({@code observed.weight}). */
    public double weight() {
        return episode.observed().weight();
    }

    /** The qualities of its observations in order, e.g. "PPQ". */
    public String qualities() {
        StringBuilder b = new StringBuilder();
        points.forEach(p -> b.append(p.point().quality()));
        return b.toString();
    }

    public long covered() {
        return points.stream().filter(PointResult::overlaps).count();
    }
}
