package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.safepassage.output.ValidationCharts;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;
import org.safepassage.validation.BandCoverage;
import org.safepassage.validation.EpisodeResult;
import org.safepassage.validation.NullPredictors;
import org.safepassage.validation.PointResult;
import org.safepassage.validation.Validation;
import org.safepassage.validation.ValidationWriter;
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

    /** The output folder's lock while this command works in it. */
    private FolderLock lock;

    @Option(names = "--null", description = "Also score the two null predictors (nobody leaves; a fixed share per "
            + "open corridor hour, fitted leaving the episode out) on the same observations.")
    private boolean nulls;

    @Override
    public Integer call() throws IOException {
        out = outOption.or(Path.of("results", "validation"));
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
        if (replicates < 1) {
            err.println("safepassage validate: --replicates " + replicates + ": expected at least 1");
            return ExitCode.BAD_INPUT;
        }
        if (requireCoverage != null && !(requireCoverage >= 0 && requireCoverage <= 1)) {
            err.println("safepassage validate: --require-coverage " + requireCoverage + ": expected a share in 0..1");
            return ExitCode.BAD_INPUT;
        }
        List<Path> inputs = files.isEmpty() ? defaultEpisodes(err) : files;
        if (inputs == null) {
            return ExitCode.BAD_INPUT;
        }
        List<Episode> episodes = new ArrayList<>();
        List<Variation> variations = new ArrayList<>();
        boolean bad = false;
        for (Path f : inputs) {
            try {
                episodes.add(ScenarioLoader.loadEpisode(f, sets));
                variations.add(ScenarioLoader.variation(episodes.get(episodes.size() - 1), f, ensemble));
            } catch (InvalidInputException e) {
                for (Problem p : e.problems()) {
                    err.println(p.format());
                }
                bad = true;
            }
        }
        if (bad) {
            return ExitCode.BAD_INPUT;
        }
        String outFault = OutputFolder.problem(out, OutputFolder.SMALL_OUTPUTS);
        if (outFault != null) {
            err.println("safepassage validate: error: " + outFault);
            return ExitCode.FAILED;
        }
        lock = OutputLock.take(out, "safepassage validate --out " + out, "safepassage validate", err, quiet);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        long started = System.currentTimeMillis();
        List<EpisodeResult> results = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            Episode e = episodes.get(i);
            Variation v = variations.get(i);
            EpisodeResult r;
            String label = "validate " + (i + 1) + "/" + episodes.size() + " " + e.name();
            try (RunsProgress progress = new RunsProgress(err, quiet, label, replicates)) {
                r = Validation.run(e, replicates, progress::stepTo, seed -> v.draw(seed).scenario());
            }
            results.add(r);
        }
        List<NullPredictors.Facts> facts = episodes.stream().map(NullPredictors::facts).toList();
        double[][] shareLeftOut = nulls ? NullPredictors.leaveOneOut(facts) : null;
        ValidationWriter.writePoints(out.resolve("validation.csv"), results);
        ValidationWriter.writeEpisodes(out.resolve("episodes.csv"), results, nulls ? facts : null, shareLeftOut);
        for (EpisodeResult r : results) {
            String slug = ValidationWriter.slug(r.name());
            ValidationWriter.writeBand(out.resolve("band-" + slug + ".csv"), r);
            ValidationCharts.write(out.resolve("validation-" + slug), r);
        }
        Map<String, Object> manifest = Manifest.base(Version.project());
        manifest.put("command", "safepassage validate");
        manifest.put("episodes", hashed(inputs));
        manifest.put("replicates", replicates);
        manifest.put("overrides", sets);
        manifest.put("uncertainty", CompareCommand.uncertainty(variations));
        manifest.put("score", Validation.score(results));
        manifest.put("medianScore", Validation.medianScore(results));
        manifest.put("nullPredictors", nulls);
        manifest.put("wallSeconds", (System.currentTimeMillis() - started) / 1000.0);
        RunWriter.writeJson(out.resolve("manifest.json"), manifest);
        bom.apply(out);

        long covered = results.stream().mapToLong(EpisodeResult::covered).sum();
        long total = results.stream().mapToLong(r -> r.points().size()).sum();
        double coverage = total == 0 ? 0 : (double) covered / total;
        if (format.forScripts()) {
            format.print(stdout, out.resolve("validation.csv"));
        } else if (!quiet) {
            for (EpisodeResult r : results) {
                print(stdout, r);
            }
        }
        PrintWriter verdict = format.forScripts() ? new PrintWriter(java.io.Writer.nullWriter()) : stdout;
        if (!quiet && !format.forScripts()) {
            printTable(stdout, results, nulls ? facts : null, shareLeftOut);
        }
        verdict.printf(Locale.ROOT, "all episodes: %d of %d observations covered (%.0f %%), score (weighted mean of "
                + "episodes' mean |log10 error|) %.3f, weighted median %.3f, in %.0f s%n", covered, total,
                100 * coverage, Validation.score(results), Validation.medianScore(results),
                (System.currentTimeMillis() - started) / 1000.0);
        verdict.println(BandCoverage.text(results, variations.stream().anyMatch(v -> v.ensemble() != null)));
        if (!quiet && !format.forScripts()) {
            stdout.println("wrote " + out + "/ (validation.csv, episodes.csv, band-*.csv, validation-*.png/.svg, "
                    + "manifest.json)");
        }
        if (requireCoverage != null && coverage < requireCoverage) {
            (format.forScripts() ? err : stdout).printf(Locale.ROOT, "coverage %.2f is under the required %.2f%n", coverage, requireCoverage);
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** Each file with its SHA-256, for manifests. */
    static List<Map<String, Object>> hashed(List<Path> files) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : files) {
            out.add(Map.of("file", f.toString(), "sha256", Manifest.sha256(f)));
        }
        return out;
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

    /**
     * One row per episode: grade and weight, observations and their qualities, the last
     * observation against the simulated median and 90 %% band at its time, the episode's
     * error and coverage; with the null predictors, their errors beside it.
     */
    static void printTable(PrintWriter out, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s %-5s %6s %3s %-11s %-26s %-30s %6s %7s",
                "episode", "grade", "weight", "obs", "quality", "last observed (low-high)", "simulated median [90 % band]",
                "error", "covered"));
        if (facts != null) {
            head.append(String.format(Locale.ROOT, " %8s %8s %10s", "nobody", "share", "share/h"));
        }
        out.println(head);
        for (int i = 0; i < results.size(); i++) {
            EpisodeResult r = results.get(i);
            PointResult last = r.points().get(r.points().size() - 1);
            String observed = String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", last.point().persons(),
                    last.point().low(), last.point().high());
            String simulated = String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", last.median(), last.p5(), last.p95());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s %-5s %6.2f %3d %-11s %-26s %-30s %6.3f %7s",
                    r.name(), r.episode().observed().grade().name().toLowerCase(Locale.ROOT), r.weight(),
                    r.points().size(), r.qualities(), observed, simulated, r.meanAbsLog10Error(),
                    r.covered() + "/" + r.points().size()));
            if (facts != null) {
                row.append(String.format(Locale.ROOT, " %8.3f %8.3f %10.2e", NullPredictors.nobodyError(facts.get(i)),
                        shareLeftOut[i][0], shareLeftOut[i][1]));
            }
            out.println(row);
        }
        if (facts != null) {
            double[] w = results.stream().mapToDouble(EpisodeResult::weight).toArray();
            double[] nobody = facts.stream().mapToDouble(NullPredictors::nobodyError).toArray();
            double[] share = java.util.Arrays.stream(shareLeftOut).mapToDouble(x -> x[0]).toArray();
            out.printf(Locale.ROOT, "null predictors: nobody leaves %.3f (weighted median %.3f); fixed share per open "
                    + "hour, fitted leaving each episode out, %.3f (weighted median %.3f)%n", weightedMean(nobody, w),
                    Validation.weightedMedian(nobody, w), weightedMean(share, w), Validation.weightedMedian(share, w));
        }
    }

    static double weightedMean(double[] v, double[] w) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < v.length; i++) {
            num += w[i] * v[i];
            den += w[i];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    static void print(PrintWriter out, EpisodeResult r) {
        out.printf(Locale.ROOT, "%s (%d runs, %.1f s): %d of %d observations covered (%.0f %%), mean |log10 error| %.3f%n",
                r.name(), r.replicates(), r.wallSeconds(), r.covered(), r.points().size(), 100 * r.coverage(),
                r.meanAbsLog10Error());
        out.printf("  %6s  %-24s  %-30s  %-7s  %s%n", "hours", "observed (low-high)", "simulated median [90 % band]",
                "overlap", "log10 error");
        for (PointResult p : r.points()) {
            String observed = String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f) %s", p.point().persons(), p.point().low(),
                    p.point().high(), p.point().quality());
            String simulated = String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", p.median(), p.p5(), p.p95());
            out.printf(Locale.ROOT, "  %6.0f  %-24s  %-30s  %-7s  %+.3f%n", p.point().hours(), observed, simulated,
                    p.overlaps() ? "yes" : "no", p.log10Error());
        }
    }
}
