package org.safepassage.advisor;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.DesignSpec;
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
    private final DesignSpec spec;

    public ScenarioWorld(DesignSpec spec) {
        this.spec = spec;
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
            SingleRun.Result result = SingleRun.run(drawn.scenario());
            return new Outcome(drawn.member(), drawn.quantiles(), result.summary().figures());
        };
    }
}
