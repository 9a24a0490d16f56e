package org.safepassage.experiment;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/** Points in the unit hypercube [0, 1)^k: Latin hypercube samples and Sobol' sequences. */
public final class UnitSamples {

    private UnitSamples() {
    }

    /**
     * A Latin hypercube of n points in k dimensions: in every dimension, each of the n strata
     * [s/n, (s+1)/n) holds exactly one point, placed uniformly within it; the strata are matched
     * across dimensions by independent random permutations (McKay, Beckman and Conover 1979).
     */
    public static double[][] latinHypercube(int n, int k, RandomGenerator random) {
        double[][] x = new double[n][k];
        int[] strata = new int[n];
        for (int d = 0; d < k; d++) {
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[j];
                strata[j] = t;
            }
            for (int i = 0; i < n; i++) {
                x[i][d] = (strata[i] + random.nextDouble()) / n;
            }
        }
        return x;
    }

    /**
     * The first n points of the k-dimensional Sobol' sequence (Commons Math, Joe and Kuo
     * direction numbers), after its first point (the origin), which sits on the corner of
     * the cube and would be drawn by every study alike.
     */
    public static double[][] sobol(int n, int k) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(k);
        generator.nextVector();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = generator.nextVector();
        }
        return x;
    }
}
