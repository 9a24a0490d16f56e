package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.output.CompareOutput;
import org.safepassage.experiment.CompareShards;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.ShardJournal;
import org.safepassage.experiment.ShardSet;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.experiment.RunDetails;
import org.safepassage.experiment.ScenarioFacts;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code safepassage compare SCENARIO...}: runs each scenario for the same replicates (common
 * random numbers) and writes the comparison's tables, charts and report.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Compares scenarios over replicates with common random numbers.",
        description = {"Runs each scenario N times with common random numbers (replicate r has the",
            "same seed in every scenario), prints a table and writes into DIR: runs.csv,",
            "summary.csv, paired.csv (each scenario minus the first, by replicate),",
            "timeseries-mean.csv, scenarios.csv, manifest.json, report.html and the charts",
            "evacuated-over-time, evacuated and killed (.png and .svg).",
            "Replicate r (from 0) runs with the seed a sweep with study seed --seed gives replicate r,",
            "the same in every scenario (listed in runs.csv).",
            "Exit code 0 when done, 1 when a run fails, 2 for bad input (nothing written)."})
final class CompareCommand implements Callable<Integer> {

    static final long DEFAULT_SEED = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO",
            description = "Scenario YAML files; the first is the baseline of the paired differences.")
    private List<Path> files;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "30",
            description = "Runs per scenario (default: ${DEFAULT-VALUE}).")
    private int replicates;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Mixin
    private SharedOptions.Threads threadsOption;
    private Integer threads;

    @Mixin
    private SharedOptions.Seed seedOption;
    private long seed;

    @Mixin
    private SharedOptions.Overrides setsOption;
    private List<String> sets;
    private SweepPlan.Shard shard;

    @Option(names = "--ensemble", paramLabel = "FILE|none",
            description = {"Behaviour ensemble each replicate draws a member from (default: the one the",
                "scenario names under ensemble:, for the shipped ones scenarios/ensembles/behaviour.yaml);",
                "'none' runs the calibrated defaults alone (the spread is then the dice and the",
                "scenario's own ranges only)."})
    private String ensemble;

    @Option(names = "--at-least", paramLabel = "N",
            description = {"Report the chance of at least N persons out (default: the first scenario's",
                "median, rounded to two figures, so the others read as the chance of beating it)."})
    private Double atLeast;

    @Option(names = "--outputs", paramLabel = "LIST",
            description = {"Also write tidy per-run tables, keyed by scenario and replicate: corridors",
                "(corridors.csv), neighbourhoods (neighbourhoods.csv), hourly (hourly.csv); comma-separated."})
    private String outputs;

    @Option(names = "--hourly-step", paramLabel = "HOURS", defaultValue = "1",
            description = "Hours between two rows of hourly.csv (default: ${DEFAULT-VALUE}).")
    private int hourlyStep;

    @Option(names = "--shard", paramLabel = "I/N",
            description = {"Run only shard I of N: replicates r with r mod N = I - 1, of every scenario, into",
                "--out (a journal units.jsonl and manifest.json; started again, it goes on from the journal).",
                "Join all N folders with 'safepassage merge'. See docs/CLUSTER.md."})
    private String shardText;

    /** The shard folders 'merge' joins: the runs come from their journals instead of being run. */
    @Option(names = "--from-shards", arity = "1..*", paramLabel = "DIR", hidden = true)
    private List<Path> fromShards;

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    @Mixin
    private SharedOptions.Format format;

    @Mixin
    private SharedOptions.Bom bom;

    /** The scenarios as loaded: what each replicate draws, the effective parameters, the facts of the pauses. */
    private record Loaded(List<Variation> variations, List<Object> effective, List<ScenarioFacts> facts,
            List<String> fileSha256, RunDetails.Choice details) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = outOption.or(Path.of("results", "compare"));
        seed = seedOption.or(DEFAULT_SEED);
        sets = setsOption.list();
        quiet = quietOption.on();
        int threadCount = threadsOption.or(Runtime.getRuntime().availableProcessors());
        PrintWriter err = spec.commandLine().getErr();
        Loaded loaded = load(threadCount, err);
        if (loaded == null) {
            return ExitCode.BAD_INPUT;
        }
        String outFault = OutputFolder.problem(out, OutputFolder.SMALL_OUTPUTS);
        if (outFault != null) {
            err.println("safepassage compare: error: " + outFault);
            return ExitCode.FAILED;
        }
        if (shard != null) {
            return OutputLock.holding(out, commandLine(), "safepassage compare", err, quiet,
                    () -> ShardRun.run(out, CompareShards.KIND, shard, shardInputs(loaded), arguments(), commandLine(),
                            threadCount, err, quiet, journal -> runShard(loaded, threadCount, journal, err)));
        }
        return OutputLock.holding(out, commandLine(), "safepassage compare", err, quiet,
                () -> compare(loaded, threadCount, err));
    }

    /** Runs what the shard's journal lacks; returns how many ran. */
    private int runShard(Loaded loaded, int threadCount, ShardJournal journal, PrintWriter err) {
        long runs = ShardSet.owned(shard, files.size() * replicates, u -> CompareShards.replicateOf(u, replicates))
                .size() - journal.done().size();
        try (RunsProgress progress = new RunsProgress(err, quiet, "compare " + shard, runs)) {
            return CompareShards.run(loaded.variations(), replicates, seed, threadCount, shard, journal,
                    loaded.details(), progress::step);
        }
    }

    /** What a shard records and 'merge' checks: the files read, the options, the program. */
    private Map<String, String> shardInputs(Loaded loaded) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--replicates", Integer.toString(replicates));
        options.put("--seed", Long.toString(seed));
        options.put("--set", String.join(" ", sets));
        options.put("--ensemble", ensemble == null ? "(the scenarios')" : ensemble);
        options.put("--outputs", loaded.details().isEmpty() ? "" : loaded.details().text());
        options.put("--at-least", atLeast == null ? "" : atLeast.toString());
        List<Path> ensembles = loaded.variations().stream().map(Variation::ensemble).filter(e -> e != null)
                .map(org.safepassage.scenario.Ensemble::file).distinct().toList();
        return ShardRun.inputs(files, sets, ensembles, options);
    }

    /** The arguments 'merge' gives compare to join the shards (the command less --shard, --out, --threads). */
    private List<String> arguments() {
        List<String> a = new ArrayList<>();
        files.forEach(f -> a.add(f.toString()));
        a.addAll(List.of("--replicates", Integer.toString(replicates), "--seed", Long.toString(seed)));
        sets.forEach(s -> a.addAll(List.of("--set", s)));
        if (ensemble != null) {
            a.addAll(List.of("--ensemble", ensemble));
        }
        if (outputs != null) {
            a.addAll(List.of("--outputs", outputs, "--hourly-step", Integer.toString(hourlyStep)));
        }
        if (atLeast != null) {
            a.addAll(List.of("--at-least", atLeast.toString()));
        }
        return a;
    }

    /** Runs the comparison and leaves its folder and table, in a folder this process holds the lock of. */
    private int compare(Loaded loaded, int threadCount, PrintWriter err) throws IOException {
        long started = System.currentTimeMillis();
        Comparison.Result result;
        if (fromShards != null) {
            try {
                result = CompareShards.assemble(loaded.variations().stream().map(Variation::nominal).toList(),
                        replicates, seed, ShardSet.read(fromShards, CompareShards.KIND, shardInputs(loaded),
                                files.size() * replicates, u -> CompareShards.replicateOf(u, replicates)));
            } catch (ShardJournal.Mismatch e) {
                err.println("safepassage merge: error: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
        } else {
            try (RunsProgress progress = new RunsProgress(err, quiet, "compare", (long) files.size() * replicates)) {
                result = Comparison.runVarying(loaded.variations(), replicates, seed, threadCount, progress::step,
                        loaded.details());
            } catch (IllegalStateException e) {
                err.println("safepassage compare: " + e.getMessage());
                return ExitCode.FAILED;
            }
        }
        CompareOutput.Request request = new CompareOutput.Request(commandLine(), files, loaded.fileSha256(),
                loaded.effective(), sets,
                threadCount, (System.currentTimeMillis() - started) / 1000.0, loaded.details());
        var spreads = CompareOutput.write(out, result, loaded.facts(), loaded.variations(), request, atLeast,
                bom.on());
        if (fromShards != null) {
            ShardRun.recordShards(out, fromShards);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (format.forScripts()) {
            format.print(stdout, out.resolve("summary.csv"));
        } else if (!quiet) {
            CompareOutput.print(stdout, result, spreads, request, out);
        }
        return ExitCode.OK;
    }

    /** The scenarios, or null after printing every problem of the options and the files. */
    private Loaded load(int threadCount, PrintWriter err) throws IOException {
        List<String> usage = new ArrayList<>();
        if (replicates < 1) {
            usage.add("--replicates: " + replicates + "; expected a whole number of at least 1");
        }
        if (atLeast != null && !(atLeast >= 0)) {
            usage.add("--at-least: " + atLeast + "; expected a number of persons, at least 0");
        }
        if (threadCount < 1) {
            usage.add("--threads: " + threadCount + "; expected a whole number of at least 1");
        }
        shard = ShardRun.parse(shardText, replicates, "replicates", usage);
        if (shard != null && files.stream().anyMatch(StdinScenario::isDash)) {
            usage.add("--shard with '-' (standard input): each task must read the same scenario; expected files");
        }
        if (shard != null && fromShards != null) {
            usage.add("--shard and --from-shards: expected one of them");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            usage.add("--out: " + out + " is a file; expected a folder (new or existing)");
        }
        RunDetails.Choice details = RunDetails.Choice.NONE;
        try {
            details = RunDetails.Choice.parse(outputs, hourlyStep);
        } catch (IllegalArgumentException e) {
            usage.add(e.getMessage());
        }
        List<Variation> variations = new ArrayList<>();
        List<ScenarioFacts> facts = new ArrayList<>();
        List<Object> effective = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> fileSha256 = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        if (files.stream().filter(StdinScenario::isDash).count() > 1) {
            usage.add("'-' (standard input) is given more than once; expected it for one scenario at most");
        }
        for (Path file : files) {
            try {
                ScenarioLoader.Loaded loaded;
                if (StdinScenario.isDash(file)) {
                    if (!usage.isEmpty()) {
                        continue;
                    }
                    StdinScenario stdin = StdinScenario.read(System.in);
                    loaded = ScenarioLoader.loadText(stdin.text(), StdinScenario.LABEL, sets, ensemble);
                    fileSha256.add(stdin.sha256());
                } else {
                    loaded = ScenarioLoader.load(file, sets, ensemble);
                    fileSha256.add(Manifest.sha256(file));
                }
                variations.add(loaded.variation());
                effective.add(loaded.effective().toPlain());
                facts.add(ScenarioFacts.of(loaded.scenario(),
                        StdinScenario.isDash(file) ? StdinScenario.LABEL : file.toString()));
                String name = loaded.scenario().meta().name();
                Path other = byName.putIfAbsent(name, file);
                if (other != null) {
                    problems.add(new Problem(file.toString(), 0, 0, "meta.name", "'" + name + "', the name of " + other
                            + " too", "a name no other compared scenario has (it labels the rows of the outputs)"));
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!usage.isEmpty() || !problems.isEmpty()) {
            usage.forEach(u -> err.println("safepassage compare: error: " + u));
            problems.forEach(p -> err.println(p.format()));
            return null;
        }
        return new Loaded(variations, effective, facts, fileSha256, details);
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder("safepassage compare");
        for (Path f : files) {
            b.append(' ').append(f);
        }
        b.append(" --replicates ").append(replicates).append(" --seed ").append(seed);
        for (String s : sets) {
            b.append(" --set '").append(s).append("'");
        }
        if (ensemble != null) {
            b.append(" --ensemble ").append(ensemble);
        }
        if (outputs != null) {
            b.append(" --outputs ").append(outputs).append(" --hourly-step ").append(hourlyStep);
        }
        b.append(" --out ").append(out);
        return b.toString();
    }

}
