package org.safepassage.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.safepassage.advisor.DesignRun;
import org.safepassage.advisor.World;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.FolderLock;
import org.safepassage.scenario.DesignSpec;

/**
 * {@code design} through job arrays, as {@link CalibrationArrays} does for calibrate: the driver
 * runs the search with this as its {@link DesignRun.Elsewhere}; the runs (design, state of the
 * world) the journal lacks are collected until the search needs them (the end of an NSGA-II step
 * or of a racing stage), then {@link Pending} stops it and they become an {@link ArrayBatch}.
 * Each task runs its share ({@link #runShare}); {@link #addToJournal} adds them to the search's
 * journal, and the search runs again with --resume.
 *
 * <p>candidates.tsv: a header {@code # safepassage design batch}, then
 * {@code design-key TAB state TAB seed} per run.
 */
public final class DesignArrays implements DesignRun.Elsewhere {

    private static final String HEADER = "# safepassage design batch";

    private final Set<String> lines = new LinkedHashSet<>();

    @Override
    public void pending(String candidateKey, int replicate, long seed) {
        lines.add(candidateKey + "\t" + replicate + "\t" + seed);
    }

    @Override
    public void needScores() {
        if (!lines.isEmpty()) {
            throw new Pending();
        }
    }

    /** The runs collected since the search started, as candidates.tsv. */
    public String text() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return b.toString();
    }

    public void clear() {
        lines.clear();
    }

    private record Runs(List<String> keys, List<Integer> states) {
    }

    private static Runs read(Path batchDir, int task, int of) throws IOException {
        Path file = batchDir.resolve("candidates.tsv");
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (text.isEmpty() || !text.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a design batch; expected the first line '" + HEADER + "'");
        }
        List<String> keys = new ArrayList<>();
        List<Integer> states = new ArrayList<>();
        for (int i = 1; i < text.size(); i++) {
            if (task == 0 || ArrayBatch.mine(i - 1, task, of)) {
                String[] f = text.get(i).split("\t");
                keys.add(f[0]);
                states.add(Integer.parseInt(f[1]));
            }
        }
        return new Runs(keys, states);
    }

    /**
     * An array task: runs task {@code task} of {@code of}'s share of the batch on {@code threads}
     * threads into the locked folder {@code .task-I-of-K/}, and publishes it as
     * {@code task-I-of-K.tsv} when complete.
     *
     * @throws FolderLock.HeldException when another copy of the task is working on the share
     */
    public static void runShare(DesignSpec spec, World world, Path batchDir, int task, int of, int threads)
            throws IOException, InterruptedException {
        Runs mine = read(batchDir, task, of);
        Path work = batchDir.resolve(".task-" + task + "-of-" + of);
        try (FolderLock lock = FolderLock.acquire(work, "slurm-task design " + task + "/" + of)) {
            Path journal = work.resolve("journal.tsv");
            DesignRun.runShare(spec, world, mine.keys(), mine.states(), journal, threads);
            AtomicFiles.write(ArrayBatch.result(batchDir, task, of),
                    tmp -> Files.copy(journal, tmp, StandardCopyOption.REPLACE_EXISTING));
        }
    }

    /** Adds a finished batch's runs to the search's journal, checking each task did its whole share. */
    public static void addToJournal(ArrayBatch batch, Path journalFile) throws IOException {
        for (int t = 1; t <= batch.tasks(); t++) {
            Runs share = read(batch.dir(), t, batch.tasks());
            DesignRun.appendShare(ArrayBatch.result(batch.dir(), t, batch.tasks()), share.keys(), share.states(),
                    journalFile);
        }
    }
}
