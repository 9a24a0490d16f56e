package org.safepassage.experiment;

import java.util.Arrays;
import java.util.Comparator;
import org.safepassage.scenario.Discrepancy;

/**
 * A figure's spread with the model's structural error added (docs/UNCERTAINTY.md): every run's
 * figure x combined with every residual d of the {@link Discrepancy} as
 * {@code (x + 10) × 10^d − 10}, kept within [0, cap] (a head count cannot be negative nor
 * exceed the people there were), with weight (run's weight 1/n) × (residual's weight / total).
 * The result is the mixture of the runs, each shifted by what the model got wrong on the
 * episodes: the runs' spread (members × inputs × seeds) convolved with the measured error,
 * exactly and without more dice, so the same runs always give the same band.
 *
 * <p>Percentiles of a weighted sample here are its inverse distribution function: the smallest
 * value whose cumulative weight reaches the share p of the total ({@link #quantile}); with equal
 * weights this is R's type 1, the order statistic ⌈p n⌉.
 */
public final class ModelError {

    /** Persons added before taking the log ratio, as in validate's score. */
    public static final double OFFSET_PERSONS = 10.0;

    private final double[] values;
    private final double[] cumulative;

    private ModelError(double[] values, double[] weights) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        this.values = new double[values.length];
        this.cumulative = new double[values.length];
        double c = 0;
        for (int k = 0; k < order.length; k++) {
            this.values[k] = values[order[k]];
            c += weights[order[k]];
            this.cumulative[k] = c;
        }
    }

    /**
     * The mixture of {@code runs} (each weighing the same) with every residual of {@code d}.
     *
     * @param cap the largest value a figure can take (Double.POSITIVE_INFINITY for none)
     */
    public static ModelError of(double[] runs, Discrepancy d, double cap) {
        double[] dv = d.values();
        double[] dw = d.weights();
        double total = Arrays.stream(dw).sum();
        if (runs.length == 0 || !(total > 0)) {
            throw new IllegalArgumentException("need runs and residuals with weight");
        }
        double[] v = new double[runs.length * dv.length];
        double[] w = new double[v.length];
        int k = 0;
        for (double x : runs) {
            for (int j = 0; j < dv.length; j++) {
                v[k] = shifted(x, dv[j], cap);
                w[k++] = dw[j] / total / runs.length;
            }
        }
        return new ModelError(v, w);
    }

    /** {@code (x + 10) × 10^d − 10} within [0, cap]: a figure moved by a residual d. */
    public static double shifted(double x, double d, double cap) {
        return Math.min(cap, Math.max(0, (x + OFFSET_PERSONS) * Math.pow(10, d) - OFFSET_PERSONS));
    }

    /** The p-quantile (p in [0, 1]) of a weighted sample: see the class comment. */
    public static double quantile(double[] values, double[] weights, double p) {
        return new ModelError(values, weights).quantile(p);
    }

    /** The p-quantile (p in [0, 1]) of the mixture. */
    public double quantile(double p) {
        double target = p * cumulative[cumulative.length - 1];
        for (int k = 0; k < values.length; k++) {
            if (cumulative[k] >= target - 1e-12 * cumulative[cumulative.length - 1]) {
                return values[k];
            }
        }
        return values[values.length - 1];
    }

    public double median() {
        return quantile(0.5);
    }

    public double p5() {
        return quantile(0.05);
    }

    public double p95() {
        return quantile(0.95);
    }

    /** The weighted share of the mixture at or above {@code n}. */
    public double chanceAtLeast(double n) {
        double total = cumulative[cumulative.length - 1];
        double below = 0;
        for (int k = 0; k < values.length && values[k] < n; k++) {
            below = cumulative[k];
        }
        return (total - below) / total;
    }

    /** The weighted mean. */
    public double mean() {
        double total = cumulative[cumulative.length - 1];
        double m = 0;
        double previous = 0;
        for (int k = 0; k < values.length; k++) {
            m += values[k] * (cumulative[k] - previous);
            previous = cumulative[k];
        }
        return m / total;
    }

    /** The weighted variance (population form: the mixture is the whole distribution). */
    public double variance() {
        double total = cumulative[cumulative.length - 1];
        double mean = mean();
        double v = 0;
        double previous = 0;
        for (int k = 0; k < values.length; k++) {
            v += (values[k] - mean) * (values[k] - mean) * (cumulative[k] - previous);
            previous = cumulative[k];
        }
        return v / total;
    }

    /**
     * The share of the spread that the model error adds, on the scale where it adds:
     * log10(persons + 10), where a residual shifts a run by d. It is 1 − (variance of the runs) /
     * (variance of the mixture), both of log10(x + 10) in population form, at least 0; NaN when
     * neither varies. (On the persons scale a tenfold error's long upper tail takes over 99 % of
     * the variance whatever the runs do, which says nothing more.)
     */
    public double shareOfVariance(double[] runs) {
        double[] logRuns = Arrays.stream(runs).map(x -> Math.log10(x + OFFSET_PERSONS)).toArray();
        double mean = Arrays.stream(logRuns).average().orElse(Double.NaN);
        double own = Arrays.stream(logRuns).map(x -> (x - mean) * (x - mean)).sum() / runs.length;
        double total = cumulative[cumulative.length - 1];
        double m = 0;
        double previous = 0;
        for (int k = 0; k < values.length; k++) {
            m += Math.log10(values[k] + OFFSET_PERSONS) * (cumulative[k] - previous);
            previous = cumulative[k];
        }
        m /= total;
        double all = 0;
        previous = 0;
        for (int k = 0; k < values.length; k++) {
            double l = Math.log10(values[k] + OFFSET_PERSONS) - m;
            all += l * l * (cumulative[k] - previous);
            previous = cumulative[k];
        }
        all /= total;
        if (!(all > 0)) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, 1 - own / all));
    }
}
