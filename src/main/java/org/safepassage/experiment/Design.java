package org.safepassage.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Study;

/**
 * The design points of a study: which value each varied key path takes at each point.
 * <ul>
 * <li>Factorial: every combination of the listed values; the first parameter varies slowest,
 *   the last fastest (point 0 takes every first value).</li>
 * <li>Latin hypercube and Sobol' (ranges): the Saltelli scheme for variance-based sensitivity.
 *   Two base matrices A and B of N = {@code samples} rows each are drawn from one 2k-dimensional
 *   Latin hypercube or Sobol' sequence (A its first k columns, B its last k); A_B^i is A with
 *   column i taken from B. Row j gives k + 2 consecutive points: A_j, B_j, A_B^1_j .. A_B^k_j,
 *   so point p is row p / (k + 2), block p % (k + 2); N (k + 2) points in all.</li>
 * </ul>
 * A range value is min + u (max - min) for u in [0, 1), written with 6 significant digits
 * (the written value is the one simulated), and rounded to a whole number when the key
 * takes whole numbers only (found by asking the scenario loader).
 */
public final class Design {

    /**
     * One design point.
     *
     * @param index 0-based number of the point
     * @param values the value of each varied key path, as scenario text (parallel to {@link #paths()})
     */
    public record Point(int index, List<String> values) {
        public Point {
            values = List.copyOf(values);
        }
    }

    private final Study study;
    private final List<String> paths;
    private final List<Point> points;
    private final int baseSamples;

    private Design(Study study, List<Point> points, int baseSamples) {
        this.study = study;
        this.paths = study.parameters().stream().map(Study.Parameter::path).toList();
        this.points = List.copyOf(points);
        this.baseSamples = baseSamples;
    }

    /** The design of a study (the study has been checked by the loader). */
    public static Design of(Study study) {
        List<Study.Parameter> params = study.parameters();
        if (study.design() == Study.Design.FACTORIAL) {
            return new Design(study, factorial(params), 0);
        }
        int n = study.samples();
        int k = params.size();
        double[][] base = study.design() == Study.Design.SOBOL
                ? UnitSamples.sobol(n, 2 * k)
                : UnitSamples.latinHypercube(n, 2 * k, new MersenneTwister(Seeds.stream(study.seed(), Seeds.DESIGN)));
        boolean[] whole = new boolean[k];
        for (int i = 0; i < k; i++) {
            whole[i] = takesWholeNumbersOnly(study, params.get(i));
        }
        double[][] unit = saltelli(base, k);
        List<Point> points = new ArrayList<>(unit.length);
        for (int p = 0; p < unit.length; p++) {
            List<String> values = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                Study.Parameter param = params.get(i);
                double x = param.min() + unit[p][i] * (param.max() - param.min());
                values.add(format(x, whole[i]));
            }
            points.add(new Point(p, values));
        }
        return new Design(study, points, n);
    }

    /**
     * An external design: the points of a file made by another sampler (SALib, EMA Workbench,
     * OpenMOLE, R), one column per key path and one row per point ({@link DesignFile}). The
     * study gives the base scenario, replicates, seed and outputs; its own parameters are
     * replaced by the file's columns, and its points are analysed as listed points (as a
     * factorial design's: paired differences against point 0).
     */
    public static Design ofPoints(Study study, DesignFile points) {
        List<Study.Parameter> params = new ArrayList<>();
        for (int i = 0; i < points.paths().size(); i++) {
            int column = i;
            List<String> values = points.rows().stream().map(r -> r.get(column)).distinct().toList();
            params.add(new Study.Parameter(points.paths().get(i), values, Double.NaN, Double.NaN));
        }
        Study listed = new Study(study.name(), study.base(), params, Study.Design.FACTORIAL, study.samples(),
                study.replicates(), study.seed(), study.outputs(), study.source());
        List<Point> list = new ArrayList<>(points.rows().size());
        for (List<String> row : points.rows()) {
            list.add(new Point(list.size(), row));
        }
        return new Design(listed, list, 0);
    }

    /**
     * The Saltelli matrix: from an N x 2k base sample, the N (k + 2) rows A_j, B_j, A_B^1_j, ..
     * A_B^k_j for j = 0..N-1.
     */
    public static double[][] saltelli(double[][] base, int k) {
        int n = base.length;
        double[][] out = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            double[] a = new double[k];
            double[] b = new double[k];
            System.arraycopy(base[j], 0, a, 0, k);
            System.arraycopy(base[j], k, b, 0, k);
            int row = j * (k + 2);
            out[row] = a;
            out[row + 1] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                out[row + 2 + i] = ab;
            }
        }
        return out;
    }

    private static List<Point> factorial(List<Study.Parameter> params) {
        int count = 1;
        for (Study.Parameter p : params) {
            count = Math.multiplyExact(count, p.values().size());
        }
        List<Point> points = new ArrayList<>(count);
        int[] digit = new int[params.size()];
        for (int index = 0; index < count; index++) {
            List<String> values = new ArrayList<>(params.size());
            for (int i = 0; i < params.size(); i++) {
                values.add(params.get(i).values().get(digit[i]));
            }
            points.add(new Point(index, values));
            for (int i = params.size() - 1; i >= 0; i--) {
                if (++digit[i] < params.get(i).values().size()) {
                    break;
                }
                digit[i] = 0;
            }
        }
        return points;
    }

    /** A range with whole-number ends whose key refuses a fraction between them takes whole numbers only. */
    private static boolean takesWholeNumbersOnly(Study study, Study.Parameter p) {
        if (p.min() != Math.rint(p.min()) || p.max() != Math.rint(p.max())) {
            return false;
        }
        try {
            ScenarioLoader.load(study.base(), List.of(p.path() + "=" + format(p.min() + 0.5, false)));
            return false;
        } catch (InvalidInputException e) {
            return true;
        }
    }

    /** A range value as scenario text: 6 significant digits, or a whole number. */
    static String format(double x, boolean whole) {
        if (whole) {
            return Long.toString(Math.round(x));
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    public Study study() {
        return study;
    }

    /** The varied key paths, in the study's order. */
    public List<String> paths() {
        return paths;
    }

    public List<Point> points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    /** True for the Saltelli layout of LHS and Sobol' designs, which gives sensitivity indices. */
    public boolean isSaltelli() {
        return baseSamples > 0;
    }

    /** N, the rows of each Saltelli base matrix (0 for factorial designs). */
    public int baseSamples() {
        return baseSamples;
    }
}
