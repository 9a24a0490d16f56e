package org.safepassage.advisor;

import java.util.List;
import java.util.Map;

/** What a candidate design is run in: the simulation, or a synthetic problem in tests. */
public interface World {

    /**
     * Prepares a candidate given as {@code --set} overrides (called once per candidate and batch,
     * from any thread).
     *
     * @throws InvalidCandidateException when the overrides do not make a valid scenario
     */
    Model prepare(List<String> sets) throws InvalidCandidateException;

    /**
     * The uncertain factors of a run, by name, as numbers for scenario discovery: by default the
     * quantile each uncertain input drew.
     */
    default Map<String, Double> factors(Outcome outcome) {
        return outcome.quantiles();
    }

    /** One candidate, ready to run in any state of the world. */
    interface Model {
        /** A run in the state of the world {@code seed} draws; a pure function of the seed. */
        Outcome run(long seed);
    }

    /**
     * What one run drew and gave.
     *
     * @param member the behaviour ensemble member, -1 without one
     * @param quantiles the quantile each uncertain input drew, by key path
     * @param figures the run's summary figures, by name
     */
    record Outcome(int member, Map<String, Double> quantiles, Map<String, Double> figures) {
    }

    /** A combination of lever values that is not a valid scenario. */
    final class InvalidCandidateException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidCandidateException(String message) {
            super(message);
        }
    }
}
