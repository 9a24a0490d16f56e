package org.safepassage.advisor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PRIM, the patient rule induction method (Friedman and Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123-143), peeling only: starting from the
 * box holding every case, repeatedly remove the slice of {@code alpha} of the cases in the box
 * at the low or high end of one input, whichever leaves the highest share of cases of interest
 * in the box (the whole group of equal values when the slice would end inside it), until the box holds fewer than {@code minMass} of all cases. Each box on the way
 * is kept (the peeling trajectory); the box reported is the densest one with at least
 * {@code minCoverage} of the cases of interest, as in scenario discovery (Bryant and Lempert
 * 2010, doi:10.1016/j.techfore.2009.08.002). Pasting is not done.
 */
public final class Prim {

    /**
     * A box: for each input the bounds it keeps (NaN when the box does not restrict that side).
     *
     * @param coverage share of all cases of interest that lie in the box
     * @param density share of the cases in the box that are of interest
     * @param mass share of all cases in the box
     */
    public record Box(double[] lower, double[] upper, double coverage, double density, double mass) {
        /** Whether input i is restricted. */
        public boolean restricts(int i) {
            return !Double.isNaN(lower[i]) || !Double.isNaN(upper[i]);
        }
    }

    private Prim() {
    }

    /** The peeling trajectory, from the box of all cases to the last box with at least {@code minMass}. */
    public static List<Box> peel(double[][] x, boolean[] interesting, double alpha, double minMass) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        int total = 0;
        for (boolean b : interesting) {
            total += b ? 1 : 0;
        }
        boolean[] in = new boolean[n];
        Arrays.fill(in, true);
        double[] lower = new double[d];
        double[] upper = new double[d];
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        List<Box> trajectory = new ArrayList<>();
        trajectory.add(box(in, interesting, lower, upper, total));
        while (true) {
            int inside = count(in);
            double bestDensity = -1;
            int bestDim = -1;
            boolean bestLow = false;
            double bestCut = Double.NaN;
            for (int j = 0; j < d; j++) {
                double[] values = column(x, in, j);
                Arrays.sort(values);
                int k = (int) Math.ceil(alpha * values.length);
                if (k >= values.length) {
                    continue;
                }
                for (boolean low : new boolean[] {true, false}) {
                    // low: keep x >= the k-th smallest; high: keep x <= the k-th largest
                    double cut = low ? values[k] : values[values.length - 1 - k];
                    // with ties the alpha-quantile may be the end value itself: peel its whole tie group
                    if (low && cut == values[0]) {
                        cut = next(values, values[0]);
                    } else if (!low && cut == values[values.length - 1]) {
                        cut = previous(values, values[values.length - 1]);
                    }
                    if (Double.isNaN(cut)) {
                        continue;
                    }
                    int kept = 0;
                    int hits = 0;
                    for (int i = 0; i < n; i++) {
                        if (in[i] && (low ? x[i][j] >= cut : x[i][j] <= cut)) {
                            kept++;
                            hits += interesting[i] ? 1 : 0;
                        }
                    }
                    if (kept == inside || kept < minMass * n || kept == 0) {
                        continue;
                    }
                    double density = hits / (double) kept;
                    if (density > bestDensity + 1e-12) {
                        bestDensity = density;
                        bestDim = j;
                        bestLow = low;
                        bestCut = cut;
                    }
                }
            }
            if (bestDim < 0) {
                return trajectory;
            }
            for (int i = 0; i < n; i++) {
                if (in[i] && (bestLow ? x[i][bestDim] < bestCut : x[i][bestDim] > bestCut)) {
                    in[i] = false;
                }
            }
            if (bestLow) {
                lower[bestDim] = bestCut;
            } else {
                upper[bestDim] = bestCut;
            }
            trajectory.add(box(in, interesting, lower, upper, total));
        }
    }

    /** The densest box of a trajectory with at least {@code minCoverage} coverage (the first box if none). */
    public static Box choose(List<Box> trajectory, double minCoverage) {
        Box best = trajectory.get(0);
        for (Box b : trajectory) {
            if (b.coverage() >= minCoverage && b.density() > best.density()) {
                best = b;
            }
        }
        return best;
    }

    private static Box box(boolean[] in, boolean[] interesting, double[] lower, double[] upper, int total) {
        int inside = 0;
        int hits = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                inside++;
                hits += interesting[i] ? 1 : 0;
            }
        }
        return new Box(lower.clone(), upper.clone(), total == 0 ? 0 : hits / (double) total,
                inside == 0 ? 0 : hits / (double) inside, in.length == 0 ? 0 : inside / (double) in.length);
    }

    /** The smallest value above v in sorted values, or NaN. */
    private static double next(double[] sorted, double v) {
        for (double s : sorted) {
            if (s > v) {
                return s;
            }
        }
        return Double.NaN;
    }

    /** The largest value below v in sorted values, or NaN. */
    private static double previous(double[] sorted, double v) {
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (sorted[i] < v) {
                return sorted[i];
            }
        }
        return Double.NaN;
    }

    private static int count(boolean[] in) {
        int c = 0;
        for (boolean b : in) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static double[] column(double[][] x, boolean[] in, int j) {
        double[] v = new double[count(in)];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (in[i]) {
                v[k++] = x[i][j];
            }
        }
        return v;
    }
}
