package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safepassage.cluster.JobScripts;
import org.safepassage.experiment.Design;
import org.safepassage.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code safepassage slurm COMMAND ARGS...}: writes the SLURM batch scripts that run a command
 * on a cluster and submits them (the scripts themselves: {@link org.safepassage.cluster.JobScripts}). A sweep becomes a job array (task I runs shard I/N with
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
        JobScripts.Settings settings = new JobScripts.Settings(cwd, taskCpus, partition, account, time, mem);
        JobScripts scripts = switch (name) {
            case "sweep" -> sweepScripts(args, settings, err);
            case "calibrate" -> calibrateScripts(args, settings, err);
            case "design" -> designScripts(args, settings, err);
            default -> compareOrValidateScripts(name, args, settings, err);
        };
        if (scripts == null) {
            return ExitCode.BAD_INPUT;
        }
        scripts.write(program, stdout);
        if (dryRun) {
            stdout.println("dry run: nothing submitted; submit with:");
            stdout.println("  " + scripts.submitLine("JOBID"));
            return ExitCode.OK;
        }
        return scripts.submit(stdout, err) ? ExitCode.OK : ExitCode.FAILED;
    }

    /** sweep: a job array of the study's shards and a merge job; null after printing what is wrong. */
    private JobScripts sweepScripts(Args args, JobScripts.Settings s, PrintWriter err) {
        if (args.positional().size() != 1) {
            err.println("slurm sweep: error: " + args.positional().size() + " study files; expected one");
            return null;
        }
        Path given = Path.of(args.positional().get(0));
        Study study = Inputs.loadStudy(given, err);
        if (study == null) {
            return null;
        }
        int runs = Design.of(study).size() * study.replicates();
        int n = tasks != null ? tasks : Math.max(1, Math.min(1000, (runs + 99) / 100));
        if (n < 1 || n > Math.min(runs, MAX_TASKS)) {
            err.println("slurm sweep: error: --tasks " + n + "; expected 1 to " + Math.min(runs, MAX_TASKS)
                    + " (the study has " + runs + " runs)");
            return null;
        }
        Path out = s.cwd().resolve(args.out() != null ? Path.of(args.out())
                : SweepCommand.defaultDir(study, org.safepassage.experiment.SweepPlan.Shard.WHOLE)).normalize();
        Path studyFile = given.toAbsolutePath().normalize();
        return JobScripts.array(s, "sweep", List.of(studyFile.toString()), args.rest(), "sp-" + Names.slug(study.name()),
                "# one task per shard of " + studyFile + " (" + n + " shards)", out, n,
                " --threads " + s.taskCpus() + " --resume -q",
                "# --resume starts a new shard, and after a requeue or time-out finishes it: runs.csv keeps every\n"
                + "# finished run, and the folder's lock stops a second process on the same shard.\n");
    }

    /**
     * compare, validate: a job array of shards (compare: replicates r mod N; validate: runs u mod
     * N, numbered episode by episode) and a merge job, as for sweep. A shard always goes on from
     * its journal, so a requeued task does only the runs it had not finished.
     */
    private JobScripts compareOrValidateScripts(String name, Args args, JobScripts.Settings s, PrintWriter err) {
        Path cwd = s.cwd();
        boolean compare = name.equals("compare");
        List<String> files = new ArrayList<>();
        for (String a : args.positional()) {
            files.add(cwd.resolve(a).normalize().toString());
        }
        if (!compare && files.isEmpty()) {
            try (var found = Files.list(cwd.resolve(ValidateCommand.EPISODES))) {
                found.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> files.add(p.toString()));
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
        return JobScripts.array(s, name, files, args.rest(), "sp-" + name, "# one task per shard of " + name + " ("
                + n + " shards of " + (compare ? "its replicates" : "its runs") + ")", out, n,
                (compare ? " --threads " + s.taskCpus() : "") + " -q",
                "# a shard goes on from its journal (units.jsonl) after a requeue or time-out, and the folder's\n"
                + "# lock stops a second process on the same shard.\n");
    }

    /**
     * calibrate --plan: a driver job running the search, and the array script it submits for each
     * generation (task I of K scores candidates I, I+K, ... of a batch folder).
     */
    private JobScripts calibrateScripts(Args args, JobScripts.Settings s, PrintWriter err) {
        int at = args.rest().indexOf("--plan");
        if (at < 0 || at + 1 >= args.rest().size()) {
            err.println("slurm calibrate: error: no --plan FILE; expected a calibration plan (the driver runs CMA-ES "
                    + "over its generations; the Latin hypercube search has no generations)");
            return null;
        }
        Path planFile = s.cwd().resolve(args.rest().get(at + 1)).normalize();
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
        Path out = s.cwd().resolve(args.out() != null ? args.out() : "results/calibration").normalize();
        return JobScripts.driver(s, driverTime, poll, "calibrate", "--plan", planFile, plan.name(), "runs CMA-ES",
                "scores candidates", out, n, rest);
    }

    /**
     * design: a driver job running the search (NSGA-II, then the racing stages), and the array
     * script it submits whenever the search needs runs (task I of K does runs I, I+K, ...).
     */
    private JobScripts designScripts(Args args, JobScripts.Settings s, PrintWriter err) {
        if (args.positional().size() != 1) {
            err.println("slurm design: error: " + args.positional().size() + " design files; expected one");
            return null;
        }
        if (!args.rest().isEmpty()) {
            err.println("slurm design: error: " + args.rest().get(0) + ": not an option of the driver; expected "
                    + "DESIGN.yaml, --out, --threads");
            return null;
        }
        Path file = s.cwd().resolve(args.positional().get(0)).normalize();
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
        Path out = s.cwd().resolve(args.out() != null ? args.out() : "results/design").normalize();
        return JobScripts.driver(s, driverTime, poll, "design", "--design", file, design.name(),
                "runs NSGA-II and the racing stages", "does runs", out, n, List.of());
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
