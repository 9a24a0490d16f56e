package org.safepassage.advisor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PRIM, the patient rule induction method (Friedman and Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123-143), peeling only, with the
 * conventions of the scenario-discovery implementations (Bryant and Lempert 2010,
 * doi:10.1016/j.techfore.2009.08.002; the sdtoolkit R package and the EMA Workbench,
 * https://emaworkbench.readthedocs.io):
 * <ul>
 * <li>a candidate peel removes the cases beyond the {@code alpha} (low end) or {@code 1 - alpha}
 * (high end) quantile of one input among the cases in the box; the quantile is taken at position
 * (m - 1) x q of the m sorted values, and the cut lies half-way between the two values around
 * that position, moved outwards past equal values so that a cut never splits a group of ties
 * ({@link #cut});</li>
 * <li>the peel chosen is the one that leaves the highest share of cases of interest in the box
 * (Friedman and Fisher's criterion); ties go to the peel that leaves more inputs unrestricted,
 * then to the first input, high end before low;</li>
 * <li>peeling stops when no peel raises the density or the box would hold fewer than
 * {@code minMass} of all cases.</li>
 * </ul>
 * Each box on the way is kept (the peeling trajectory); the box reported is the densest one with
 * at least {@code minCoverage} of the cases of interest. Pasting is not done.
 * {@code PrimTest} reproduces the published box 21 of Bryant and Lempert's biofuel data. (An
 * earlier version cut at the data value itself, the ceil(alpha m)-th smallest, and so drifted
 * from the published trajectory: box 21 had coverage 0.787 and density 0.722 instead of 0.753
 * and 0.770. The EMA Workbench's default "lenient" criterion, gain per case removed, gives the
 * same box 21 on these data.)
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

        /** How many inputs are restricted. */
        public int restricted() {
            int k = 0;
            for (int i = 0; i < lower.length; i++) {
                k += restricts(i) ? 1 : 0;
            }
            return k;
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
        while (n > 0) {
            int inside = 0;
            int hitsInside = 0;
            for (int i = 0; i < n; i++) {
                if (in[i]) {
                    inside++;
                    hitsInside += interesting[i] ? 1 : 0;
                }
            }
            double densityBefore = hitsInside / (double) inside;
            double bestGain = Double.NEGATIVE_INFINITY;
            int bestFree = -1;
            int bestDim = -1;
            boolean bestLow = false;
            double bestCut = Double.NaN;
            int bestKept = inside;
            for (int j = 0; j < d; j++) {
                double[] values = column(x, in, j, inside);
                Arrays.sort(values);
                for (boolean low : new boolean[] {false, true}) {
                    double cut = cut(values, low ? alpha : 1 - alpha);
                    int kept = 0;
                    int hits = 0;
                    for (int i = 0; i < n; i++) {
                        if (in[i] && (low ? x[i][j] >= cut : x[i][j] <= cut)) {
                            kept++;
                            hits += interesting[i] ? 1 : 0;
                        }
                    }
                    double densityAfter = kept == 0 ? 0 : hits / (double) kept;
                    double gain = kept == inside ? 0 : densityAfter - densityBefore;
                    boolean wasFree = Double.isNaN(lower[j]) && Double.isNaN(upper[j]);
                    int free = (d - restricted(lower, upper)) - (wasFree && kept < inside ? 1 : 0);
                    if (gain > bestGain || (gain == bestGain && free > bestFree)) {
                        bestGain = gain;
                        bestFree = free;
                        bestDim = j;
                        bestLow = low;
                        bestCut = cut;
                        bestKept = kept;
                    }
                }
            }
            if (bestDim < 0 || !(bestGain > 0) || bestKept >= inside || bestKept < minMass * n) {
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
        return trajectory;
    }

    /**
     * Where a peel at quantile q cuts sorted values: position p = (m - 1) q lies between the values
     * at floor(p) and ceil(p); while those two are equal, the one on the far side from the peel
     * moves outwards (towards the low end for a high peel, q above 0.5, towards the high end for a
     * low one); the cut is half-way between them. For a low peel the box keeps values at or above
     * the cut, for a high peel values at or below it.
     */
    static double cut(double[] sorted, double q) {
        double p = (sorted.length - 1) * q;
        int below = (int) Math.floor(p);
        int above = (int) Math.ceil(p);
        if (q > 0.5) {
            while (sorted[below] == sorted[above] && below > 0) {
                below--;
            }
        } else {
            while (sorted[below] == sorted[above] && above < sorted.length - 1) {
                above++;
            }
        }
        return (sorted[below] + sorted[above]) / 2;
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

    private static int restricted(double[] lower, double[] upper) {
        int k = 0;
        for (int j = 0; j < lower.length; j++) {
            k += Double.isNaN(lower[j]) && Double.isNaN(upper[j]) ? 0 : 1;
        }
        return k;
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

    private static double[] column(double[][] x, boolean[] in, int j, int inside) {
        double[] v = new double[inside];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (in[i]) {
                v[k++] = x[i][j];
            }
        }
        return v;
    }
}
