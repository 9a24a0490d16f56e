package org.safepassage.advisor;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The racing's drop test: is a design worse than another on a figure, judged on the runs both
 * had in the same states of the world (common random numbers, so the differences are paired)?
 */
final class Racing {

    private Racing() {
    }

    /**
     * Whether {@code mine} is worse than {@code best} with a one-sided paired t-test at {@code level}:
     * the differences d = best - mine (mine - best when the figure is minimised) in each state, mean
     * d̄, standard deviation s over n states, t = d̄ / (s / √n) against Student's t with n - 1 degrees
     * of freedom. With fewer than two states nothing is shown; when every difference is the same
     * (s = 0), worse when that difference is positive.
     */
    static boolean significantlyWorse(double[] mine, double[] best, boolean maximise, double level) {
        return pWorse(mine, best, maximise) < level;
    }

    /**
     * The one-sided p-value of {@link #significantlyWorse}'s test: small when {@code mine} is shown
     * worse; 1 with fewer than two states or a state without the figure; with s = 0, 0 when the
     * difference is positive and 1 otherwise.
     */
    static double pWorse(double[] mine, double[] best, boolean maximise) {
        int n = Math.min(mine.length, best.length);
        if (n < 2) {
            return 1;
        }
        double[] d = new double[n];
        double mean = 0;
        for (int r = 0; r < n; r++) {
            d[r] = maximise ? best[r] - mine[r] : mine[r] - best[r];
            if (Double.isNaN(d[r])) {
                return 1;
            }
            mean += d[r];
        }
        mean /= n;
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        if (sd == 0) {
            return mean > 0 ? 0 : 1;
        }
        double t = mean / (sd / Math.sqrt(n));
        return 1 - new TDistribution(null, n - 1).cumulativeProbability(t);
    }
}
