package org.safepassage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.safepassage.bench.BenchTable;
import org.safepassage.bench.Bench;
import org.safepassage.bench.Engine;
import org.safepassage.bench.SyntheticDistrict;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.sim.Households;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage bench}: how fast the model runs, and how much faster than a per-agent MASON model. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measures the model's speed, against a per-agent MASON reference too.",
        description = {"Measures wall time and household-steps per second of single runs (shipped full-scale",
            "scenario and synthetic districts of growing size), sweep throughput on 1 and all threads, and",
            "the speed of a per-agent MASON reference of the same rules, and (without --quick) how the cost",
            "grows with grid cells and ticks. Writes bench.csv, prints a table.",
            "Run it on a quiet machine: the figures are only as good as the machine's idleness."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Small sizes and few repetitions (about a minute), for a smoke test.")
    private boolean quick;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Shipped full-scale scenario, also the template of the synthetic districts (default: ${DEFAULT-VALUE}).")
    private Path scenarioFile = Path.of("scenarios", "pause-4d.yaml");

    @Option(names = "--sizes", split = ",", paramLabel = "PERSONS",
            description = "Persons of the synthetic districts (default: 10000,100000,1000000,3000000; --quick: 10000,100000).")
    private List<Long> sizes;

    @Option(names = "--repetitions", paramLabel = "N",
            description = "Timed runs per measurement (default 5, 3 above a million persons; --quick: 3).")
    private Integer repetitions;

    @Option(names = "--warmup", paramLabel = "N",
            description = {"Untimed runs before each measurement, at least; more until 2 s of CPU time are spent",
                "(default 1; 0 for none). Runs above a million persons are not warmed up."})
    private int warmups = 1;

    @Option(names = "--sweep-persons", paramLabel = "PERSONS",
            description = "Persons of the district the sweep runs (default 100000; --quick: 10000).")
    private Long sweepPersons;

    @Option(names = "--sweep-runs", paramLabel = "N", description = "Runs per sweep (default 8; --quick: 4).")
    private Integer sweepRuns;

    @Option(names = "--reference-persons", split = ",", paramLabel = "PERSONS",
            description = "Persons of the districts the per-agent reference runs (default 10000; none to skip).")
    private List<String> referencePersons;

    @Option(names = "--parts", split = ",", paramLabel = "PART",
            description = {"Which measurements: single, scaling, reference, sweep (default: all four;",
                "--quick: single, reference, sweep)."})
    private List<String> parts;

    static final List<String> PARTS = List.of("single", "scaling", "reference", "sweep");

    @Mixin
    private SharedOptions.Quiet quiet;

    @Override
    public Integer call() throws Exception {
        out = outOption.or(Path.of("results", "bench"));
        PrintWriter stdout = quiet.or(spec.commandLine().getOut());
        PrintWriter progress = quiet.or(spec.commandLine().getErr());
        PrintWriter err = spec.commandLine().getErr();
        Scenario template;
        try {
            template = ScenarioLoader.load(scenarioFile, List.of()).scenario();
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return ExitCode.BAD_INPUT;
        }
        List<Long> synthetic = sizes != null ? sizes : quick ? List.of(10_000L, 100_000L)
                : List.of(10_000L, 100_000L, 1_000_000L, 3_000_000L);
        int reps = repetitions != null ? repetitions : quick ? 3 : 5;
        long sweepSize = sweepPersons != null ? sweepPersons : quick ? 10_000L : 100_000L;
        int runs = sweepRuns != null ? sweepRuns : quick ? 4 : 8;
        List<Long> reference = new ArrayList<>();
        for (String s : referencePersons != null ? referencePersons : List.of("10000")) {
            if (!s.equalsIgnoreCase("none")) {
                try {
                    reference.add(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    err.println("safepassage bench: --reference-persons: found '" + s + "'; expected a number or none");
                    return ExitCode.BAD_INPUT;
                }
            }
        }
        List<Long> checked = new ArrayList<>(synthetic);
        checked.addAll(reference);
        checked.add(sweepSize);
        for (long p : checked) {
            if (p < 100) {
                err.println("safepassage bench: persons: found " + p + "; expected at least 100 persons");
                return ExitCode.BAD_INPUT;
            }
        }
        if (reps < 1 || runs < 1 || warmups < 0) {
            err.println("safepassage bench: --repetitions, --sweep-runs: found " + reps + ", " + runs
                    + "; expected at least 1 (and --warmup at least 0)");
            return ExitCode.BAD_INPUT;
        }
        List<String> chosen = parts != null ? parts : quick ? List.of("single", "reference", "sweep") : PARTS;
        for (String part : chosen) {
            if (!PARTS.contains(part)) {
                err.println("safepassage bench: --parts: found '" + part + "'; expected some of " + String.join(", ", PARTS));
                return ExitCode.BAD_INPUT;
            }
        }
        Bench bench = new Bench(err);
        progress.println("bench: " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        if (chosen.contains("single")) {
            progress.println("single runs, one thread");
            bench.single("single", Engine.MODEL, template, warmups, reps);
            for (long p : synthetic) {
                Scenario s = SyntheticDistrict.of(template, p);
                bench.single("single", Engine.MODEL, s, p > 1_000_000 ? 0 : warmups,
                        p >= 1_000_000 ? Math.min(reps, 3) : reps);
            }
        }
        if (chosen.contains("scaling")) {
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
        List<Bench.Row[]> pairs = new ArrayList<>();
        Engine referenceEngine = Engine.reference().orElse(null);
        if (chosen.contains("reference")) {
            progress.println(referenceEngine != null ? "model and per-agent reference, same district, one thread"
                    : "per-agent reference skipped: not in this jar (see docs/PERFORMANCE.md)");
        }
        for (long p : chosen.contains("reference") && referenceEngine != null ? reference : List.<Long>of()) {
            Scenario s = SyntheticDistrict.of(template, p);
            Bench.Row fast = bench.single("reference", Engine.MODEL, s, warmups, reps);
            Bench.Row slow = bench.single("reference", referenceEngine, s, warmups,
                    Math.max(1, Math.min(reps, 3)));
            pairs.add(new Bench.Row[] {fast, slow});
        }
        int all = Runtime.getRuntime().availableProcessors();
        Bench.Row one = null;
        Bench.Row many = null;
        if (chosen.contains("sweep")) {
            progress.println("sweep throughput");
            Scenario sweep = SyntheticDistrict.of(template, sweepSize);
            one = bench.sweep(Engine.MODEL, sweep, 1, runs, quick ? 1 : 3);
            many = all > 1 ? bench.sweep(Engine.MODEL, sweep, all, runs, quick ? 1 : 3) : one;
        }

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
        return ExitCode.OK;
    }
}
