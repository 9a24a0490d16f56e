package org.safepassage.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Variance-based sensitivity indices from the Saltelli scheme ({@link Design#saltelli}) with
 * Jansen's estimators (Jansen 1999; Saltelli et al. 2010, table 2, rows (f) and (j)):
 * <pre>
 *   V     = variance of f(A) and f(B) together (2N values)
 *   S_i   = (V - 1/(2N) sum_j (f(B)_j - f(A_B^i)_j)^2) / V      first order
 *   ST_i  = 1/(2N) sum_j (f(A)_j - f(A_B^i)_j)^2 / V            total effect
 * </pre>
 * A_B^i shares only column i with B, so f(B) - f(A_B^i) varies with everything but x_i; and
 * it shares every column but i with A, so f(A) - f(A_B^i) varies with x_i and its interactions.
 * Intervals are bootstrap percentile intervals: rows j resampled with replacement, the indices
 * recomputed, the 2.5th and 97.5th percentiles taken.
 */
public final class SobolIndices {

    /** Bootstrap resamples of the intervals. */
    public static final int BOOTSTRAP = 1000;
    /** Level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Indices of one parameter.
     *
     * @param parameter 0-based column of the parameter
     */
    public record Index(int parameter, double first, double firstLow, double firstHigh, double total,
            double totalLow, double totalHigh) {
    }

    private SobolIndices() {
    }

    /**
     * @param f the outputs at the N (k + 2) points of a Saltelli design, in its order
     * @param k number of parameters
     * @param bootstrapSeed seed of the bootstrap's generator
     */
    public static List<Index> estimate(double[] f, int k, long bootstrapSeed) {
        int n = f.length / (k + 2);
        if (n * (k + 2) != f.length || n < 2) {
            throw new IllegalArgumentException("need N (k + 2) outputs with N >= 2, got " + f.length + " for k = " + k);
        }
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            rows[j] = j;
        }
        double[][] point = indices(f, k, rows);
        RandomGenerator random = new MersenneTwister(bootstrapSeed);
        double[][][] boot = new double[BOOTSTRAP][][];
        for (int b = 0; b < BOOTSTRAP; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = random.nextInt(n);
            }
            boot[b] = indices(f, k, rows);
        }
        double lowQ = 100 * (1 - CONFIDENCE) / 2;
        double highQ = 100 - lowQ;
        List<Index> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] firsts = new double[BOOTSTRAP];
            double[] totals = new double[BOOTSTRAP];
            for (int b = 0; b < BOOTSTRAP; b++) {
                firsts[b] = boot[b][0][i];
                totals[b] = boot[b][1][i];
            }
            out.add(new Index(i, point[0][i], percentile(firsts, lowQ), percentile(firsts, highQ),
                    point[1][i], percentile(totals, lowQ), percentile(totals, highQ)));
        }
        return out;
    }

    /** {first[k], total[k]} over the given rows of the design (NaN when the output does not vary). */
    static double[][] indices(double[] f, int k, int[] rows) {
        int n = rows.length;
        int stride = k + 2;
        double sum = 0;
        for (int j : rows) {
            sum += f[j * stride] + f[j * stride + 1];
        }
        double mean = sum / (2.0 * n);
        double ss = 0;
        for (int j : rows) {
            double a = f[j * stride] - mean;
            double b = f[j * stride + 1] - mean;
            ss += a * a + b * b;
        }
        double variance = ss / (2.0 * n - 1);
        double[] first = new double[k];
        double[] total = new double[k];
        for (int i = 0; i < k; i++) {
            double firstSum = 0;
            double totalSum = 0;
            for (int j : rows) {
                double a = f[j * stride];
                double b = f[j * stride + 1];
                double ab = f[j * stride + 2 + i];
                firstSum += (b - ab) * (b - ab);
                totalSum += (a - ab) * (a - ab);
            }
            first[i] = variance > 0 ? (variance - firstSum / (2.0 * n)) / variance : Double.NaN;
            total[i] = variance > 0 ? totalSum / (2.0 * n) / variance : Double.NaN;
        }
        return new double[][] {first, total};
    }

    private static double percentile(double[] values, double p) {
        return Sample.percentile(values, p);
    }
}
