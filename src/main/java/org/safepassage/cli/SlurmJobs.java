package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.safepassage.cluster.ArrayBatch;
import org.safepassage.advisor.DesignRun;
import org.safepassage.advisor.ScenarioWorld;
import org.safepassage.cluster.CalibrationArrays;
import org.safepassage.cluster.DesignArrays;
import org.safepassage.cluster.Pending;
import org.safepassage.cluster.Slurm;
import org.safepassage.cluster.Submitter;
import org.safepassage.metrics.FolderLock;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.DesignSpec;
import org.safepassage.scenario.DesignSpecLoader;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.validation.Journal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The two programs the scripts of {@code slurm calibrate} and {@code slurm design} run (hidden
 * commands): the driver job ({@code slurm-driver}) and each array task ({@code slurm-task}).
 * See {@link SlurmCommand} and docs/CLUSTER.md.
 */
final class SlurmJobs {

    private SlurmJobs() {
    }

    /** Which search a driver or task works for: {@code calibrate --plan FILE} or {@code design --design FILE}. */
    static final class Search {

        @Parameters(index = "0", paramLabel = "SEARCH", description = "calibrate or design")
        private String search;

        @Option(names = "--plan", paramLabel = "FILE", description = "calibrate: the plan.")
        private Path plan;

        @Option(names = "--design", paramLabel = "FILE", description = "design: the design file.")
        private Path design;

        boolean calibrate() {
            return search.equals("calibrate") && plan != null;
        }

        boolean valid() {
            return calibrate() || search.equals("design") && design != null;
        }
    }

    /** The driver: the search, with each generation's candidates scored by a job array. */
    @Command(name = "slurm-driver", hidden = true, mixinStandardHelpOptions = true,
            header = "Runs calibrate --plan or design with each generation done by a SLURM job array (the job slurm writes).")
    static final class Driver implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Search which;

        @Mixin
        private SharedOptions.Out outOption;

        @Mixin
        private SharedOptions.Quiet quiet;

        @Option(names = "--tasks", required = true, paramLabel = "N", description = "Most array tasks a generation.")
        private int tasks;

        @Option(names = "--max-evaluations", paramLabel = "N")
        private Integer maxEvaluations;

        @Option(names = "--leave-one-out")
        private boolean leaveOneOut;

        @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
                description = "Seconds between two looks at the queue (default: ${DEFAULT-VALUE}).")
        private double poll;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            Path out = outOption.or(null);
            if (!which.valid() || tasks < 1 || !(poll >= 0) || out == null) {
                err.println("slurm-driver: error: expected 'calibrate --plan FILE' or 'design --design FILE', --out DIR, "
                        + "--tasks >= 1 and --poll >= 0");
                return ExitCode.BAD_INPUT;
            }
            if (!which.calibrate()) {
                return design(which.design, out, tasks, new Slurm(), out.resolve("slurm").resolve("generation.sbatch"),
                        (long) (poll * 1000), quiet.or(spec.commandLine().getOut()), err);
            }
            return calibrate(which.plan, maxEvaluations, leaveOneOut, out, tasks, new Slurm(),
                    out.resolve("slurm").resolve("generation.sbatch"), (long) (poll * 1000),
                    quiet.or(spec.commandLine().getOut()), err);
        }
    }

    /**
     * Runs {@code calibrate --plan} until it finishes, each time it stops for scores handing the
     * generation to {@code submitter} as an array of at most {@code tasks} tasks running
     * {@code script}. A driver started again on the same folder goes on from the journal and the
     * batch folders (see {@link ArrayBatch#run}).
     */
    static int calibrate(Path planFile, Integer maxEvaluations, boolean leaveOneOut, Path out, int tasks,
            Submitter submitter, Path script, long pollMillis, PrintWriter stdout, PrintWriter err)
            throws IOException, InterruptedException {
        CalibrationPlan plan = CalibratePlanRun.load(planFile, err);
        if (plan == null) {
            return ExitCode.BAD_INPUT;
        }
        String sha = Manifest.sha256(planFile);
        Path journal = out.resolve("journal.tsv");
        Path slurm = out.resolve("slurm");
        Files.createDirectories(slurm.resolve("logs"));
        FolderLock lock = OutputLock.take(slurm, "slurm-driver calibrate", "slurm-driver", err, false);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        try (lock) {
            CalibrationArrays arrays = new CalibrationArrays(plan, sha);
            while (true) {
                arrays.clear();
                try {
                    return CalibratePlanRun.run(planFile, maxEvaluations, 1, leaveOneOut, false, out, stdout, err,
                            arrays);
                } catch (Pending p) {
                    int before = Files.exists(journal) ? Journal.read(journal, sha).size() : 0;
                    ArrayBatch batch = ArrayBatch.prepare(slurm.resolve("batches"), before, arrays.text(), tasks);
                    batch.run(submitter, script, slurm.resolve("logs"), pollMillis, err);
                    CalibrationArrays.addToJournal(batch, plan, sha, journal);
                }
            }
        }
    }

    /**
     * Runs {@code design DESIGN.yaml --resume} until it finishes, each time it stops for runs
     * handing them to {@code submitter} as an array of at most {@code tasks} tasks (as
     * {@link #calibrate} does for a calibration).
     */
    static int design(Path designFile, Path out, int tasks, Submitter submitter, Path script, long pollMillis,
            PrintWriter stdout, PrintWriter err) throws IOException, InterruptedException {
        Path slurm = out.resolve("slurm");
        Files.createDirectories(slurm.resolve("logs"));
        FolderLock lock = OutputLock.take(slurm, "slurm-driver design", "slurm-driver", err, false);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        try (lock) {
            DesignArrays arrays = new DesignArrays();
            while (true) {
                arrays.clear();
                DesignCommand command = new DesignCommand();
                CommandLine cl = new CommandLine(command);
                cl.setOut(stdout);
                cl.setErr(err);
                cl.parseArgs(designFile.toString(), "--out", out.toString(), "--resume", "--threads", "1", "-q");
                command.elsewhere = arrays;
                try {
                    int code = command.call();
                    if (code == ExitCode.OK) {
                        stdout.println("slurm-driver: wrote " + out + "/ (front.csv, candidates.csv, evaluations.csv, "
                                + "report.html, ...)");
                    }
                    return code;
                } catch (Pending p) {
                    ArrayBatch batch = ArrayBatch.prepare(slurm.resolve("batches"), DesignRun.journaled(out),
                            arrays.text(), tasks);
                    batch.run(submitter, script, slurm.resolve("logs"), pollMillis, err);
                    DesignArrays.addToJournal(batch, out.resolve("journal.tsv"));
                }
            }
        }
    }

    /** An array task: scores its share of one generation. */
    @Command(name = "slurm-task", hidden = true, mixinStandardHelpOptions = true,
            header = "Does one array task's share of a generation of calibrate --plan or design (the task slurm writes).")
    static final class Task implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Search which;

        @Option(names = "--batch", required = true, paramLabel = "DIR")
        private Path batch;

        @Option(names = "--task", required = true, paramLabel = "I")
        private int task;

        @Option(names = "--of", required = true, paramLabel = "K")
        private int of;

        @Mixin
        private SharedOptions.Threads threadsOption;

        @Mixin
        private SharedOptions.Quiet quiet;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            int threads = threadsOption.or(1);
            if (!which.valid() || of < 1 || task < 1 || task > of
                    || threads < 1) {
                err.println("slurm-task: error: expected 'calibrate --plan FILE' or 'design --design FILE', "
                        + "1 <= --task <= --of and --threads >= 1");
                return ExitCode.BAD_INPUT;
            }
            if (!which.calibrate()) {
                try {
                    DesignSpec spec = DesignSpecLoader.load(which.design);
                    DesignArrays.runShare(spec, new ScenarioWorld(spec), batch, task, of, threads);
                } catch (FolderLock.HeldException e) {
                    err.println("slurm-task: error: " + e.getMessage());
                    return ExitCode.FAILED;
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> err.println(p.format()));
                    return ExitCode.BAD_INPUT;
                }
                quiet.or(spec.commandLine().getOut()).println("slurm-task: wrote " + ArrayBatch.result(batch, task, of));
                return ExitCode.OK;
            }
            CalibrationPlan loaded = CalibratePlanRun.load(which.plan, err);
            if (loaded == null) {
                return ExitCode.BAD_INPUT;
            }
            try {
                CalibrationArrays.scoreShare(loaded, Manifest.sha256(which.plan), batch, task, of, threads);
            } catch (FolderLock.HeldException e) {
                err.println("slurm-task: error: " + e.getMessage());
                return ExitCode.FAILED;
            } catch (InvalidInputException e) {
                for (Problem p : e.problems()) {
                    err.println(p.format());
                }
                return ExitCode.BAD_INPUT;
            }
            quiet.or(spec.commandLine().getOut()).println("slurm-task: wrote " + ArrayBatch.result(batch, task, of));
            return ExitCode.OK;
        }
    }
}
