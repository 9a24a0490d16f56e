package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safepassage.output.SweepOutput;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.DesignFile;
import org.safepassage.experiment.Sweep;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.experiment.SweepRunner;
import org.safepassage.experiment.SweepSummary;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.Manifest;
import org.safepassage.report.Report;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Limits;
import org.safepassage.scenario.Problem;
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
        SweepPlan.Shard shard = SweepPlan.Shard.WHOLE;
        if (shardText != null) {
            try {
                shard = SweepPlan.Shard.parse(shardText);
            } catch (IllegalArgumentException e) {
                err.println("--shard: error: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
        }
        if (threads < 1) {
            err.println("--threads: error: " + threads + "; expected at least 1");
            return ExitCode.BAD_INPUT;
        }
        Design design;
        if (designFile != null) {
            if (shardText != null) {
                err.println("--design: error: with --shard; expected a whole sweep (merge rebuilds the study's own design)");
                return ExitCode.BAD_INPUT;
            }
            try {
                DesignFile points = DesignFile.read(designFile);
                points.checkAgainst(study.base());
                design = Design.ofPoints(study, points);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> err.println(p.format()));
                return ExitCode.BAD_INPUT;
            }
            study = design.study();
        } else {
            design = Design.of(study);
        }
        SweepPlan plan = new SweepPlan(design, shard);
        Path dir = out != null ? out : defaultDir(study, shard);
        String memory = baseMemoryProblem(study, (int) Math.min(threads, Math.max(1, plan.shardTasks())));
        if (memory != null) {
            err.println("safepassage sweep: error: " + memory);
            return ExitCode.FAILED;
        }
        String outFault = OutputFolder.problem(dir, OutputFolder.SMALL_OUTPUTS
                + Limits.runsCsvBytes(plan.shardTasks(), study.parameters().size()));
        if (outFault != null) {
            err.println("safepassage sweep: error: " + outFault);
            return ExitCode.FAILED;
        }
        FolderLock lock = OutputLock.take(dir, commandLine(), "safepassage sweep", err, quiet);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        try (lock) {
            return sweep(study, design, plan, shard, dir, stdout, err);
        }
    }

    /** The sweep itself, in a folder this process holds the lock of. */
    private int sweep(Study study, Design design, SweepPlan plan, SweepPlan.Shard shard, Path dir, PrintWriter stdout,
            PrintWriter err) throws IOException, InterruptedException {
        if (!quiet && !format.forScripts()) {
            stdout.printf("%s: %s design, %d points x %d replicates = %d runs%s, on %d thread(s), into %s%n",
                    study.name(), designFile != null ? "external (" + designFile + ")" : study.design().name().toLowerCase(),
                    design.size(), plan.replicates(),
                    plan.totalTasks(), shard.isWhole() ? "" : " (shard " + shard + ": " + plan.shardTasks() + " runs)",
                    threads, dir);
            stdout.flush();
        }
        Map<String, String> inputs = Sweep.inputs(study, Version.program());
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        Sweep.Outcome outcome;
        Bar bar = quiet ? null : new Bar(err);
        Exception failure = null;
        try {
            outcome = Sweep.run(plan, inputs, dir, threads, resume, stopAfter, bar);
        } catch (Sweep.StateException | SweepRunner.PointException e) {
            failure = e;
            outcome = null;
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        if (failure instanceof Sweep.StateException e) {
            err.println(studyFile + ": error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (failure instanceof SweepRunner.PointException e) {
            err.println(studyFile + ": error: " + e.getMessage() + ":");
            for (Problem p : e.problems()) {
                err.println("  " + p.format());
            }
            return ExitCode.BAD_INPUT;
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        if (!outcome.complete()) {
            err.printf("stopped after %d runs; %d of %d written; finish with --resume%n", outcome.ranNow(),
                    outcome.done(), outcome.total());
            return ExitCode.FAILED;
        }
        Map<String, Object> manifest = SweepOutput.manifest(plan, commandLine());
        manifest.put("inputs", inputs);
        if (designFile != null) {
            manifest.put("designFile", designFile.toAbsolutePath().toString());
            manifest.put("designSha256", Manifest.sha256(designFile));
        }
        manifest.put("threads", threads);
        manifest.put("resumedFromRuns", outcome.resumedFrom());
        manifest.put("runsThisSession", outcome.ranNow());
        manifest.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
        long cpu = processCpuNanos();
        if (cpu >= 0 && cpuStarted >= 0) {
            manifest.put("cpuSeconds", Math.round((cpu - cpuStarted) / 1e6) / 1000.0);
        }
        manifest.put("runsPerSecond", outcome.ranNow() == 0 ? 0 : Math.round(outcome.ranNow() / wallSeconds * 1000)
                / 1000.0);
        SweepSummary summary = null;
        if (shard.isWhole()) {
            summary = SweepOutput.finish(plan, dir);
        }
        SweepOutput.writeManifest(dir, manifest);
        if (summary != null) {
            Report.writeSweep(dir);
        }
        Sweep.markFinished(dir);
        if (format.forScripts()) {
            format.print(stdout, dir.resolve(summary != null ? "summary.csv" : "runs.csv"));
        } else if (!quiet) {
            if (summary != null) {
                SweepOutput.print(stdout, design, summary);
                stdout.printf("%d runs in %.1f s (%.2f runs/s on %d thread(s)); wrote %s/ (runs.csv, summary.csv, %s, "
                        + "manifest.json, charts, report.html)%n", outcome.ranNow(), wallSeconds,
                        outcome.ranNow() / wallSeconds, threads, dir,
                        design.isSaltelli() ? "sensitivity.csv" : "paired.csv");
            } else {
                stdout.printf("shard %s: %d runs in %.1f s; wrote %s/ (runs.csv, manifest.json); "
                        + "join the shards with: safepassage merge DIR...%n", shard, outcome.ranNow(), wallSeconds, dir);
            }
        }
        return ExitCode.OK;
    }

    /** The base scenario's run estimate times the runs at a time against the heap (varied sizes are not known). */
    private static String baseMemoryProblem(Study study, int atOnce) {
        try {
            return Inputs.memoryProblem(Limits.runBytes(ScenarioLoader.load(study.base())), atOnce);
        } catch (InvalidInputException e) {
            return null; // the study loader has checked the base already
        }
    }

    /** CPU time of this process in nanoseconds (all threads), or -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
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
        if (resume) {
            b.append(" --resume");
        }
        return b.toString();
    }

    /** The progress bar ({@link RunsProgress}), made when the runner knows how many runs are left. */
    private static final class Bar implements SweepRunner.Listener {
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

        synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
