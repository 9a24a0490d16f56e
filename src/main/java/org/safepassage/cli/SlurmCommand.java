package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safepassage.experiment.Design;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;
import org.safepassage.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code safepassage slurm COMMAND ARGS...}: writes the SLURM batch scripts that run a command
 * on a cluster and submits them. A sweep becomes a job array (task I runs shard I/N with
 * --resume, so a requeued task finishes its shard) and a merge job that starts when every task
 * has succeeded; compare and validate too (their shards split the replicates or runs); calibrate --plan becomes a driver job
 * that scores each generation as a job array ({@link SlurmJobs}). Every job runs {@code java -jar} on
 * a copy of this program in the output folder, so nodes build nothing and all tasks run the
 * same program. See docs/CLUSTER.md.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        header = "Runs a sweep (as a job array and a merge), compare, validate, calibrate --plan or design on SLURM.",
        description = {"Writes the batch scripts into OUT/slurm/ (OUT: the command's output folder), with",
            "a copy of this program's jar, prints them, and submits them with sbatch (not with",
            "--dry-run). sweep: one array task per shard (--tasks N), each 'sweep --shard I/N",
            "--resume' into OUT/shard-I-of-N (--requeue, logs appended), then 'merge' into OUT",
            "after all succeed (--dependency=afterok). compare, validate: the same, their shards",
            "splitting the replicates (compare) or runs (validate). calibrate --plan,",
            "design: a driver job (driver.sbatch) that runs the search and each generation as a job",
            "array (generation.sbatch, --tasks N at most), resuming from its journal when requeued.",
            "Options after COMMAND that are not the ones below go to the command."})
final class SlurmCommand implements Callable<Integer> {

    /** Most array tasks: more than this many shards gain nothing (see docs/CLUSTER.md on sizing). */
    static final int MAX_TASKS = 10_000;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "COMMAND ARGS",
            description = "sweep, compare, validate, calibrate (with --plan) or design, and its arguments.")
    private List<String> command;

    @Option(names = "--tasks", paramLabel = "N",
            description = "sweep, compare, validate: array tasks (= shards) (default: one per 100 runs, at least 1, "
                    + "at most 1000; compare: at most one per replicate); "
                    + "calibrate, design: most array tasks a generation (default: the population).")
    private Integer tasks;

    @Option(names = "--partition", paramLabel = "P", description = "sbatch --partition.")
    private String partition;

    @Option(names = "--time", paramLabel = "T", description = "sbatch --time of each task (e.g. 02:00:00).")
    private String time;

    @Option(names = "--mem", paramLabel = "M", description = "sbatch --mem of each task (e.g. 4G).")
    private String mem;

    @Option(names = "--account", paramLabel = "A", description = "sbatch --account.")
    private String account;

    @Option(names = "--cpus", paramLabel = "C",
            description = "CPUs per task, passed on as --threads (default: the command's --threads, else 1).")
    private Integer cpus;

    @Option(names = "--jar", paramLabel = "JAR", description = "The program to copy (default: the running jar).")
    private Path jar;

    @Mixin
    private SharedOptions.Quiet quiet;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
            description = "calibrate, design: seconds between the driver's looks at the queue (default: ${DEFAULT-VALUE}).")
    private double poll;

    @Option(names = "--driver-time", paramLabel = "T",
            description = "calibrate, design: sbatch --time of the driver job (default: the partition's).")
    private String driverTime;

    @Option(names = "--dry-run", description = "Write and print the scripts; do not submit.")
    private boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = quiet.or(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        String name = command.get(0);
        if (!List.of("sweep", "compare", "validate", "calibrate", "design").contains(name)) {
            err.println("slurm: error: COMMAND '" + name + "'; expected sweep, compare, validate, calibrate or design");
            return ExitCode.BAD_INPUT;
        }
        Args args = Args.of(command.subList(1, command.size()));
        if (args.problem() != null) {
            err.println("slurm " + name + ": error: " + args.problem());
            return ExitCode.BAD_INPUT;
        }
        int taskCpus = cpus != null ? cpus : args.threads() != null ? args.threads() : 1;
        if (taskCpus < 1) {
            err.println("slurm: error: --cpus " + taskCpus + "; expected at least 1");
            return ExitCode.BAD_INPUT;
        }
        Path program = jar != null ? jar : runningJar();
        if (program == null || !Files.isRegularFile(program)) {
            err.println("slurm: error: " + (program == null ? "this program does not run from a jar" : program
                    + " is not a file") + "; expected ./safepassage (target/safepassage.jar) or --jar JAR");
            return ExitCode.FAILED;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Scripts scripts;
        if (name.equals("sweep")) {
            if (args.positional().size() != 1) {
                err.println("slurm sweep: error: " + args.positional().size() + " study files; expected one");
                return ExitCode.BAD_INPUT;
            }
            Path studyFile = Path.of(args.positional().get(0));
            Study study = Inputs.loadStudy(studyFile, err);
            if (study == null) {
                return ExitCode.BAD_INPUT;
            }
            int runs = Design.of(study).size() * study.replicates();
            int n = tasks != null ? tasks : Math.max(1, Math.min(1000, (runs + 99) / 100));
            if (n < 1 || n > Math.min(runs, MAX_TASKS)) {
                err.println("slurm sweep: error: --tasks " + n + "; expected 1 to " + Math.min(runs, MAX_TASKS)
                        + " (the study has " + runs + " runs)");
                return ExitCode.BAD_INPUT;
            }
            Path out = cwd.resolve(args.out() != null ? Path.of(args.out())
                    : SweepCommand.defaultDir(study, org.safepassage.experiment.SweepPlan.Shard.WHOLE)).normalize();
            scripts = sweepScripts(study, studyFile.toAbsolutePath().normalize(), out, n, taskCpus, args, cwd);
        } else if (name.equals("calibrate") || name.equals("design")) {
            scripts = name.equals("calibrate") ? calibrateScripts(args, taskCpus, cwd, err)
                    : designScripts(args, taskCpus, cwd, err);
            if (scripts == null) {
                return ExitCode.BAD_INPUT;
            }
        } else {
            scripts = compareOrValidateScripts(name, args, taskCpus, cwd, err);
            if (scripts == null) {
                return ExitCode.BAD_INPUT;
            }
        }
        Files.createDirectories(scripts.dir().resolve("logs"));
        Path copy = scripts.dir().resolve("safepassage.jar");
        if (!Files.exists(copy) || !Manifest.sha256(copy).equals(Manifest.sha256(program))) {
            AtomicFiles.write(copy, tmp -> Files.copy(program, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        }
        for (int i = 0; i < scripts.files().size(); i++) {
            Path f = scripts.files().get(i);
            AtomicFiles.writeString(f, scripts.texts().get(i));
            stdout.println("==> " + f + " <==");
            stdout.print(scripts.texts().get(i));
            stdout.println();
        }
        if (dryRun) {
            stdout.println("dry run: nothing submitted; submit with:");
            stdout.println("  " + (scripts.files().get(0).endsWith("driver.sbatch") ? "sbatch " + scripts.files().get(0) : submitLine(scripts, "JOBID")));
            return ExitCode.OK;
        }
        String first = sbatch(err, List.of("sbatch", "--parsable", scripts.files().get(0).toString()));
        if (first == null) {
            return ExitCode.FAILED;
        }
        stdout.println("submitted job " + first + " (" + scripts.files().get(0).getFileName() + ")");
        if (name.equals("calibrate") || name.equals("design")) {
            AtomicFiles.writeString(scripts.dir().resolve("jobs.txt"), "driver " + first + "\n");
        } else if (scripts.files().size() > 1) {
            String second = sbatch(err, List.of("sbatch", "--parsable", "--dependency=afterok:" + first,
                    "--kill-on-invalid-dep=yes", scripts.files().get(1).toString()));
            if (second == null) {
                err.println("slurm: the array job " + first + " is submitted; submit the merge by hand: "
                        + submitLine(scripts, first));
                return ExitCode.FAILED;
            }
            stdout.println("submitted job " + second + " (" + scripts.files().get(1).getFileName() + ", after " + first
                    + " succeeds)");
            AtomicFiles.writeString(scripts.dir().resolve("jobs.txt"), "array " + first + "\nmerge " + second + "\n");
        } else {
            AtomicFiles.writeString(scripts.dir().resolve("jobs.txt"), "job " + first + "\n");
        }
        stdout.println("logs in " + scripts.dir().resolve("logs") + "/; watch with: squeue -u $USER");
        return ExitCode.OK;
    }

    /** The scripts to submit, in order (an array and its merge, or one job) and their folder. */
    private record Scripts(Path dir, List<Path> files, List<String> texts) {
    }

    private Scripts sweepScripts(Study study, Path studyFile, Path out, int n, int taskCpus, Args args, Path cwd) {
        return arrayScripts("sweep", List.of(studyFile.toString()), "sp-" + Names.slug(study.name()),
                "# one task per shard of " + studyFile + " (" + n + " shards)", out, n, taskCpus, args, cwd,
                " --threads " + taskCpus + " --resume -q",
                "# --resume starts a new shard, and after a requeue or time-out finishes it: runs.csv keeps every\n"
                + "# finished run, and the folder's lock stops a second process on the same shard.\n");
    }

    /**
     * compare, validate: a job array of shards (compare: replicates r mod N; validate: runs u mod
     * N, numbered episode by episode) and a merge job, as for sweep. A shard always goes on from
     * its journal, so a requeued task does only the runs it had not finished.
     */
    private Scripts compareOrValidateScripts(String name, Args args, int taskCpus, Path cwd, PrintWriter err) {
        boolean compare = name.equals("compare");
        List<String> files = new ArrayList<>();
        for (String a : args.positional()) {
            files.add(cwd.resolve(a).normalize().toString());
        }
        if (!compare && files.isEmpty()) {
            try (var s = Files.list(cwd.resolve(ValidateCommand.EPISODES))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> files.add(p.toString()));
            } catch (IOException e) {
                // validate says what is missing
            }
        }
        if (files.isEmpty()) {
            err.println("slurm " + name + ": error: no " + (compare ? "scenario" : "episode") + " files; expected "
                    + (compare ? "SCENARIO.yaml..." : "EPISODE.yaml... (or scenarios/episodes/ here)"));
            return null;
        }
        if (files.contains(cwd.resolve("-").normalize().toString())) {
            err.println("slurm " + name + ": error: '-' (standard input); expected files every task can read");
            return null;
        }
        int replicates = compare ? 30 : 10;
        for (int i = 0; i < args.rest().size(); i++) {
            String a = args.rest().get(i);
            if (!a.equals("--replicates") && !a.startsWith("--replicates=")) {
                continue;
            }
            try {
                replicates = Integer.parseInt(a.contains("=") ? a.substring(a.indexOf('=') + 1) : args.rest().get(i + 1));
            } catch (RuntimeException e) {
                err.println("slurm " + name + ": error: --replicates needs a whole number");
                return null;
            }
        }
        int runs = files.size() * replicates;
        int keys = compare ? replicates : runs;
        int n = tasks != null ? tasks : Math.max(1, Math.min(Math.min(1000, keys), (runs + 99) / 100));
        if (n < 1 || n > Math.min(keys, MAX_TASKS)) {
            err.println("slurm " + name + ": error: --tasks " + n + "; expected 1 to " + Math.min(keys, MAX_TASKS) + " ("
                    + (compare ? "one task per replicate at most: --replicates " + replicates
                    : "the validation has " + runs + " runs") + ")");
            return null;
        }
        Path out = cwd.resolve(args.out() != null ? args.out() : "results/" + (compare ? "compare" : "validation"))
                .normalize();
        return arrayScripts(name, files, "sp-" + name, "# one task per shard of " + name + " (" + n + " shards of "
                + (compare ? "its replicates" : "its runs") + ")", out, n, taskCpus, args, cwd,
                (compare ? " --threads " + taskCpus : "") + " -q",
                "# a shard goes on from its journal (units.jsonl) after a requeue or time-out, and the folder's\n"
                + "# lock stops a second process on the same shard.\n");
    }

    /** An array job (task I runs shard I/N of the command into OUT/shard-I-of-N) and the merge job of all shards. */
    private Scripts arrayScripts(String name, List<String> files, String job, String what, Path out, int n,
            int taskCpus, Args args, Path cwd, String tail, String comment) {
        Path dir = out.resolve("slurm");
        Path copy = dir.resolve("safepassage.jar");
        StringBuilder array = header(job, cwd, taskCpus, what);
        array.append("#SBATCH --array=1-").append(n).append('\n');
        array.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        array.append("#SBATCH --output=").append(dir.resolve("logs")).append("/shard-%a-of-").append(n).append(".log\n");
        limits(array, true);
        array.append("set -euo pipefail\n");
        array.append("I=\"$SLURM_ARRAY_TASK_ID\"\n");
        array.append("echo \"== shard $I/").append(n).append(" on $(hostname), start $(date -u +%FT%TZ), "
                + "restart ${SLURM_RESTART_COUNT:-0}\"\n");
        array.append(comment);
        array.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(quote(copy.toString()))
                .append(' ').append(name);
        for (String f : files) {
            array.append(' ').append(quote(f));
        }
        for (String a : args.rest()) {
            array.append(' ').append(quote(a));
        }
        array.append(" --shard \"$I/").append(n).append("\" --out ").append(quote(out.toString())).append("/shard-\"$I\"-of-")
                .append(n).append(tail).append('\n');
        array.append("echo \"== shard $I/").append(n).append(" done $(date -u +%FT%TZ)\"\n");

        StringBuilder merge = header(job + "-merge", cwd, 1, "# joins the " + n + " shards when every array task has "
                + "succeeded (submitted with --dependency=afterok:ARRAYJOB)");
        merge.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        merge.append("#SBATCH --output=").append(dir.resolve("logs")).append("/merge.log\n");
        limits(merge, false);
        merge.append("set -euo pipefail\n");
        merge.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(quote(copy.toString()))
                .append(" merge ").append(quote(out.toString())).append("/shard-{1..").append(n).append("}-of-")
                .append(n).append(" --out ").append(quote(out.toString())).append('\n');
        return new Scripts(dir, List.of(dir.resolve("array.sbatch"), dir.resolve("merge.sbatch")),
                List.of(array.toString(), merge.toString()));
    }

    /**
     * calibrate --plan: a driver job running the search, and the array script it submits for each
     * generation (task I of K scores candidates I, I+K, ... of a batch folder).
     */
    private Scripts calibrateScripts(Args args, int taskCpus, Path cwd, PrintWriter err) {
        int at = args.rest().indexOf("--plan");
        if (at < 0 || at + 1 >= args.rest().size()) {
            err.println("slurm calibrate: error: no --plan FILE; expected a calibration plan (the driver runs CMA-ES "
                    + "over its generations; the Latin hypercube search has no generations)");
            return null;
        }
        Path planFile = cwd.resolve(args.rest().get(at + 1)).normalize();
        org.safepassage.scenario.CalibrationPlan plan = CalibratePlanRun.load(planFile, err);
        if (plan == null) {
            return null;
        }
        int lambda = plan.optimiser().populationSize() > 0 ? plan.optimiser().populationSize()
                : 4 + (int) Math.floor(3 * Math.log(plan.parameters().size()));
        int n = tasks != null ? tasks : lambda;
        if (n < 1 || n > MAX_TASKS || !(poll >= 0)) {
            err.println("slurm calibrate: error: --tasks " + n + " and --poll " + poll + "; expected 1 to " + MAX_TASKS
                    + " tasks (default: one per candidate of a generation, " + lambda + ") and --poll >= 0");
            return null;
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.rest().size(); i++) {
            String a = args.rest().get(i);
            if (a.equals("--plan")) {
                i++;
            } else if (a.equals("--max-evaluations") && i + 1 < args.rest().size()) {
                rest.add(a);
                rest.add(args.rest().get(++i));
            } else if (a.equals("--leave-one-out")) {
                rest.add(a);
            } else {
                err.println("slurm calibrate: error: " + a + ": not an option of the driver; expected --plan, "
                        + "--max-evaluations, --leave-one-out, --out, --threads");
                return null;
            }
        }
        Path out = cwd.resolve(args.out() != null ? args.out() : "results/calibration").normalize();
        Path dir = out.resolve("slurm");
        return driverScripts("calibrate", "--plan", planFile, plan.name(), "runs CMA-ES", "scores candidates", out, n,
                rest, taskCpus, cwd);
    }

    /**
     * design: a driver job running the search (NSGA-II, then the racing stages), and the array
     * script it submits whenever the search needs runs (task I of K does runs I, I+K, ...).
     */
    private Scripts designScripts(Args args, int taskCpus, Path cwd, PrintWriter err) {
        if (args.positional().size() != 1) {
            err.println("slurm design: error: " + args.positional().size() + " design files; expected one");
            return null;
        }
        if (!args.rest().isEmpty()) {
            err.println("slurm design: error: " + args.rest().get(0) + ": not an option of the driver; expected "
                    + "DESIGN.yaml, --out, --threads");
            return null;
        }
        Path file = cwd.resolve(args.positional().get(0)).normalize();
        org.safepassage.scenario.DesignSpec design;
        try {
            design = org.safepassage.scenario.DesignSpecLoader.load(file);
        } catch (org.safepassage.scenario.InvalidInputException e) {
            e.problems().forEach(p -> err.println(p.format()));
            return null;
        }
        int n = tasks != null ? tasks : design.search().population();
        if (n < 1 || n > MAX_TASKS || !(poll >= 0)) {
            err.println("slurm design: error: --tasks " + n + " and --poll " + poll + "; expected 1 to " + MAX_TASKS
                    + " tasks (default: the search's population, " + design.search().population() + ") and --poll >= 0");
            return null;
        }
        Path out = cwd.resolve(args.out() != null ? args.out() : "results/design").normalize();
        return driverScripts("design", "--design", file, design.name(), "runs NSGA-II and the racing stages",
                "does runs", out, n, List.of(), taskCpus, cwd);
    }

    private Scripts driverScripts(String search, String fileOption, Path file, String name, String searchWhat,
            String taskWhat, Path out, int n, List<String> rest, int taskCpus, Path cwd) {
        String label = search + (search.equals("calibrate") ? " --plan " : " ") + file;
        Path dir = out.resolve("slurm");
        String copy = quote(dir.resolve("safepassage.jar").toString());
        String job = "sp-" + search + "-" + Names.slug(name);
        StringBuilder driver = header(job, cwd, 1, "# the driver of " + label + ": " + searchWhat + " and "
                + "hands each generation to generation.sbatch as a job array");
        driver.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        driver.append("#SBATCH --output=").append(dir.resolve("logs")).append("/driver.log\n");
        if (partition != null) {
            driver.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (account != null) {
            driver.append("#SBATCH --account=").append(account).append('\n');
        }
        if (driverTime != null) {
            driver.append("#SBATCH --time=").append(driverTime).append('\n');
        }
        driver.append("set -euo pipefail\n");
        driver.append("echo \"== driver on $(hostname), start $(date -u +%FT%TZ), restart ${SLURM_RESTART_COUNT:-0}\"\n");
        driver.append("# after a requeue the driver goes on from journal.tsv and the batch folders: a generation whose\n"
                + "# array is still queued is waited for, finished tasks are not run again.\n");
        driver.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(copy)
                .append(" slurm-driver ").append(search).append(' ').append(fileOption).append(' ')
                .append(quote(file.toString())).append(" --out ")
                .append(quote(out.toString())).append(" --tasks ").append(n).append(" --poll ")
                .append(plain(poll));
        for (String a : rest) {
            driver.append(' ').append(quote(a));
        }
        driver.append('\n');
        StringBuilder generation = header(job + "-gen", cwd, taskCpus, "# one generation of " + label
                + ": task I of K " + taskWhat + " I, I+K, ... of batch folder $1\n# (the driver submits it: sbatch "
                + "--array=TASKS --output=LOG generation.sbatch BATCH K)");
        generation.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        limits(generation, true);
        generation.append("set -euo pipefail\n");
        generation.append("echo \"== task $SLURM_ARRAY_TASK_ID/$2 of $(basename \"$1\") on $(hostname), start "
                + "$(date -u +%FT%TZ), restart ${SLURM_RESTART_COUNT:-0}\"\n");
        generation.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(copy)
                .append(" slurm-task ").append(search).append(' ').append(fileOption).append(' ')
                .append(quote(file.toString()))
                .append(" --batch \"$1\" --task \"$SLURM_ARRAY_TASK_ID\" --of \"$2\" --threads ").append(taskCpus)
                .append('\n');
        return new Scripts(dir, List.of(dir.resolve("driver.sbatch"), dir.resolve("generation.sbatch")),
                List.of(driver.toString(), generation.toString()));
    }

    /** Seconds as written in a script: 10, 0.5. */
    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static StringBuilder header(String job, Path cwd, int taskCpus, String what) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# written by safepassage ").append(Version.project()).append(" at ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n').append(what).append('\n');
        b.append("#SBATCH --job-name=").append(job).append('\n');
        b.append("#SBATCH --chdir=").append(cwd).append('\n');
        b.append("#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=").append(taskCpus).append('\n');
        return b;
    }

    private void limits(StringBuilder b, boolean perTask) {
        if (partition != null) {
            b.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (account != null) {
            b.append("#SBATCH --account=").append(account).append('\n');
        }
        if (time != null) {
            b.append("#SBATCH --time=").append(time).append('\n');
        }
        if (mem != null && perTask) {
            b.append("#SBATCH --mem=").append(mem).append('\n');
        }
    }

    private static String submitLine(Scripts scripts, String firstJob) {
        if (scripts.files().size() == 1) {
            return "sbatch " + scripts.files().get(0);
        }
        return "jobid=$(sbatch --parsable " + scripts.files().get(0) + ") && sbatch --dependency=afterok:"
                + ("JOBID".equals(firstJob) ? "$jobid" : firstJob) + " --kill-on-invalid-dep=yes "
                + scripts.files().get(1);
    }

    /** Runs sbatch and returns the job id, or null after printing why it failed. */
    private static String sbatch(PrintWriter err, List<String> argv) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            err.println("slurm: error: cannot run sbatch (" + e.getMessage() + "); is this a SLURM login node? "
                    + "Use --dry-run to only write the scripts");
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = p.waitFor();
        if (code != 0 || !output.matches("\\d+(;.*)?")) {
            err.println("slurm: error: " + String.join(" ", argv) + " failed (exit " + code + "): " + output);
            return null;
        }
        return output.split(";")[0];
    }

    /** The jar this program runs from, or null (classes in a folder, as in the tests). */
    private static Path runningJar() {
        try {
            Path p = Path.of(SlurmCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** A word for bash, in single quotes when it needs them. */
    static String quote(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * The command's arguments as slurm needs them: the positional ones (files), --out and
     * --threads (read, then set by slurm), and the rest passed on unchanged.
     */
    record Args(List<String> positional, String out, Integer threads, List<String> rest, String problem) {
        static Args of(List<String> argv) {
            List<String> positional = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            String out = null;
            Integer threads = null;
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                String option = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
                String inline = option.equals(a) ? null : a.substring(a.indexOf('=') + 1);
                switch (option) {
                    case "--shard", "--resume", "--from-shards" -> {
                        return new Args(positional, out, threads, rest, option + ": slurm sets it for each task; "
                                + "expected the command without it");
                    }
                    case "--out", "--threads" -> {
                        String value = inline != null ? inline : i + 1 < argv.size() ? argv.get(++i) : null;
                        if (value == null) {
                            return new Args(positional, out, threads, rest, option + ": needs a value");
                        }
                        if (option.equals("--out")) {
                            out = value;
                        } else {
                            try {
                                threads = Integer.parseInt(value);
                            } catch (NumberFormatException e) {
                                return new Args(positional, out, threads, rest, "--threads: '" + value
                                        + "'; expected a whole number");
                            }
                        }
                    }
                    case "-q", "--quiet" -> {
                        // the jobs run quietly anyway
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            rest.add(a);
                            if (inline == null && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")
                                    && takesValue(a)) {
                                rest.add(argv.get(++i));
                            }
                        } else {
                            positional.add(a);
                        }
                    }
                }
            }
            return new Args(positional, out, threads, rest, null);
        }

        /** Options of sweep, compare and validate that take a value (the others are flags). */
        private static boolean takesValue(String option) {
            return List.of("--replicates", "--seed", "--set", "--require-coverage", "--plan", "--max-evaluations",
                    "--threshold", "--lever", "--ensemble", "--at-least", "--outputs", "--hourly-step", "--format",
                    "--design")
                    .contains(option);
        }
    }
}
