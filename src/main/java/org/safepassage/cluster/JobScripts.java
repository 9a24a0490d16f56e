package org.safepassage.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;

/**
 * The SLURM batch scripts {@code safepassage slurm} writes into OUT/slurm/, in the order they are
 * submitted: a job array and the merge job that waits for it ({@link #array}: sweep, compare,
 * validate), or a driver job and the generation script it submits ({@link #driver}: calibrate
 * --plan, design). Also writes them with the program's copy beside them ({@link #write}) and
 * submits them ({@link #submit}). See docs/CLUSTER.md.
 *
 * @param dir the folder of the scripts (OUT/slurm)
 * @param files the scripts, in the order they are submitted
 * @param texts their texts, in the same order
 */
public record JobScripts(Path dir, List<Path> files, List<String> texts) {

    /**
     * What every script of one submission shares.
     *
     * @param cwd the folder jobs start in ({@code --chdir})
     * @param taskCpus CPUs of each task ({@code --cpus-per-task}, passed on as {@code --threads})
     * @param partition sbatch --partition, or null
     * @param account sbatch --account, or null
     * @param time sbatch --time of each task, or null
     * @param mem sbatch --mem of each task, or null
     */
    public record Settings(Path cwd, int taskCpus, String partition, String account, String time, String mem) {
    }

    /**
     * An array job (task I runs shard I/N of the command into OUT/shard-I-of-N) and the merge job
     * of all shards.
     *
     * @param command sweep, compare or validate
     * @param files the command's files, as the tasks read them
     * @param rest the command's other arguments, passed on unchanged
     * @param job the job's name
     * @param what the comment line saying what the array does
     * @param tail what follows {@code --out} on the task's command line
     * @param comment comment lines before the task's command (each ending in a newline)
     */
    public static JobScripts array(Settings s, String command, List<String> files, List<String> rest, String job,
            String what, Path out, int n, String tail, String comment) {
        Path dir = out.resolve("slurm");
        Path copy = dir.resolve("safepassage.jar");
        StringBuilder array = header(job, s.cwd(), s.taskCpus(), what);
        array.append("#SBATCH --array=1-").append(n).append('\n');
        array.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        array.append("#SBATCH --output=").append(dir.resolve("logs")).append("/shard-%a-of-").append(n).append(".log\n");
        limits(array, s, true);
        array.append("set -euo pipefail\n");
        array.append("I=\"$SLURM_ARRAY_TASK_ID\"\n");
        array.append("echo \"== shard $I/").append(n).append(" on $(hostname), start $(date -u +%FT%TZ), "
                + "restart ${SLURM_RESTART_COUNT:-0}\"\n");
        array.append(comment);
        array.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(quote(copy.toString()))
                .append(' ').append(command);
        for (String f : files) {
            array.append(' ').append(quote(f));
        }
        for (String a : rest) {
            array.append(' ').append(quote(a));
        }
        array.append(" --shard \"$I/").append(n).append("\" --out ").append(quote(out.toString())).append("/shard-\"$I\"-of-")
                .append(n).append(tail).append('\n');
        array.append("echo \"== shard $I/").append(n).append(" done $(date -u +%FT%TZ)\"\n");

        StringBuilder merge = header(job + "-merge", s.cwd(), 1, "# joins the " + n + " shards when every array task has "
                + "succeeded (submitted with --dependency=afterok:ARRAYJOB)");
        merge.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        merge.append("#SBATCH --output=").append(dir.resolve("logs")).append("/merge.log\n");
        limits(merge, s, false);
        merge.append("set -euo pipefail\n");
        merge.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(quote(copy.toString()))
                .append(" merge ").append(quote(out.toString())).append("/shard-{1..").append(n).append("}-of-")
                .append(n).append(" --out ").append(quote(out.toString())).append('\n');
        return new JobScripts(dir, List.of(dir.resolve("array.sbatch"), dir.resolve("merge.sbatch")),
                List.of(array.toString(), merge.toString()));
    }

    /**
     * A driver job running a search ({@code slurm-driver}) and the array script it submits for
     * each generation (task I of K does share I of a batch folder: {@code slurm-task}).
     *
     * @param driverTime sbatch --time of the driver, or null
     * @param poll seconds between the driver's looks at the queue
     * @param search calibrate or design
     * @param fileOption the search's file option: --plan or --design
     * @param name the plan's or design's name (the job's name)
     * @param rest the driver's other arguments
     */
    public static JobScripts driver(Settings s, String driverTime, double poll, String search, String fileOption,
            Path file, String name, String searchWhat, String taskWhat, Path out, int n, List<String> rest) {
        String label = search + (search.equals("calibrate") ? " --plan " : " ") + file;
        Path dir = out.resolve("slurm");
        String copy = quote(dir.resolve("safepassage.jar").toString());
        String job = "sp-" + search + "-" + org.safepassage.metrics.FileNames.slug(name, "scenario");
        StringBuilder driver = header(job, s.cwd(), 1, "# the driver of " + label + ": " + searchWhat + " and "
                + "hands each generation to generation.sbatch as a job array");
        driver.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        driver.append("#SBATCH --output=").append(dir.resolve("logs")).append("/driver.log\n");
        if (s.partition() != null) {
            driver.append("#SBATCH --partition=").append(s.partition()).append('\n');
        }
        if (s.account() != null) {
            driver.append("#SBATCH --account=").append(s.account()).append('\n');
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
        StringBuilder generation = header(job + "-gen", s.cwd(), s.taskCpus(), "# one generation of " + label
                + ": task I of K " + taskWhat + " I, I+K, ... of batch folder $1\n# (the driver submits it: sbatch "
                + "--array=TASKS --output=LOG generation.sbatch BATCH K)");
        generation.append("#SBATCH --requeue\n#SBATCH --open-mode=append\n");
        limits(generation, s, true);
        generation.append("set -euo pipefail\n");
        generation.append("echo \"== task $SLURM_ARRAY_TASK_ID/$2 of $(basename \"$1\") on $(hostname), start "
                + "$(date -u +%FT%TZ), restart ${SLURM_RESTART_COUNT:-0}\"\n");
        generation.append("\"${SAFEPASSAGE_JAVA:-java}\" ${SAFEPASSAGE_JAVA_OPTS:-} -jar ").append(copy)
                .append(" slurm-task ").append(search).append(' ').append(fileOption).append(' ')
                .append(quote(file.toString()))
                .append(" --batch \"$1\" --task \"$SLURM_ARRAY_TASK_ID\" --of \"$2\" --threads ").append(s.taskCpus())
                .append('\n');
        return new JobScripts(dir, List.of(dir.resolve("driver.sbatch"), dir.resolve("generation.sbatch")),
                List.of(driver.toString(), generation.toString()));
    }

    /** True for a driver and its generation script (one job to submit), false for an array and its merge. */
    public boolean driven() {
        return files.get(0).endsWith("driver.sbatch");
    }

    /**
     * Writes the scripts and the logs folder, with a copy of {@code program} beside them (copied
     * only when it differs), and prints each script under its path.
     */
    public void write(Path program, PrintWriter stdout) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Path copy = dir.resolve("safepassage.jar");
        if (!Files.exists(copy) || !Manifest.sha256(copy).equals(Manifest.sha256(program))) {
            AtomicFiles.write(copy, tmp -> Files.copy(program, tmp, StandardCopyOption.REPLACE_EXISTING));
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            AtomicFiles.writeString(f, texts.get(i));
            stdout.println("==> " + f + " <==");
            stdout.print(texts.get(i));
            stdout.println();
        }
    }

    /** The command line that submits the scripts by hand ({@code firstJob}: the array's job id, or JOBID). */
    public String submitLine(String firstJob) {
        if (driven() || files.size() == 1) {
            return "sbatch " + files.get(0);
        }
        return "jobid=$(sbatch --parsable " + files.get(0) + ") && sbatch --dependency=afterok:"
                + ("JOBID".equals(firstJob) ? "$jobid" : firstJob) + " --kill-on-invalid-dep=yes " + files.get(1);
    }

    /**
     * Submits the scripts with sbatch (the merge after the array, {@code --dependency=afterok}; a
     * driver alone), prints the job ids and writes them into jobs.txt; false after printing why a
     * submission failed.
     */
    public boolean submit(PrintWriter stdout, PrintWriter err) throws IOException, InterruptedException {
        String first = sbatch(err, List.of("sbatch", "--parsable", files.get(0).toString()));
        if (first == null) {
            return false;
        }
        stdout.println("submitted job " + first + " (" + files.get(0).getFileName() + ")");
        if (driven()) {
            AtomicFiles.writeString(dir.resolve("jobs.txt"), "driver " + first + "\n");
        } else if (files.size() > 1) {
            String second = sbatch(err, List.of("sbatch", "--parsable", "--dependency=afterok:" + first,
                    "--kill-on-invalid-dep=yes", files.get(1).toString()));
            if (second == null) {
                err.println("slurm: the array job " + first + " is submitted; submit the merge by hand: "
                        + submitLine(first));
                return false;
            }
            stdout.println("submitted job " + second + " (" + files.get(1).getFileName() + ", after " + first
                    + " succeeds)");
            AtomicFiles.writeString(dir.resolve("jobs.txt"), "array " + first + "\nmerge " + second + "\n");
        } else {
            AtomicFiles.writeString(dir.resolve("jobs.txt"), "job " + first + "\n");
        }
        stdout.println("logs in " + dir.resolve("logs") + "/; watch with: squeue -u $USER");
        return true;
    }

    /** A word for bash, in single quotes when it needs them. */
    public static String quote(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Seconds as written in a script: 10, 0.5. */
    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static StringBuilder header(String job, Path cwd, int taskCpus, String what) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# written by safepassage ").append(Manifest.projectVersion()).append(" at ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n').append(what).append('\n');
        b.append("#SBATCH --job-name=").append(job).append('\n');
        b.append("#SBATCH --chdir=").append(cwd).append('\n');
        b.append("#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=").append(taskCpus).append('\n');
        return b;
    }

    private static void limits(StringBuilder b, Settings s, boolean perTask) {
        if (s.partition() != null) {
            b.append("#SBATCH --partition=").append(s.partition()).append('\n');
        }
        if (s.account() != null) {
            b.append("#SBATCH --account=").append(s.account()).append('\n');
        }
        if (s.time() != null) {
            b.append("#SBATCH --time=").append(s.time()).append('\n');
        }
        if (s.mem() != null && perTask) {
            b.append("#SBATCH --mem=").append(s.mem()).append('\n');
        }
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
}
