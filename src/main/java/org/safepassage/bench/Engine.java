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

    /** Class of the per-agent reference, which lives with the tests and is not in the shipped jar. */
    String REFERENCE_CLASS = "org.safepassage.bench.reference.ReferenceEngine";

    /**
     * The per-agent MASON reference (docs/PERFORMANCE.md) when it is on the class path: with the
     * test classes ({@code ./mvnw test-compile}, then {@code java -cp
     * target/safepassage.jar:target/test-classes org.safepassage.cli.Main bench}); empty in the
     * shipped jar, which carries the model only.
     */
    static java.util.Optional<Engine> reference() {
        try {
            return java.util.Optional.of((Engine) Class.forName(REFERENCE_CLASS).getField("INSTANCE").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return java.util.Optional.empty();
        }
    }
}
