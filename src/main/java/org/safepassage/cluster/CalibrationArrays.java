package org.safepassage.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.FolderLock;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.validation.CmaesCalibration;
import org.safepassage.validation.Journal;

/**
 * {@code calibrate --plan} through job arrays. The driver runs the search with this as its
 * {@link CmaesCalibration.Elsewhere}: candidates missing from the journal are collected, and at
 * the end of a generation {@link Pending} stops the search; the candidates become an
 * {@link ArrayBatch}, whose tasks each score their share ({@link #scoreShare}) exactly as one
 * process would (same episodes, seeds and arithmetic), and {@link #addToJournal} appends the
 * scores in the order the search asked for them. Run again, the search proposes the same
 * candidates (it has seen the same scores) and reads them from the journal.
 *
 * <p>candidates.tsv: a header {@code # safepassage calibration batch; plan sha256 HEX}, then
 * {@code fold TAB evaluation TAB values TAB episodes} per candidate (values as the journal writes
 * them, NaN for "the defaults"; episodes: the plan's episode numbers, from 0, joined by commas).
 */
public final class CalibrationArrays implements CmaesCalibration.Elsewhere {

    private static final String HEADER = "# safepassage calibration batch; plan sha256 ";

    private final CalibrationPlan plan;
    private final String planSha256;
    private final StringBuilder lines = new StringBuilder();
    private int pending;

    public CalibrationArrays(CalibrationPlan plan, String planSha256) {
        this.plan = plan;
        this.planSha256 = planSha256;
    }

    @Override
    public void pending(String fold, int evaluation, double[] values, List<CalibrationPlan.EpisodeRef> episodes) {
        List<String> numbers = new ArrayList<>();
        for (CalibrationPlan.EpisodeRef e : episodes) {
            numbers.add(Integer.toString(plan.episodes().indexOf(e)));
        }
        lines.append(fold).append('\t').append(evaluation).append('\t').append(join(values)).append('\t')
                .append(String.join(",", numbers)).append('\n');
        pending++;
    }

    @Override
    public void needScores() {
        if (pending > 0) {
            throw new Pending();
        }
    }

    /** The candidates collected since the search started, as candidates.tsv. */
    public String text() {
        return HEADER + planSha256 + "\n" + lines;
    }

    /** Forgets the collected candidates (before the search runs again). */
    public void clear() {
        lines.setLength(0);
        pending = 0;
    }

    private record Wanted(String fold, int evaluation, double[] values, List<CalibrationPlan.EpisodeRef> episodes) {
    }

    private static List<Wanted> read(Path candidates, CalibrationPlan plan, String planSha256) throws IOException {
        List<String> text = Files.readAllLines(candidates, StandardCharsets.UTF_8);
        if (text.isEmpty() || !text.get(0).equals(HEADER + planSha256)) {
            throw new IOException(candidates + " was written for another plan (" + (text.isEmpty() ? "empty"
                    : text.get(0)) + "); expected '" + HEADER + planSha256 + "'");
        }
        List<Wanted> wanted = new ArrayList<>();
        for (String line : text.subList(1, text.size())) {
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IOException(candidates + ": '" + line + "': expected fold, evaluation, values and episodes");
            }
            String[] v = f[2].isEmpty() ? new String[0] : f[2].split(";");
            double[] values = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                values[i] = Double.parseDouble(v[i]);
            }
            List<CalibrationPlan.EpisodeRef> episodes = new ArrayList<>();
            for (String n : f[3].split(",")) {
                episodes.add(plan.episodes().get(Integer.parseInt(n)));
            }
            wanted.add(new Wanted(f[0], Integer.parseInt(f[1]), values, episodes));
        }
        return wanted;
    }

    /**
     * An array task: scores task {@code task} of {@code of}'s share of the batch in {@code batchDir}
     * on {@code threads} threads, keeping each score in a journal of its own in the locked folder
     * {@code .task-I-of-K/} (a requeued task goes on from it), and publishes the share as
     * {@code task-I-of-K.tsv} when it is complete.
     *
     * @throws FolderLock.HeldException when another copy of the task is working on the share
     */
    public static void scoreShare(CalibrationPlan plan, String planSha256, Path batchDir, int task, int of, int threads)
            throws IOException, InterruptedException, InvalidInputException {
        List<Wanted> wanted = read(batchDir.resolve("candidates.tsv"), plan, planSha256);
        // The task's own folder, locked: a second copy of the task (a requeue racing a slow node)
        // stops at once instead of appending to the same journal.
        Path work = batchDir.resolve(".task-" + task + "-of-" + of);
        try (FolderLock lock = FolderLock.acquire(work, "slurm-task calibrate " + task + "/" + of)) {
            Path journalFile = work.resolve("journal.tsv");
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try (Journal journal = Journal.open(journalFile, planSha256)) {
                CmaesCalibration cal = new CmaesCalibration(plan, pool, journal);
                for (int i = 0; i < wanted.size(); i++) {
                    if (ArrayBatch.mine(i, task, of)) {
                        Wanted w = wanted.get(i);
                        cal.score(w.fold(), w.evaluation(), w.values(), w.episodes());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            AtomicFiles.write(ArrayBatch.result(batchDir, task, of),
                    tmp -> Files.copy(journalFile, tmp, StandardCopyOption.REPLACE_EXISTING));
        }
    }

    /**
     * Appends a finished batch's scores to the search's journal, in the order of candidates.tsv.
     *
     * @throws IOException when a task's result lacks one of its candidates
     */
    public static void addToJournal(ArrayBatch batch, CalibrationPlan plan, String planSha256, Path journalFile)
            throws IOException {
        List<Wanted> wanted = read(batch.candidatesFile(), plan, planSha256);
        List<Journal.Entry> entries = new ArrayList<>();
        Map<Integer, Map<String, Journal.Entry>> byTask = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            int task = i % batch.tasks() + 1;
            Path result = ArrayBatch.result(batch.dir(), task, batch.tasks());
            Map<String, Journal.Entry> scored = byTask.get(task);
            if (scored == null) {
                scored = new HashMap<>();
                for (Journal.Entry e : Journal.read(result, planSha256)) {
                    scored.put(e.fold() + "\t" + join(e.values()), e);
                }
                byTask.put(task, scored);
            }
            Wanted w = wanted.get(i);
            Journal.Entry e = scored.get(w.fold() + "\t" + join(w.values()));
            if (e == null) {
                throw new IOException(result + " lacks candidate #" + w.evaluation() + " of " + w.fold() + " ("
                        + join(w.values()) + "); remove the file to have the task run again");
            }
            entries.add(e);
        }
        try (Journal journal = Journal.open(journalFile, planSha256)) {
            for (Journal.Entry e : entries) {
                if (journal.find(e.fold(), e.values()) == null) {
                    journal.append(e);
                }
            }
        }
    }

    /** The values as the journal writes them. */
    static String join(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? ";" : "").append(values[i]);
        }
        return b.toString();
    }
}
