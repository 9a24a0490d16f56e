package org.safepassage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.Households;

/**
 * One bench session: the measurements of a {@link BenchPlan} made in order (single runs,
 * scaling, model against the per-agent reference, sweep throughput), then bench.csv and the
 * terminal's table and ratios.
 */
public final class BenchRun {

    private final Bench bench;
    private final List<Bench.Row[]> pairs = new ArrayList<>();
    private final int processors = Runtime.getRuntime().availableProcessors();
    private Bench.Row one;
    private Bench.Row many;

    private BenchRun(PrintWriter log) {
        this.bench = new Bench(log);
    }

    /**
     * Makes the plan's measurements of districts made from {@code template}; each run's times go
     * to {@code log}, what is being measured to {@code progress}.
     */
    public static BenchRun measure(BenchPlan plan, Scenario template, PrintWriter log, PrintWriter progress)
            throws InterruptedException {
        BenchRun run = new BenchRun(log);
        Bench bench = run.bench;
        int warmups = plan.warmups();
        int reps = plan.repetitions();
        long sweepSize = plan.sweepPersons();
        progress.println("bench: " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        if (plan.has("single")) {
            progress.println("single runs, one thread");
            bench.single("single", Engine.MODEL, template, warmups, reps);
            for (long p : plan.synthetic()) {
                Scenario s = SyntheticDistrict.of(template, p);
                bench.single("single", Engine.MODEL, s, p > 1_000_000 ? 0 : warmups,
                        p >= 1_000_000 ? Math.min(reps, 3) : reps);
            }
        }
        if (plan.has("scaling")) {
            progress.println("cost against grid cells (same persons) and ticks (same horizon), pauses never ended early");
            Scenario base = SyntheticDistrict.withoutEarlyEnds(SyntheticDistrict.of(template, sweepSize));
            int side = base.map().width();
            for (int factor : new int[] {1, 2, 4}) {
                bench.single("grid", Engine.MODEL, SyntheticDistrict.withoutEarlyEnds(
                        SyntheticDistrict.of(template, sweepSize, side * factor)), warmups, reps);
            }
            for (int minutes : new int[] {5, 2, 1}) {
                bench.single("ticks", Engine.MODEL, SyntheticDistrict.withTickMinutes(base, minutes), warmups, reps);
            }
        }
        Engine referenceEngine = Engine.reference().orElse(null);
        if (plan.has("reference")) {
            progress.println(referenceEngine != null ? "model and per-agent reference, same district, one thread"
                    : "per-agent reference skipped: not in this jar (see docs/PERFORMANCE.md)");
        }
        for (long p : plan.has("reference") && referenceEngine != null ? plan.reference() : List.<Long>of()) {
            Scenario s = SyntheticDistrict.of(template, p);
            Bench.Row fast = bench.single("reference", Engine.MODEL, s, warmups, reps);
            Bench.Row slow = bench.single("reference", referenceEngine, s, warmups,
                    Math.max(1, Math.min(reps, 3)));
            run.pairs.add(new Bench.Row[] {fast, slow});
        }
        int all = run.processors;
        if (plan.has("sweep")) {
            progress.println("sweep throughput");
            Scenario sweep = SyntheticDistrict.of(template, sweepSize);
            run.one = bench.sweep(Engine.MODEL, sweep, 1, plan.sweepRuns(), plan.quick() ? 1 : 3);
            run.many = all > 1 ? bench.sweep(Engine.MODEL, sweep, all, plan.sweepRuns(), plan.quick() ? 1 : 3) : run.one;
        }
        return run;
    }

    /** Writes bench.csv into {@code out} and prints the table, the ratios and the machine's load; returns the file. */
    public Path write(Path out, PrintWriter stdout) throws IOException {
        Path csv = out.resolve("bench.csv");
        bench.writeCsv(csv);
        BenchTable.print(stdout, bench.rows());
        stdout.println();
        for (Bench.Row[] pair : pairs) {
            stdout.printf(Locale.ROOT, "speed ratio model / per-agent reference at %,d persons: %.1fx household-steps "
                    + "per wall second, %.1fx per CPU second%n", pair[0].persons(),
                    pair[0].householdStepsPerSecond() / pair[1].householdStepsPerSecond(),
                    pair[0].householdStepsPerCpuSecond() / pair[1].householdStepsPerCpuSecond());
        }
        int all = processors;
        if (one != null) {
            stdout.printf(Locale.ROOT, "sweep speed-up on %d threads: %.2fx runs/s of one thread (CPU time per run %.3f s "
                    + "on 1 thread, %.3f s on %d)%n", all, many.runsPerSecond() / one.runsPerSecond(),
                    one.cpuSecondsPerRunMedian(), many.cpuSecondsPerRunMedian(), all);
        }
        stdout.printf(Locale.ROOT, "load average at the end: %.1f on %d processors%s%n", Bench.loadAverage(), all,
                Bench.loadAverage() > 0.5 ? " (others were using the machine: wall times are inflated; CPU times are not)"
                        : "");
        stdout.printf(Locale.ROOT, "household state in hot arrays: %d bytes per household (sim/Households.java)%n",
                Households.bytesPerHousehold());
        stdout.println("wrote " + csv);
        return csv;
    }
}
