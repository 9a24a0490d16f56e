package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.output.SweepOutput;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.RunDetails;
import org.safepassage.experiment.DesignFile;
import org.safepassage.experiment.Sweep;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.experiment.SweepRunner;
import org.safepassage.experiment.SweepSummary;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Limits;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage sweep STUDY}: runs every design point of a study, replicated, and summarises. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Runs a study: many runs over a design, on all cores.",
        description = {"Runs a study (a sweep over a base scenario; see docs/SWEEPS.md) in",
            "parallel and writes into the output folder: runs.csv (streamed as runs",
            "finish), summary.csv, paired.csv (factorial) or sensitivity.csv (LHS and",
            "Sobol'), manifest.json, charts and report.html. Killed, it loses at most the",
            "runs in flight; --resume finishes it. --shard I/N runs one of N parts;",
            "'safepassage merge' joins them."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study YAML file.")
    private Path studyFile;

    @Mixin
    private SharedOptions.Out outOption;
    private Path out;

    @Mixin
    private SharedOptions.Threads threadsOption;
    private int threads;

    @Option(names = "--resume", description = "Finish the unfinished sweep in the output folder, keeping its runs.")
    private boolean resume;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th of N disjoint parts of the study.")
    private String shardText;

    @Mixin
    private SharedOptions.Quiet quietOption;
    private boolean quiet;

    @Option(names = "--design", paramLabel = "POINTS.csv",
            description = "Run the points of this CSV file (a header of key paths, one row per point, e.g. from SALib, "
                    + "EMA Workbench, OpenMOLE or R) instead of the study's own design; the study gives the base, "
                    + "replicates, seed and outputs.")
    private Path designFile;

    /** For tests: stop after this many runs, as a crash would (the folder stays unfinished). */
    @Option(names = "--stop-after", hidden = true)
    private int stopAfter = -1;

    @Mixin
    private SharedOptions.Format format;

    @Mixin
    private SharedOptions.Bom bom;

    @Option(names = "--ensemble", paramLabel = "FILE|none",
            description = {"Behaviour ensemble each run draws a member from (default: the one the base scenario",
                "names); 'none' runs the calibrated defaults alone. The same as a study parameter",
                "'path: ensemble' with this one value (a study that sets ensemble itself is refused with it)."})
    private String ensemble;

    @Option(names = "--outputs", paramLabel = "LIST",
            description = {"Also write tidy per-run tables, keyed by point and replicate: corridors (corridors.csv),",
                "neighbourhoods (neighbourhoods.csv), hourly (hourly.csv); comma-separated. Off by default:",
                "see docs/SWEEPS.md for their size on disk."})
    private String outputs;

    @Option(names = "--hourly-step", paramLabel = "HOURS", defaultValue = "1",
            description = "Hours between two rows of hourly.csv (default: ${DEFAULT-VALUE}).")
    private int hourlyStep;

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = outOption.given();
        threads = threadsOption.or(Runtime.getRuntime().availableProcessors());
        quiet = quietOption.on();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Study study = Inputs.loadStudy(studyFile, err);
        if (study == null) {
            return ExitCode.BAD_INPUT;
        }
        if (threads < 1) {
            err.println("--threads: error: " + threads + "; expected at least 1");
            return ExitCode.BAD_INPUT;
        }
        SweepPlan.Shard shard = shard(err);
        Design design = shard == null ? null : design(study, err);
        if (design == null) {
            return ExitCode.BAD_INPUT;
        }
        if (ensemble != null && design.paths().contains("ensemble")) {
            err.println("--ensemble: error: " + studyFile + " sets ensemble as a study parameter; expected one of the two");
            return ExitCode.BAD_INPUT;
        }
        RunDetails.Choice details = details(err);
        if (details == null) {
            return ExitCode.BAD_INPUT;
        }
        SweepPlan plan = new SweepPlan(design, shard, ensemble, details);
        Path dir = out != null ? out : defaultDir(design.study(), shard);
        String fault = environmentProblem(plan, dir);
        if (fault != null) {
            err.println("safepassage sweep: error: " + fault);
            return ExitCode.FAILED;
        }
        return OutputLock.holding(dir, commandLine(), "safepassage sweep", err, quiet,
                () -> sweep(design.study(), design, plan, dir, stdout, err));
    }

    /** The sweep itself, in a folder this process holds the lock of. */
    private int sweep(Study study, Design design, SweepPlan plan, Path dir, PrintWriter stdout, PrintWriter err)
            throws IOException, InterruptedException {
        if (!quiet && !format.forScripts()) {
            SweepOutput.announce(stdout, design, plan, designFile, threads, dir);
        }
        Map<String, String> inputs = Sweep.inputs(study, Version.program(), plan);
        SweepOutput.Timer timer = SweepOutput.Timer.start();
        Sweep.Outcome outcome;
        try (Bar bar = quiet ? null : new Bar(err)) {
            outcome = Sweep.run(plan, inputs, dir, threads, resume, stopAfter, bar);
        } catch (Sweep.StateException e) {
            err.println(studyFile + ": error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (SweepRunner.PointException e) {
            err.println(studyFile + ": error: " + e.getMessage() + ":");
            e.problems().forEach(p -> err.println("  " + p.format()));
            return ExitCode.BAD_INPUT;
        }
        if (!outcome.complete()) {
            err.printf("stopped after %d runs; %d of %d written; finish with --resume%n", outcome.ranNow(),
                    outcome.done(), outcome.total());
            return ExitCode.FAILED;
        }
        SweepOutput.Session session = new SweepOutput.Session(commandLine(), inputs, designFile, threads, outcome,
                timer.stop());
        SweepSummary summary = SweepOutput.finish(plan, dir, session, bom.on());
        if (format.forScripts()) {
            format.print(stdout, dir.resolve(summary != null ? "summary.csv" : "runs.csv"));
        } else if (!quiet) {
            SweepOutput.printDone(stdout, design, plan, summary, session, dir);
        }
        return ExitCode.OK;
    }

    /** The tidy per-run tables asked for, or null after printing why --outputs or --hourly-step is wrong. */
    private RunDetails.Choice details(PrintWriter err) {
        try {
            return RunDetails.Choice.parse(outputs, hourlyStep);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /** The part of the study to run, or null after printing why --shard is wrong. */
    private SweepPlan.Shard shard(PrintWriter err) {
        try {
            return shardText == null ? SweepPlan.Shard.WHOLE : SweepPlan.Shard.parse(shardText);
        } catch (IllegalArgumentException e) {
            err.println("--shard: error: " + e.getMessage());
            return null;
        }
    }

    /** The study's own design, or the points of --design; null after printing the problems. */
    private Design design(Study study, PrintWriter err) {
        if (designFile == null) {
            return Design.of(study);
        }
        if (shardText != null) {
            err.println("--design: error: with --shard; expected a whole sweep (merge rebuilds the study's own design)");
            return null;
        }
        try {
            DesignFile points = DesignFile.read(designFile);
            points.checkAgainst(study.base());
            return Design.ofPoints(study, points);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return null;
        }
    }

    /**
     * Too little memory for the runs at a time, or too little room (runs.csv and the tidy tables of
     * the base scenario's size; varied sizes are not known) or no permission in the folder; null
     * when all is well.
     */
    private String environmentProblem(SweepPlan plan, Path dir) {
        Study study = plan.design().study();
        Scenario base;
        try {
            base = ScenarioLoader.load(study.base());
        } catch (InvalidInputException e) {
            base = null; // the study loader has checked the base already
        }
        if (base != null) {
            String memory = Inputs.memoryProblem(Limits.runBytes(base), (int) Math.min(threads,
                    Math.max(1, plan.shardTasks())));
            if (memory != null) {
                return memory;
            }
        }
        long tables = base == null ? 0 : plan.shardTasks() * RunDetails.bytesPerRun(base, plan.details());
        return OutputFolder.problem(dir, OutputFolder.SMALL_OUTPUTS
                + Limits.runsCsvBytes(plan.shardTasks(), study.parameters().size()) + tables);
    }

    static Path defaultDir(Study study, SweepPlan.Shard shard) {
        Path d = Path.of("results", Names.slug(study.name()));
        return shard.isWhole() ? d : d.resolve("shard-" + shard.index() + "-of-" + shard.count());
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder("safepassage sweep ").append(studyFile);
        if (out != null) {
            b.append(" --out ").append(out);
        }
        if (designFile != null) {
            b.append(" --design ").append(designFile);
        }
        if (shardText != null) {
            b.append(" --shard ").append(shardText);
        }
        if (ensemble != null) {
            b.append(" --ensemble ").append(ensemble);
        }
        if (outputs != null) {
            b.append(" --outputs ").append(outputs).append(" --hourly-step ").append(hourlyStep);
        }
        if (resume) {
            b.append(" --resume");
        }
        return b.toString();
    }

    /** The progress bar ({@link RunsProgress}), made when the runner knows how many runs are left. */
    private static final class Bar implements SweepRunner.Listener, AutoCloseable {
        private final PrintWriter err;
        private RunsProgress bar;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void started(int total, int alreadyDone) {
            bar = new RunsProgress(err, false, "sweep", total, alreadyDone);
        }

        @Override
        public synchronized void finished(int done) {
            bar.stepTo(done);
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
