package org.safepassage.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.AtomicFiles;

/**
 * One generation's candidates as a job array, in a folder of the study: {@code candidates.tsv}
 * (what to score; the folder's name carries its hash, so the same generation always finds the
 * same folder), {@code task-I-of-K.tsv} (task I's scores, written atomically when the task has
 * scored its whole share: candidates I-1, I-1+K, I-1+2K, ...) and {@code jobs.txt} (the array
 * jobs submitted for it, one a line).
 *
 * <p>{@link #run} is what makes a requeued driver cheap: a job still queued or running from
 * before is waited for, not submitted again; tasks whose results are there are not run again;
 * only the missing ones are submitted.
 */
public final class ArrayBatch {

    /** Submissions of one batch within one driver run before it gives up. */
    static final int MAX_SUBMISSIONS = 3;

    private final Path dir;
    private final int candidates;
    private final int tasks;

    private ArrayBatch(Path dir, int candidates, int tasks) {
        this.dir = dir;
        this.candidates = candidates;
        this.tasks = tasks;
    }

    /**
     * The folder of a batch under {@code root}, written when new.
     *
     * @param number the batch's place in the search (the journal's entries before it), for people
     * @param text the candidates file: a header line, then one line per candidate
     * @param maxTasks most array tasks (fewer when there are fewer candidates)
     */
    public static ArrayBatch prepare(Path root, int number, String text, int maxTasks) throws IOException {
        int n = (int) text.lines().filter(l -> !l.startsWith("#")).count();
        if (n == 0 || maxTasks < 1) {
            throw new IllegalArgumentException("a batch needs candidates and tasks");
        }
        Path dir = root.resolve(String.format("batch-%05d-%s", number, sha256(text).substring(0, 10)));
        Path file = dir.resolve("candidates.tsv");
        if (Files.exists(file)) {
            if (!Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                throw new IOException(file + " holds other candidates than this search asks for; remove "
                        + dir + " to start the batch afresh");
            }
        } else {
            Files.createDirectories(dir);
            AtomicFiles.writeString(file, text);
        }
        return new ArrayBatch(dir, n, Math.min(maxTasks, n));
    }

    public Path dir() {
        return dir;
    }

    public int tasks() {
        return tasks;
    }

    public Path candidatesFile() {
        return dir.resolve("candidates.tsv");
    }

    /** The result file of task {@code task} (1-based) of {@code of}. */
    public static Path result(Path dir, int task, int of) {
        return dir.resolve("task-" + task + "-of-" + of + ".tsv");
    }

    /** Whether candidate {@code index} (0-based, in the file's order) belongs to task {@code task} of {@code of}. */
    public static boolean mine(int index, int task, int of) {
        return index % of == task - 1;
    }

    /** The tasks without a result file, in order. */
    public List<Integer> missing() {
        List<Integer> m = new ArrayList<>();
        for (int t = 1; t <= tasks; t++) {
            if (!Files.exists(result(dir, t, tasks))) {
                m.add(t);
            }
        }
        return m;
    }

    /**
     * Makes sure every task has written its result: waits for an array of this batch still in
     * the queue, then submits the missing tasks and waits for them, up to {@link #MAX_SUBMISSIONS}
     * times.
     *
     * @param script the array script, called with the batch folder and the task count
     * @param logs the folder of the tasks' logs
     * @param pollMillis how long to wait between two looks at the queue
     * @throws IOException when tasks still have no result after the last submission (naming their logs)
     */
    public void run(Submitter submitter, Path script, Path logs, long pollMillis, PrintWriter log)
            throws IOException, InterruptedException {
        String last = lastJob();
        if (last != null && submitter.alive(last)) {
            log.println("batch " + dir.getFileName() + ": array job " + last + " from before is still queued or "
                    + "running; waiting for it");
            log.flush();
            waitFor(submitter, last, pollMillis);
        }
        for (int submission = 1; ; submission++) {
            List<Integer> missing = missing();
            if (missing.isEmpty()) {
                return;
            }
            String logFile = logs.resolve(dir.getFileName() + "-task-%a-of-" + tasks + ".log").toString();
            if (submission > MAX_SUBMISSIONS) {
                throw new IOException("batch " + dir + ": task(s) " + spec(missing) + " of " + tasks + " wrote no "
                        + "result after " + MAX_SUBMISSIONS + " submissions; see " + logFile.replace("%a", "N")
                        + " (run the driver again to retry)");
            }
            String job = submitter.submitArray(script, spec(missing), logFile, List.of(dir.toString(),
                    Integer.toString(tasks)));
            Files.writeString(dir.resolve("jobs.txt"), job + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            log.println("batch " + dir.getFileName() + ": " + candidates + " lines of candidates.tsv; array job " + job
                    + " (tasks "
                    + spec(missing) + " of " + tasks + ")");
            log.flush();
            waitFor(submitter, job, pollMillis);
        }
    }

    private static void waitFor(Submitter submitter, String job, long pollMillis) throws IOException,
            InterruptedException {
        while (submitter.alive(job)) {
            Thread.sleep(pollMillis);
        }
    }

    private String lastJob() throws IOException {
        Path jobs = dir.resolve("jobs.txt");
        if (!Files.exists(jobs)) {
            return null;
        }
        List<String> lines = Files.readAllLines(jobs, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? null : lines.get(lines.size() - 1).trim();
    }

    /** SLURM's --array list of task numbers: "1-4", or "2,5" (runs of three or more as ranges). */
    static String spec(List<Integer> tasks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tasks.size(); ) {
            int j = i;
            while (j + 1 < tasks.size() && tasks.get(j + 1) == tasks.get(j) + 1) {
                j++;
            }
            b.append(b.length() > 0 ? "," : "").append(tasks.get(i));
            if (j > i) {
                b.append(j > i + 1 ? "-" : ",").append(tasks.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }

    private static String sha256(String text) {
        return Manifest.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
