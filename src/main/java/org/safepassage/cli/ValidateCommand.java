package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.safepassage.output.CompareOutput;
import org.safepassage.output.ValidationOutput;
import org.safepassage.experiment.ShardJournal;
import org.safepassage.experiment.ShardSet;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;
import org.safepassage.scenario.Discrepancy;
import org.safepassage.validation.Coverage;
import org.safepassage.validation.EpisodeResult;
import org.safepassage.validation.Folds;
import org.safepassage.validation.NullPredictors;
import org.safepassage.validation.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code safepassage validate [EPISODE...]}: runs episodes and scores them against what was observed. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Compares the model with observed evacuations.",
        description = {"Runs validation episodes (scenarios with an observed: block) and compares the simulated",
            "cumulative persons who left with the reported figures: per observation the observed range, the",
            "simulated median and 90 %% band, whether they overlap and the log10-ratio error; per episode the",
            "share of observations covered and the mean absolute log10 error (offset of 10 persons); across",
            "episodes the weighted mean and weighted median of the episodes' errors (observed.weight: weak",
            "episodes count less). Ends with one table row per episode. With --null, the two null predictors",
            "(nobody leaves; a fixed share of the population per open corridor hour, fitted on the other",
            "episodes) are scored on the same observations beside the model.",
            "Writes validation.csv, episodes.csv, band-EPISODE.csv, a chart per episode and manifest.json."})
final class ValidateCommand implements Callable<Integer> {

    static final Path EPISODES = Path.of("scenarios", "episodes");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "EPISODE", arity = "0..*",
            description = "Episode files (default: every *.yaml in scenarios/episodes/).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "10",
            description = "Runs per episode, seeds seed..seed+N-1 (default: ${DEFAULT-VALUE}).")
    private int replicates;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Option(names = "--require-coverage", paramLabel = "X",
            description = "Exit with 1 when the share of all observations covered by the 90 %% band is under X (0..1).")
    private Double requireCoverage;

    @Mixin
    private SharedOptions.Overrides setsOption;
    private List<String> sets;

    @Option(names = "--ensemble", paramLabel = "FILE|none",
            description = {"Behaviour ensemble each replicate draws a member from (default: the one the",
                "episode's scenario names; 'none': the calibrated defaults alone)."})
    private String ensemble;

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    @Mixin
    private SharedOptions.Format format;

    @Mixin
    private SharedOptions.Bom bom;

    @Option(names = "--calibration", paramLabel = "CALIBRATION.csv",
            description = {"With --ensemble FILE: the calibration the ensemble was built from (its per-episode errors);",
                "each episode is then also run with the fold ensemble chosen without it (candidates within the",
                "tolerance of the best score over the other episodes) for the leave-one-episode-out coverage."})
    private Path calibration;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "The folds' tolerance (default: the ensemble file's provenance tolerance).")
    private Double tolerance;

    @Option(names = "--write-discrepancy", description = {"Write the residuals of this run into the --ensemble file's",
        "discrepancy: block (the leave-one-episode-out residuals with --calibration, else the in-sample ones),",
        "which compare adds to its bands as the model's error (docs/UNCERTAINTY.md)."})
    private boolean writeDiscrepancy;

    @Option(names = "--null", description = "Also score the two null predictors (nobody leaves; a fixed share per "
            + "open corridor hour, fitted leaving the episode out) on the same observations.")
    private boolean nulls;

    @Option(names = "--shard", paramLabel = "I/N",
            description = {"Run only shard I of N of the runs (numbered episode by episode: run u = episode x",
                "replicates + replicate goes to shard u mod N + 1) into --out (a journal units.jsonl and",
                "manifest.json; started again, it goes on from the journal). Join all N folders with",
                "'safepassage merge'. See docs/CLUSTER.md."})
    private String shardText;

    /** The shard folders 'merge' joins: the runs come from their journals instead of being run. */
    @Option(names = "--from-shards", arity = "1..*", paramLabel = "DIR", hidden = true)
    private List<Path> fromShards;

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = outOption.or(Path.of("results", "validation"));
        sets = setsOption.list();
        quiet = quietOption.on();
        PrintWriter err = spec.commandLine().getErr();
        if (replicates < 1) {
            err.println("safepassage validate: --replicates " + replicates + ": expected at least 1");
            return ExitCode.BAD_INPUT;
        }
        if (requireCoverage != null && !(requireCoverage >= 0 && requireCoverage <= 1)) {
            err.println("safepassage validate: --require-coverage " + requireCoverage + ": expected a share in 0..1");
            return ExitCode.BAD_INPUT;
        }
        String optionsFault = uncertaintyOptionsFault();
        if (optionsFault != null) {
            err.println("safepassage validate: " + optionsFault);
            return ExitCode.BAD_INPUT;
        }
        List<Path> inputs = files.isEmpty() ? defaultEpisodes(err) : files;
        List<Episode> episodes = new ArrayList<>();
        List<Variation> variations = new ArrayList<>();
        if (inputs == null || !load(inputs, episodes, variations, err)) {
            return ExitCode.BAD_INPUT;
        }
        List<String> usage = new ArrayList<>();
        SweepPlan.Shard shard = ShardRun.parse(shardText, inputs.size() * replicates, "runs", usage);
        if (shard != null && fromShards != null) {
            usage.add("--shard and --from-shards: expected one of them");
        }
        if (!usage.isEmpty()) {
            usage.forEach(u -> err.println("safepassage validate: error: " + u));
            return ExitCode.BAD_INPUT;
        }
        String outFault = OutputFolder.problem(out, OutputFolder.SMALL_OUTPUTS);
        if (outFault != null) {
            err.println("safepassage validate: error: " + outFault);
            return ExitCode.FAILED;
        }
        if (shard != null) {
            return OutputLock.holding(out, "safepassage validate --shard " + shard + " --out " + out,
                    "safepassage validate", err, quiet,
                    () -> ShardRun.run(out, ValidateShards.KIND, shard, shardInputs(inputs, variations),
                            arguments(inputs), "safepassage validate --shard " + shard, 1, err, quiet, journal -> {
                                long runs = ShardSet.owned(shard, inputs.size() * replicates, u -> u).size()
                                        - journal.done().size();
                                try (RunsProgress progress = new RunsProgress(err, quiet, "validate " + shard, runs)) {
                                    return ValidateShards.run(episodes, variations, replicates, shard, journal,
                                            progress::stepTo);
                                }
                            }));
        }
        return OutputLock.holding(out, "safepassage validate --out " + out, "safepassage validate", err, quiet,
                () -> validate(inputs, episodes, variations, err));
    }

    /** What is wrong with --calibration, --tolerance and --write-discrepancy together, or null. */
    private String uncertaintyOptionsFault() {
        boolean named = ensemble != null && !ensemble.equals(ScenarioLoader.NO_ENSEMBLE);
        if ((calibration != null || writeDiscrepancy) && !named) {
            return (calibration != null ? "--calibration" : "--write-discrepancy")
                    + " needs --ensemble FILE (the ensemble the calibration's candidates were chosen into)";
        }
        if (tolerance != null && !(tolerance >= 0)) {
            return "--tolerance " + tolerance + ": expected a number of at least 0";
        }
        if (calibration != null && !Files.isRegularFile(calibration)) {
            return "--calibration " + calibration + ": no such file; expected the calibration.csv that "
                    + "'safepassage calibrate' writes";
        }
        return null;
    }

    /** Loads every episode and what its replicates draw; false after printing the problems. */
    private boolean load(List<Path> inputs, List<Episode> episodes, List<Variation> variations, PrintWriter err) {
        boolean bad = false;
        for (Path f : inputs) {
            try {
                episodes.add(ScenarioLoader.loadEpisode(f, sets));
                variations.add(ScenarioLoader.variation(episodes.get(episodes.size() - 1), f, ensemble));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> err.println(p.format()));
                bad = true;
            }
        }
        return !bad;
    }

    /** Runs and scores the episodes and leaves the folder and tables, in a folder this process holds the lock of. */
    private int validate(List<Path> inputs, List<Episode> episodes, List<Variation> variations, PrintWriter err)
            throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.currentTimeMillis();
        List<EpisodeResult> results = new ArrayList<>();
        if (fromShards != null) {
            try {
                results.addAll(ValidateShards.score(episodes, replicates, ShardSet.read(fromShards,
                        ValidateShards.KIND, shardInputs(inputs, variations), episodes.size() * replicates, u -> u)));
            } catch (ShardJournal.Mismatch e) {
                err.println("safepassage merge: error: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
        }
        for (int i = 0; fromShards == null && i < episodes.size(); i++) {
            Episode e = episodes.get(i);
            Variation v = variations.get(i);
            String label = "validate " + (i + 1) + "/" + episodes.size() + " " + e.name();
            try (RunsProgress progress = new RunsProgress(err, quiet, label, replicates)) {
                results.add(Validation.run(e, replicates, progress::stepTo, seed -> v.draw(seed).scenario()));
            }
        }
        ValidationOutput.CoverageRows bands = coverage(episodes, variations, results, err);
        if (bands == null) {
            return ExitCode.FAILED;
        }
        List<NullPredictors.Facts> facts = nulls ? episodes.stream().map(NullPredictors::facts).toList() : null;
        double[][] shareLeftOut = nulls ? NullPredictors.leaveOneOut(facts) : null;
        Map<String, Object> manifest = Manifest.base(Version.project());
        manifest.put("command", "safepassage validate");
        manifest.put("episodes", Manifest.hashed(inputs));
        manifest.put("replicates", replicates);
        manifest.put("overrides", sets);
        manifest.put("uncertainty", CompareOutput.uncertainty(variations));
        manifest.put("nullPredictors", nulls);
        manifest.put("wallSeconds", (System.currentTimeMillis() - started) / 1000.0);
        if (calibration != null) {
            manifest.put("calibration", Map.of("file", calibration.toString(), "sha256", Manifest.sha256(calibration)));
        }
        ValidationOutput.write(out, results, facts, shareLeftOut, bands, manifest, bom.on());
        if (fromShards != null) {
            ShardRun.recordShards(out, fromShards);
        }
        if (writeDiscrepancy) {
            Path file = Path.of(ensemble);
            String written = ValidationOutput.writeDiscrepancy(file, shipped, commandLine());
            if (written != null) {
                err.println("safepassage validate: " + written);
                return ExitCode.FAILED;
            }
        }
        if (format.forScripts()) {
            format.print(stdout, out.resolve("validation.csv"));
        }
        ValidationOutput.print(stdout, results, facts, shareLeftOut, bands,
                variations.stream().anyMatch(v -> v.ensemble() != null),
                (System.currentTimeMillis() - started) / 1000.0, quiet, format.forScripts(), out);
        double coverage = ValidationOutput.coverage(results);
        if (requireCoverage != null && coverage < requireCoverage) {
            (format.forScripts() ? err : stdout).printf(Locale.ROOT, "coverage %.2f is under the required %.2f%n",
                    coverage, requireCoverage);
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** What a shard records and 'merge' checks: the episode files read, the options, the program. */
    private Map<String, String> shardInputs(List<Path> inputs, List<Variation> variations) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--replicates", Integer.toString(replicates));
        options.put("--set", String.join(" ", sets));
        options.put("--ensemble", ensemble == null ? "(the episodes')" : ensemble);
        options.put("--null", Boolean.toString(nulls));
        List<Path> ensembles = variations.stream().map(Variation::ensemble).filter(e -> e != null)
                .map(org.safepassage.scenario.Ensemble::file).distinct().toList();
        return ShardRun.inputs(inputs, sets, ensembles, options);
    }

    /** The arguments 'merge' gives validate to join the shards (the command less --shard and --out). */
    private List<String> arguments(List<Path> inputs) {
        List<String> a = new ArrayList<>();
        inputs.forEach(f -> a.add(f.toString()));
        a.addAll(List.of("--replicates", Integer.toString(replicates)));
        sets.forEach(s -> a.addAll(List.of("--set", s)));
        if (ensemble != null) {
            a.addAll(List.of("--ensemble", ensemble));
        }
        if (nulls) {
            a.add("--null");
        }
        if (requireCoverage != null) {
            a.addAll(List.of("--require-coverage", requireCoverage.toString()));
        }
        if (calibration != null) {
            a.addAll(List.of("--calibration", calibration.toString()));
        }
        if (tolerance != null) {
            a.addAll(List.of("--tolerance", tolerance.toString()));
        }
        return a;
    }

    /** The residuals the --write-discrepancy file gets (set by {@link #coverage}). */
    private org.safepassage.scenario.Discrepancy shipped;

    /**
     * The coverage both ways: in sample from the runs above; left out from fold runs (with
     * --calibration: each episode run again with the ensemble chosen without it, unless that is
     * the shipped one) and the other episodes' residuals. Null after printing an environment fault.
     */
    private ValidationOutput.CoverageRows coverage(List<Episode> episodes, List<Variation> variations,
            List<EpisodeResult> results, PrintWriter err) {
        Map<String, String> provenance = new java.util.LinkedHashMap<>();
        provenance.put("command", commandLine());
        provenance.put("replicates", Integer.toString(replicates));
        provenance.put("program", Version.project());
        provenance.put("createdAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        org.safepassage.scenario.Ensemble ens = variations.stream().map(Variation::ensemble)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        int size = ens == null ? 1 : ens.members().size();
        Map<String, String> inSampleProvenance = new java.util.LinkedHashMap<>(provenance);
        inSampleProvenance.put("residuals", "in sample: each episode run with the ensemble itself");
        Discrepancy inSample = Coverage.residuals(results, inSampleProvenance);
        List<Coverage.Row> inRows = Coverage.inSample(results, inSample, size);
        if (calibration == null) {
            shipped = inSample;
            int[] members = new int[results.size()];
            java.util.Arrays.fill(members, size);
            return new ValidationOutput.CoverageRows(inRows, Coverage.leaveOneOut(results, inSample, members), false);
        }
        Double t = tolerance != null ? tolerance : Folds.tolerance(ens);
        List<Folds.Fold> folds;
        try {
            if (t == null) {
                err.println("safepassage validate: " + ens.file() + " does not say its tolerance (provenance); give "
                        + "--tolerance T");
                return null;
            }
            folds = Folds.of(calibration, episodes, ens, t);
        } catch (java.io.IOException | RuntimeException e) {
            err.println("safepassage validate: --calibration " + calibration + ": " + e.getMessage());
            return null;
        }
        List<EpisodeResult> foldResults = new ArrayList<>();
        int[] members = new int[episodes.size()];
        for (int i = 0; i < episodes.size(); i++) {
            Folds.Fold f = folds.get(i);
            members[i] = f.ensemble().members().size();
            if (f.sameAsShipped()) {
                foldResults.add(results.get(i));
                continue;
            }
            Variation v = variations.get(i).withEnsemble(f.ensemble());
            String label = "validate, left out " + (i + 1) + "/" + episodes.size() + " " + episodes.get(i).name();
            try (RunsProgress progress = new RunsProgress(err, quiet, label, replicates)) {
                foldResults.add(Validation.run(episodes.get(i), replicates, progress::stepTo,
                        seed -> v.draw(seed).scenario()));
            }
        }
        provenance.put("residuals", "leave one episode out: each episode run with the candidates of " + calibration
                + " within " + t + " of the best score over the other episodes");
        provenance.put("calibration", calibration.toString());
        shipped = Coverage.residuals(foldResults, provenance);
        return new ValidationOutput.CoverageRows(inRows, Coverage.leaveOneOut(foldResults, shipped, members), true);
    }

    /** The command as given, for the discrepancy's provenance. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("safepassage validate");
        files.forEach(f -> b.append(' ').append(f));
        b.append(" --replicates ").append(replicates);
        sets.forEach(x -> b.append(" --set '").append(x).append("'"));
        if (ensemble != null) {
            b.append(" --ensemble ").append(ensemble);
        }
        if (calibration != null) {
            b.append(" --calibration ").append(calibration);
        }
        if (tolerance != null) {
            b.append(" --tolerance ").append(tolerance);
        }
        return b.append(writeDiscrepancy ? " --write-discrepancy" : "").toString();
    }

    static List<Path> defaultEpisodes(PrintWriter err) throws IOException {
        if (!Files.isDirectory(EPISODES)) {
            err.println("safepassage validate: no episode files given and no folder " + EPISODES
                    + " here; expected EPISODE.yaml arguments or to be run from the project folder");
            return null;
        }
        try (Stream<Path> s = Files.list(EPISODES)) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            if (found.isEmpty()) {
                err.println("safepassage validate: no *.yaml in " + EPISODES);
                return null;
            }
            return found;
        }
    }
}
