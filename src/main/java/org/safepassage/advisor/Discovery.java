package org.safepassage.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safepassage.scenario.DesignSpec;

/**
 * Scenario discovery for the recommended design: in which states of the world does it fail?
 * PRIM ({@link Prim}) over the uncertain factors of its runs, said in words.
 *
 * @param failure what failing means, in words
 * @param failures runs that failed, of {@code runs}
 * @param factors the factors' names, in the box's order
 * @param box the chosen box, or null when nothing failed or nothing varies
 * @param sentence the box in words
 */
public record Discovery(String failure, int failures, int runs, List<String> factors, Prim.Box box, String sentence) {

    /** Peel 5 % at a time down to 10 % of the runs; the densest box holding at least half of the failures. */
    static final double ALPHA = 0.05;
    static final double MIN_MASS = 0.10;
    static final double MIN_COVERAGE = 0.5;

    public static Discovery of(Advisor.Result result, World world) {
        DesignSpec spec = result.spec();
        Candidate c = result.recommended().candidate();
        TreeMap<Integer, Evaluation> runs = result.runs().get(c);
        int n = result.recommended().replicates();
        DesignSpec.Failure failure = spec.failure();
        if (failure == null) {
            DesignSpec.Objective o = spec.objectives().get(0);
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = runs.get(r).outcome().figures().get(o.figure());
            }
            double bound = Evaluator.statistic(o.maximise() ? "p25" : "p75", v);
            failure = new DesignSpec.Failure(o.figure(), o.maximise(), bound);
        }
        List<String> names = new ArrayList<>();
        List<Map<String, Double>> rows = new ArrayList<>();
        boolean[] failed = new boolean[n];
        int failures = 0;
        for (int r = 0; r < n; r++) {
            Evaluation e = runs.get(r);
            Map<String, Double> f = world.factors(e.outcome());
            f.keySet().stream().filter(k -> !names.contains(k)).forEach(names::add);
            rows.add(f);
            double value = e.outcome().figures().get(failure.figure());
            failed[r] = failure.below() ? value < failure.bound() : value > failure.bound();
            failures += failed[r] ? 1 : 0;
        }
        String what = failure.label();
        if (failures == 0 || names.isEmpty()) {
            return new Discovery(what, failures, n, names, null, failures == 0
                    ? "It never had " + what + " in the " + n + " states of the world."
                    : "Nothing uncertain varies between the states of the world but the dice, so no condition explains "
                            + "the " + failures + " runs with " + what + ".");
        }
        double[][] x = new double[n][names.size()];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < names.size(); j++) {
                x[r][j] = rows.get(r).getOrDefault(names.get(j), Double.NaN);
            }
        }
        Prim.Box box = Prim.choose(Prim.peel(x, failed, ALPHA, MIN_MASS), MIN_COVERAGE);
        return new Discovery(what, failures, n, names, box, sentence(what, failures, n, names, box));
    }

    static String sentence(String what, int failures, int n, List<String> names, Prim.Box box) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (!Double.isNaN(box.lower()[j]) && !Double.isNaN(box.upper()[j])) {
                parts.add(name + " is between " + DesignOutput.num(box.lower()[j]) + " and "
                        + DesignOutput.num(box.upper()[j]));
            } else if (!Double.isNaN(box.lower()[j])) {
                parts.add(name + " is at least " + DesignOutput.num(box.lower()[j]));
            } else if (!Double.isNaN(box.upper()[j])) {
                parts.add(name + " is at most " + DesignOutput.num(box.upper()[j]));
            }
        }
        String share = Math.round(100 * box.density()) + " %";
        if (parts.isEmpty()) {
            return "It has " + what + " in " + failures + " of " + n + " states of the world, with no condition on "
                    + "the uncertain inputs that singles them out.";
        }
        return "It has " + what + " in " + failures + " of " + n + " states of the world; it does so in " + share
                + " of the states where " + String.join(" and ", parts) + " (" + Math.round(100 * box.coverage())
                + " % of its failures, " + Math.round(100 * box.mass()) + " % of the states).";
    }
}
