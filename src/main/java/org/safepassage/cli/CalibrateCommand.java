package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.metrics.Manifest;
import org.safepassage.output.CalibrationOutput;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.validation.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code safepassage calibrate [EPISODE...]}: searches the behavioural parameters that fit all episodes. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        header = "Searches the behavioural defaults that best reproduce the episodes.",
        description = {"Searches one set of behavioural parameters (the decision weights, the ceiling rate and",
            "the information parameters) for all episodes at once: a global Latin hypercube, a local one around",
            "the best point, then the best few run again with more replicates. Score: mean over episodes of",
            "validate's mean |log10 error|. Writes calibration.csv, best.yaml and manifest.json; see",
            "docs/CALIBRATION.md. Nothing is changed in the scenario files.",
            "With --plan FILE (e.g. scenarios/calibration/episodes.yaml): CMA-ES over the parameters, ranges",
            "and episode weights the file names, common random numbers, all cores, resumable from journal.tsv",
            "in --out; --leave-one-out adds one search per episode without it (cross-validation)."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "EPISODE", arity = "0..*",
            description = "Episode files (default: every *.yaml in scenarios/episodes/).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", defaultValue = "200", description = "Points of the global design (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--local-samples", paramLabel = "N", defaultValue = "150",
            description = "Points of the local design (default: ${DEFAULT-VALUE}).")
    private int localSamples;

    @Option(names = "--shrink", paramLabel = "SHARE", defaultValue = "0.25",
            description = "Side of the local box as a share of each range (default: ${DEFAULT-VALUE}).")
    private double shrink;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "1",
            description = "Runs per episode and candidate in the two designs (default: ${DEFAULT-VALUE}).")
    private int replicates;

    @Option(names = "--confirm", paramLabel = "N", defaultValue = "5",
            description = "How many of the best are run again (default: ${DEFAULT-VALUE}).")
    private int confirm;

    @Option(names = "--confirm-replicates", paramLabel = "N", defaultValue = "5",
            description = "Runs per episode in the confirmation (default: ${DEFAULT-VALUE}).")
    private int confirmReplicates;

    @Mixin
    private SharedOptions.Seed seedOption;
    private long seed;

    @Mixin
    private SharedOptions.Threads threadsOption;
    private int threads;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "A calibration plan (parameters with ranges, episodes with weights, optimiser settings): "
                    + "run CMA-ES as it says instead of the Latin hypercube search.")
    private Path plan;

    @Option(names = "--max-evaluations", paramLabel = "N",
            description = "With --plan: most candidates the optimiser scores per search (default: the plan's).")
    private Integer maxEvaluations;

    @Option(names = "--leave-one-out",
            description = "With --plan: also one search per episode without it; its error left out beside its in-sample "
                    + "error and the two null predictors (loo.csv).")
    private boolean leaveOneOut;

    @Option(names = "--leave-one-out-by-selection",
            description = "With --plan: leave-one-episode-out without new runs: per episode, the fit's candidate that "
                    + "scores best on the other episodes, and its error on the one left out (loo-select.csv).")
    private boolean bySelection;

    @Option(names = "--gate", paramLabel = "N", defaultValue = "20",
            description = "At most this many candidates, best first, are checked against the strict pattern gate "
                    + "(paired seeds, as the tests state them); the first that passes is chosen; 0: no gate "
                    + "(default: ${DEFAULT-VALUE}).")
    private int gate;

    @Option(names = "--no-patterns",
            description = "Do not add the penalties of the MODEL.md 1 pattern checks on scenarios/ to the score.")
    private boolean noPatterns;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Mixin
    private SharedOptions.Quiet quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        seed = seedOption.or(1);
        threads = threadsOption.or(1);
        out = outOption.or(Path.of("results", "calibration"));
        PrintWriter stdout = quiet.or(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        if (plan != null) {
            return CalibratePlanRun.run(plan, maxEvaluations, threadsOption.given(), leaveOneOut, bySelection, out, stdout,
                    err, null);
        }
        if (samples < 1 || localSamples < 0 || replicates < 1 || confirm < 1 || confirmReplicates < 1 || threads < 1 || gate < 0
                || !(shrink > 0 && shrink <= 1)) {
            err.println("safepassage calibrate: expected --samples >= 1, --local-samples >= 0, --replicates >= 1, "
                    + "--confirm >= 1, --confirm-replicates >= 1, --threads >= 1, --gate >= 0 and 0 < --shrink <= 1");
            return ExitCode.BAD_INPUT;
        }
        List<Path> episodes = files;
        if (episodes.isEmpty()) {
            episodes = ValidateCommand.defaultEpisodes(err);
            if (episodes == null) {
                return ExitCode.BAD_INPUT;
            }
        }
        PrintWriter progress = quiet.or(err);
        long started = System.currentTimeMillis();
        int total = 1 + samples + localSamples + confirm + 1;
        Calibration.Outcome o;
        try {
            o = Calibration.run(episodes, Calibration.SPACE, new Calibration.Settings(samples, localSamples, shrink,
                    replicates, confirm, confirmReplicates, seed, threads, noPatterns ? null : Path.of("scenarios"), gate),
                    CalibrationOutput.candidates(progress, total, started), CalibrationOutput.gate(progress, started));
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return ExitCode.BAD_INPUT;
        }
        Map<String, Object> manifest = Manifest.base(Version.project());
        manifest.put("command", "safepassage calibrate");
        manifest.put("episodes", Manifest.hashed(episodes));
        manifest.put("settings", Map.of("samples", samples, "localSamples", localSamples, "shrink", shrink,
                "replicates", replicates, "confirm", confirm, "confirmReplicates", confirmReplicates, "seed", seed,
                "threads", threads, "patterns", !noPatterns, "gate", gate));
        CalibrationOutput.write(out, o, manifest, started);
        CalibrationOutput.print(stdout, o, out, started);
        return ExitCode.OK;
    }
}
