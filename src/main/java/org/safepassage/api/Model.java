package org.safepassage.api;

import java.util.Map;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;

/** A loaded, checked scenario with its overrides applied; run it as often as wanted. */
public final class Model {
    private final Scenario scenario;
    private final Variation variation;
    private final Map<String, Object> parameters;

    Model(ScenarioLoader.Loaded loaded) {
        this.scenario = loaded.scenario();
        this.variation = loaded.variation();
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) loaded.effective().toPlain();
        this.parameters = plain;
    }

    /** The scenario's name ({@code meta.name}). */
    public String name() {
        return scenario.meta().name();
    }

    /** The scenario's own seed ({@code seed:}, 1 when it has none). */
    public long seed() {
        return scenario.seed();
    }

    /** Every key of the scenario after {@code extends} and overrides, as in a run's manifest.json. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** One run with the scenario's own seed. */
    public RunResult run() {
        return run(scenario.seed());
    }

    /**
     * One run with {@code seed}: the same seed gives the same numbers, on any thread, as
     * {@code safepassage run --seed} gives, drawing from the seed, as it does, the behaviour
     * ensemble member and the values of the scenario's ranges (docs/SCENARIO-FORMAT.md).
     */
    public RunResult run(long seed) {
        return new RunResult(SingleRun.run(variation.draw(seed).scenario()));
    }
}
