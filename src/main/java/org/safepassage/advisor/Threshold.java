package org.safepassage.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safepassage.scenario.DesignSpec;

/**
 * A threshold question: the first value of a lever, in the order the design file lists it (for
 * a range, the smallest first), that gets a figure to at least N with probability at least p,
 * the other levers held at the recommended design's values; each value is run in the last
 * stage's states of the world, in order, until one is enough.
 */
public final class Threshold {

    private static final Pattern SYNTAX = Pattern.compile("([A-Za-z]+)\\s*>=\\s*([0-9.eE+]+)\\s*@\\s*([0-9.]+)");

    /** The question: {@code figure >= atLeast} with probability {@code probability}, over the lever {@code lever}. */
    public record Question(int lever, String figure, double atLeast, double probability) {
        public String words(DesignSpec spec) {
            if (org.safepassage.scenario.DesignSpecLoader.CORRIDORS.equals(spec.levers().get(lever).path())) {
                return "the fewest corridors (the first set of crossings, fewest first) that get " + figure
                        + " to at least " + DesignOutput.num(atLeast) + " with probability " + DesignOutput.num(probability);
            }
            return "the first " + spec.levers().get(lever).path() + " that gets " + figure + " to at least "
                    + DesignOutput.num(atLeast) + " with probability " + DesignOutput.num(probability);
        }
    }

    /** One value tried: the share of states in which the figure reached the bound. */
    public record Tried(String value, String design, double probability) {
    }

    /** The values tried in order and the answer (null when none was enough). */
    public record Answer(Question question, List<Tried> tried, String value, int replicates) {
    }

    private Threshold() {
    }

    /**
     * Parses {@code FIGURE>=N@P} with the lever named by its key path (null: the first lever).
     *
     * @throws IllegalArgumentException with what was expected
     */
    public static Question parse(String text, String leverPath, DesignSpec spec) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--threshold: found '" + text
                    + "'; expected FIGURE>=N@P, e.g. evacuated>=10000@0.8");
        }
        String figure = m.group(1);
        if (!org.safepassage.scenario.DesignSpecLoader.FIGURES.contains(figure)) {
            throw new IllegalArgumentException("--threshold: figure '" + figure + "'; expected one of "
                    + String.join(", ", org.safepassage.scenario.DesignSpecLoader.FIGURES));
        }
        double n = Double.parseDouble(m.group(2));
        double p = Double.parseDouble(m.group(3));
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("--threshold: probability " + m.group(3) + "; expected above 0, at most 1");
        }
        int lever = 0;
        if (leverPath != null) {
            lever = -1;
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < spec.levers().size(); i++) {
                paths.add(spec.levers().get(i).path());
                if (spec.levers().get(i).path().equals(leverPath)) {
                    lever = i;
                }
            }
            if (lever < 0) {
                throw new IllegalArgumentException("--lever: '" + leverPath + "'; expected one of the design's levers: "
                        + String.join(", ", paths));
            }
        }
        return new Question(lever, figure, n, p);
    }

    static Answer answer(Question q, Advisor.Result result, Evaluator evaluator) throws java.io.IOException,
            InterruptedException {
        DesignSpec spec = result.spec();
        int replicates = spec.search().stages().get(spec.search().stages().size() - 1);
        int[] base = result.recommended().candidate().index();
        List<Tried> tried = new ArrayList<>();
        List<String> values = spec.levers().get(q.lever()).values();
        java.util.Set<Candidate> seen = new java.util.HashSet<>();
        for (int v = 0; v < values.size(); v++) {
            int[] index = base.clone();
            index[q.lever()] = v;
            Candidate c = new Candidate(index).canonical(spec);
            if (!seen.add(c)) {
                continue; // the lever does not matter here (onlyWhen): the same design as a value tried
            }
            evaluator.ensure(List.of(c), replicates);
            evaluator.needScores();
            if (evaluator.isInvalid(c)) {
                continue;
            }
            double[] figure = evaluator.figure(c, q.figure(), replicates);
            int ok = 0;
            for (double x : figure) {
                ok += x >= q.atLeast() ? 1 : 0;
            }
            double share = ok / (double) replicates;
            tried.add(new Tried(values.get(v), c.key(), share));
            if (share >= q.probability()) {
                return new Answer(q, tried, values.get(v), replicates);
            }
        }
        return new Answer(q, tried, null, replicates);
    }
}
