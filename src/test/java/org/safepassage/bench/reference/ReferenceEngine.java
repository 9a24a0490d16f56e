package org.safepassage.bench.reference;

import org.safepassage.bench.Engine;
import org.safepassage.scenario.Scenario;

/** The per-agent reference as an {@link Engine} for the benchmark. */
public final class ReferenceEngine implements Engine {

    public static final ReferenceEngine INSTANCE = new ReferenceEngine();

    private ReferenceEngine() {
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Outcome run(Scenario scenario) {
        ReferenceModel model = ReferenceModel.run(scenario);
        return new Outcome(model.households().size(), model.ticks(), model.evacuated);
    }
}
