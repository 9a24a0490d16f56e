package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.output.CompareCharts;
import org.safepassage.output.CompareTable;
import org.safepassage.experiment.CompareWriter;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.ScenarioFacts;
import org.safepassage.experiment.Spread;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.StagedDirectory;
import org.safepassage.report.Report;
import org.safepassage.scenario.Ensemble;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Uncertain;
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

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    @Mixin
    private SharedOptions.Format format;

    @Mixin
    private SharedOptions.Bom bom;

    /** The output folder's lock while this command works in it. */
    private FolderLock lock;

    @Override
    public Integer call() throws IOException {
        out = outOption.or(Path.of("results", "compare"));
        threads = threadsOption.given();
        seed = seedOption.or(1);
        sets = setsOption.list();
        quiet = quietOption.on();
        try {
            return work();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private Integer work() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
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
        if (Files.exists(out) && !Files.isDirectory(out)) {
            usage.add("--out: " + out + " is a file; expected a folder (new or existing)");
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<Variation> variations = new ArrayList<>();
        List<Object> effective = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                ScenarioLoader.Loaded loaded = ScenarioLoader.load(file, sets, ensemble);
                scenarios.add(loaded.scenario());
                variations.add(loaded.variation());
                effective.add(loaded.effective().toPlain());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty()) {
            Map<String, Path> byName = new HashMap<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Path other = byName.putIfAbsent(scenarios.get(i).meta().name(), files.get(i));
                if (other != null) {
                    problems.add(new Problem(files.get(i).toString(), 0, 0, "meta.name",
                            "'" + scenarios.get(i).meta().name() + "', the name of " + other + " too",
                            "a name no other compared scenario has (it labels the rows of the outputs)"));
                }
            }
        }
        if (!usage.isEmpty() || !problems.isEmpty()) {
            usage.forEach(u -> err.println("safepassage compare: error: " + u));
            problems.forEach(p -> err.println(p.format()));
            return ExitCode.BAD_INPUT;
        }
        String outFault = OutputFolder.problem(out, OutputFolder.SMALL_OUTPUTS);
        if (outFault != null) {
            err.println("safepassage compare: error: " + outFault);
            return ExitCode.FAILED;
        }

        List<ScenarioFacts> facts = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            facts.add(ScenarioFacts.of(scenarios.get(i), files.get(i).toString()));
        }
        lock = OutputLock.take(out, commandLine(), "safepassage compare", err, quiet);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        long started = System.currentTimeMillis();
        Comparison.Result result;
        try (RunsProgress progress = new RunsProgress(err, quiet, "compare", (long) scenarios.size() * replicates)) {
            result = Comparison.runVarying(variations, replicates, seed, threadCount, progress::step);
        } catch (IllegalStateException e) {
            err.println("safepassage compare: " + e.getMessage());
            return ExitCode.FAILED;
        }
        double wallSeconds = (System.currentTimeMillis() - started) / 1000.0;
        List<Spread> spreads = Spread.of(result, atLeast != null ? atLeast : Spread.defaultAtLeast(result));

        try (StagedDirectory staged = StagedDirectory.create(out)) {
            Path dir = staged.path();
            CompareWriter.writeAll(dir, result, facts);
            CompareWriter.writeSpread(dir.resolve("spread.csv"), spreads);
            CompareCharts.write(dir, result, facts);
            RunWriter.writeJson(dir.resolve("manifest.json"), manifest(result, effective, wallSeconds, threadCount, variations));
            Report.writeCompare(dir);
            bom.apply(dir);
            staged.publish();
        }
        if (format.forScripts()) {
            format.print(stdout, out.resolve("summary.csv"));
        } else if (!quiet) {
            stdout.print(CompareTable.text(result));
            stdout.print(CompareTable.spread(spreads));
            stdout.printf(java.util.Locale.ROOT, "%d runs in %.1f s on %d thread(s); wrote %s/ (report.html, "
                    + "runs.csv, summary.csv, spread.csv, paired.csv, timeseries-mean.csv, scenarios.csv, manifest.json, charts)%n",
                    result.runs().size(), wallSeconds, threadCount, out);
        }
        return ExitCode.OK;
    }

    /** What replicates drew besides their seeds: the ensemble (file, hash, provenance) and each range. */
    static Map<String, Object> uncertainty(List<Variation> variations) throws IOException {
        Map<String, Object> u = new LinkedHashMap<>();
        Ensemble e = variations.stream().map(Variation::ensemble).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        if (e == null) {
            u.put("ensemble", "none");
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", e.file().toString());
            m.put("sha256", Manifest.sha256(e.file()));
            m.put("members", e.members().size());
            m.put("provenance", new java.util.TreeMap<>(e.provenance()));
            m.put("memberOfReplicate", "member drawn by weight at quantile q(seed, '" + Ensemble.DRAW_KEY + "')");
            u.put("ensemble", m);
        }
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (Variation v : variations) {
            for (Uncertain.Spec s : v.specs()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("scenario", v.nominal().meta().name());
                r.put("keyPath", s.path());
                r.put("distribution", s.node().toPlain());
                r.put("median", s.at(0.5));
                ranges.add(r);
            }
        }
        u.put("ranges", ranges);
        u.put("quantileFunction", "q(seed, keyPath) = SplittableRandom(seed * 0x9E3779B97F4A7C15 ^ fnv1a64(keyPath))"
                + ".nextDouble() (org.safepassage.scenario.Uncertain.quantile): the same in every scenario");
        return u;
    }

    private Map<String, Object> manifest(Comparison.Result result, List<Object> effective, double wallSeconds,
            int threadCount, List<Variation> variations) throws IOException {
        Map<String, Object> m = Manifest.base(Version.project());
        m.put("command", commandLine());
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Scenario s = result.scenarios().get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", s.meta().name());
            e.put("file", files.get(i).toString());
            e.put("sha256", Manifest.sha256(files.get(i)));
            // the parameters after extends and --set: the file's hash alone does not cover its base files
            byte[] parameters = RunWriter.json().writeValueAsBytes(effective.get(i));
            e.put("effectiveParameters", effective.get(i));
            e.put("effectiveParametersSha256", sha256(parameters));
            e.put("description", s.meta().description());
            e.put("sources", s.meta().sources());
            e.put("order", i + 1);
            list.add(e);
        }
        m.put("scenarios", list);
        m.put("overrides", sets);
        m.put("uncertainty", uncertainty(variations));
        m.put("replicates", result.replicates());
        m.put("baseSeed", result.baseSeed());
        m.put("seedFunction", "seed of replicate r (from 0) = mix(mix(baseSeed) + (r + 1) * 0x9E3779B97F4A7C15)"
                + " >>> 1, mix = the SplitMix64 finaliser (org.safepassage.experiment.Seeds.runSeed, as in sweeps);"
                + " the same seed in every scenario (common random numbers)");
        m.put("seeds", result.seeds());
        m.put("threads", threadCount);
        m.put("wallSeconds", wallSeconds);
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        b.append(" --out ").append(out);
        return b.toString();
    }

}
