package org.safepassage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.safepassage.bench.BenchPlan;
import org.safepassage.bench.BenchRun;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
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

    @Mixin
    private SharedOptions.Quiet quiet;

    @Override
    public Integer call() throws Exception {
        out = outOption.or(Path.of("results", "bench"));
        PrintWriter stdout = quiet.or(spec.commandLine().getOut());
        PrintWriter progress = quiet.or(spec.commandLine().getErr());
        PrintWriter err = spec.commandLine().getErr();
        Scenario template;
        BenchPlan plan;
        try {
            template = ScenarioLoader.load(scenarioFile, List.of()).scenario();
            plan = BenchPlan.of(quick, sizes, repetitions, warmups, sweepPersons, sweepRuns, referencePersons, parts);
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return ExitCode.BAD_INPUT;
        } catch (BenchPlan.Refused e) {
            err.println("safepassage bench: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        BenchRun.measure(plan, template, err, progress).write(out, stdout);
        return ExitCode.OK;
    }
}
