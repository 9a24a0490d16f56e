package org.safepassage.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safepassage.metrics.SingleRun;

/**
 * Each shipped scenario run once per test JVM, at its own seed, with conservation checked by
 * the model and recounted from the household arrays at every tick ({@link ConservationTest.Recount});
 * the conservation and pattern tests read the same runs, so that the suite stays quick.
 */
public final class ShippedRuns {

    private static final Map<String, SingleRun.Result> RUNS = new ConcurrentHashMap<>();

    private ShippedRuns() {
    }

    /** The run of scenarios/{@code file}. */
    public static SingleRun.Result of(String file) {
        return RUNS.computeIfAbsent(file, f -> {
            ConservationTest.Recount recount = new ConservationTest.Recount();
            SingleRun.Result r = SingleRun.run(TestScenarios.load(TestScenarios.SHIPPED.resolve(f)), true, null,
                    List.of(recount));
            if (recount.ticks != r.scenario().clock().ticks()) {
                throw new AssertionError(f + ": recounted " + recount.ticks + " ticks");
            }
            return r;
        });
    }

    public static SingleRun.Result of(Path file) {
        return of(file.getFileName().toString());
    }
}
