package org.safepassage.advisor;

import java.util.ArrayList;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.DesignSpec;
import org.safepassage.scenario.Ensemble;
import org.safepassage.scenario.Uncertain;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;

/**
 * The simulation as a {@link World}: a candidate is the design file's base scenario with its
 * uncertain inputs and the candidate's lever values as {@code --set} overrides; a state of the
 * world is a replicate seed, which draws the behaviour ensemble member, the quantile of every
 * uncertain input ({@link Variation#draw}) and the run's own dice.
 */
public final class ScenarioWorld implements World {
    /**
     * A design figure beside the run's own: the civilian crossings open in the run's scenario
     * (fighter and medical corridors are not counted: they are not what a planner opens for people).
     */
    public static final String CORRIDORS_OPEN = "corridorsOpen";
    private final DesignSpec spec;
    private Variation base;

    public ScenarioWorld(DesignSpec spec) {
        this.spec = spec;
    }

    /**
     * The value each uncertain input drew (durations in hours, a choice as its position in the
     * list) and, with an ensemble, each behaviour parameter that differs between members.
     */
    @Override
    public Map<String, Double> factors(Outcome outcome) {
        Map<String, Double> out = new LinkedHashMap<>();
        Variation base = baseVariation();
        for (Uncertain.Spec s : base.specs()) {
            Double q = outcome.quantiles().get(s.path());
            if (q != null) {
                out.put(s.path(), number(s.at(q), q));
            }
        }
        Ensemble ensemble = base.ensemble();
        if (ensemble != null && outcome.member() >= 0) {
            Map<String, java.util.Set<String>> seen = new LinkedHashMap<>();
            for (Ensemble.Member m : ensemble.members()) {
                m.sets().forEach((k, v) -> seen.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(v.text()));
            }
            Ensemble.Member m = ensemble.members().get(outcome.member());
            m.sets().forEach((k, v) -> {
                if (seen.get(k).size() > 1) {
                    out.put(k, number(v.text(), Double.NaN));
                }
            });
        }
        return out;
    }

    private static double number(String text, double otherwise) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            try {
                return Duration.parse(text).toMinutes() / 60.0;
            } catch (RuntimeException e2) {
                return otherwise;
            }
        }
    }

    private synchronized Variation baseVariation() {
        if (base == null) {
            try {
                base = ScenarioLoader.load(spec.base(), spec.inputs(), spec.ensemble()).variation();
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e.problems().get(0).format());
            }
        }
        return base;
    }

    @Override
    public Model prepare(List<String> sets) throws InvalidCandidateException {
        List<String> all = new ArrayList<>(spec.inputs());
        all.addAll(sets);
        Variation variation;
        try {
            variation = ScenarioLoader.load(spec.base(), all, spec.ensemble()).variation();
        } catch (InvalidInputException e) {
            throw new InvalidCandidateException(e.problems().get(0).format());
        }
        return seed -> {
            Variation.Drawn drawn = variation.draw(seed);
            SingleRun.Result result = SingleRun.runCounts(drawn.scenario());
            Map<String, Double> figures = new LinkedHashMap<>(result.summary().figures());
            figures.put(CORRIDORS_OPEN, (double) civilianCrossings(drawn.scenario()));
            return new Outcome(drawn.member(), drawn.quantiles(), figures);
        };
    }

    /** Civilian crossings open in a scenario (a closed crossing is not in it at all). */
    static long civilianCrossings(org.safepassage.scenario.Scenario scenario) {
        return scenario.corridors().stream().filter(c -> c.kind() == org.safepassage.scenario.Corridor.Kind.CIVILIAN)
                .count();
    }
}
