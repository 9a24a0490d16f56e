package org.safepassage.bench;

import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.Scenario;

/** Something that runs a scenario to its horizon: the model, or the per-agent reference. */
public interface Engine {

    /** What a run reports back: its size and a figure, so the work cannot be skipped. */
    record Outcome(int households, int ticks, long evacuated) {
    }

    String name();

    Outcome run(Scenario scenario);

    /** The model as {@code safepassage run} runs it (with the per-tick time series). */
    Engine MODEL = new Engine() {
        @Override
        public String name() {
            return "model";
        }

        @Override
        public Outcome run(Scenario scenario) {
            SingleRun.Result r = SingleRun.run(scenario);
            return new Outcome(r.model().district().households().count(), r.model().ticks(), r.summary().evacuated());
        }
    };
}
