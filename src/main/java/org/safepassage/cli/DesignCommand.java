package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.output.DesignFolder;
import org.safepassage.advisor.Advisor;
import org.safepassage.advisor.DesignOutput;
import org.safepassage.advisor.DesignRun;
import org.safepassage.advisor.DesignSession;
import org.safepassage.advisor.Discovery;
import org.safepassage.advisor.ScenarioWorld;
import org.safepassage.advisor.Threshold;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.DesignSpec;
import org.safepassage.scenario.DesignSpecLoader;
import org.safepassage.scenario.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code safepassage design DESIGN.yaml}: the pause design advisor (docs/DESIGN.md). */
@Command(name = "design", mixinStandardHelpOptions = true,
        header = "Searches a design file's levers for the pause designs that get the most people out, robustly.",
        description = {"Runs NSGA-II over the levers of a design file, each candidate in the same states of the world",
            "(replicate seed, behaviour ensemble member, uncertain inputs), races the candidates (successive halving)",
            "and confirms the front in the last stage's states. Writes front.csv, candidates.csv, evaluations.csv,",
            "regret.csv, manifest.json, tradeoff.png/.svg and report.html; journal.tsv holds every run as it ends.",
            "Exit code 0 when written, 1 when a file cannot be read or written, 2 for bad input."})
final class DesignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DESIGN.yaml", description = "The design file (docs/DESIGN.md).")
    private Path file;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Mixin
    private SharedOptions.Threads threadsOption;
    private Integer threads;

    @Option(names = "--resume", description = "Continue the search in --out from its journal (after a crash or kill).")
    private boolean resume;

    @Option(names = "--threshold", paramLabel = "FIGURE>=N@P",
            description = {"Also answer: the first value of --lever (the design file's order: the smallest first for a",
                "range) that gets FIGURE to at least N with probability P, the other levers as recommended;",
                "e.g. evacuated>=10000@0.8."})
    private String threshold;

    @Option(names = "--lever", paramLabel = "KEY.PATH", description = "The lever of --threshold (default: the first).")
    private String lever;

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    /** Set by slurm's driver: runs the journal lacks go to job arrays (see {@link DesignRun.Elsewhere}). */
    DesignRun.Elsewhere elsewhere;

    @Override
    public Integer call() {
        out = outOption.or(Path.of("results", "design"));
        threads = threadsOption.given();
        quiet = quietOption.on();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            err.println("safepassage design: error: --threads: " + threadCount + "; expected a whole number of at least 1");
            return ExitCode.BAD_INPUT;
        }
        DesignSpec design;
        String inputsSha;
        Map<String, Object> inputs;
        try {
            design = DesignSpecLoader.load(file);
            inputs = DesignFolder.inputs(file, design);
            inputsSha = DesignFolder.inputsSha(inputs);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("safepassage design: " + file + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        Threshold.Question question = null;
        if (threshold != null) {
            try {
                question = Threshold.parse(threshold, lever, design);
            } catch (IllegalArgumentException e) {
                err.println("safepassage design: error: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
        } else if (lever != null) {
            err.println("safepassage design: error: --lever: given without --threshold");
            return ExitCode.BAD_INPUT;
        }
        ScenarioWorld world = new ScenarioWorld(design);
        long started = System.nanoTime();
        DesignSession.Outcome outcome;
        try {
            long alreadyDone = resume ? DesignRun.journaled(out) : 0;
            try (RunsProgress progress = new RunsProgress(err, quiet, "design",
                    Math.max(DesignSession.expectedRuns(design, question), alreadyDone), alreadyDone)) {
                outcome = DesignSession.run(design, world, out, threadCount, resume, inputsSha, question,
                        progress.asDesignProgress(), elsewhere);
            }
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return ExitCode.BAD_INPUT;
        } catch (DesignRun.JournalMismatch e) {
            err.println("safepassage design: error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("safepassage design: " + out + ": " + e.getMessage());
            return ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("safepassage design: interrupted");
            return ExitCode.FAILED;
        }
        Advisor.Result result = outcome.result();
        double wall = (System.nanoTime() - started) / 1e9;
        try {
            Map<String, Object> m = Manifest.base(Version.project());
            m.put("command", commandLine());
            m.put("inputs", inputs);
            m.put("inputsSha256", inputsSha);
            m.put("search", DesignOutput.manifest(result));
            m.put("searchAlgorithm", DesignOutput.searchAlgorithm(design));
            m.put("seedFunction", DesignOutput.SEED_FUNCTION);
            Discovery discovery = DesignFolder.write(out, design, result, world, outcome.answer(), outcome.benchmarks(),
                    m, threadCount, wall, commandLine());
            if (!quiet) {
                DesignFolder.summary(stdout, out, result, discovery, outcome.answer(), wall);
            }
        } catch (IOException e) {
            err.println("safepassage design: " + out + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder("safepassage design ").append(file).append(" --out ").append(out);
        if (threshold != null) {
            b.append(" --threshold '").append(threshold).append("'");
        }
        if (lever != null) {
            b.append(" --lever '").append(lever).append("'");
        }
        return b.toString();
    }
}
