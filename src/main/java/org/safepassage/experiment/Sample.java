package org.safepassage.experiment;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * What a sample of one figure over replicates says: mean, standard deviation, the 95 %
 * confidence interval of the mean from Student's t distribution, median and the 5th and 95th
 * percentiles ({@link #percentile}: the R-7 estimator, the default of R, numpy and pandas). NaN
 * values are left out; a sample of one has NaN standard deviation and interval.
 *
 * @param n number of (non-NaN) values
 * @param mean arithmetic mean
 * @param sd sample standard deviation (n - 1 in the denominator)
 * @param ciLow lower end of the 95 % confidence interval of the mean
 * @param ciHigh upper end of the 95 % confidence interval of the mean
 * @param median 50th percentile
 * @param p5 5th percentile
 * @param p95 95th percentile
 */
public record Sample(int n, double mean, double sd, double ciLow, double ciHigh, double median, double p5,
        double p95) {

    /** Confidence level of {@link #ciLow} and {@link #ciHigh}. */
    public static final double CONFIDENCE = 0.95;

    /** Summarises the values (NaN values are ignored). */
    public static Sample of(double... values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return new Sample(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(v);
        double mean = stats.getMean();
        double sd = v.length > 1 ? stats.getStandardDeviation() : Double.NaN;
        double half = v.length > 1 ? halfWidth(sd, v.length) : Double.NaN;
        Percentile p = r7();
        p.setData(v);
        return new Sample(v.length, mean, sd, mean - half, mean + half, p.evaluate(50), p.evaluate(5), p.evaluate(95));
    }

    /**
     * The {@code pct}-th percentile (0-100) of the values, NaN values left out (NaN when none is
     * left), by the R-7 estimator: linear interpolation between the order statistics at
     * {@code (n - 1) * pct / 100}, the default of R's {@code quantile}, numpy's {@code percentile}
     * and pandas' {@code quantile}, so that figures computed here and there agree. Every percentile
     * the project reports comes from here.
     */
    public static double percentile(double[] values, double pct) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        return v.length == 0 ? Double.NaN : r7().evaluate(v, pct);
    }

    private static Percentile r7() {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    }

    /** Half-width of the 95 % t interval of a mean with standard deviation sd over n values. */
    public static double halfWidth(double sd, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        if (sd == 0) {
            return 0;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return t * sd / Math.sqrt(n);
    }
}
