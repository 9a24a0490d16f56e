package org.safepassage.advisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.safepassage.scenario.DesignSpec;

/**
 * A design search in an output folder: opens (or, with resume, continues) the journal, runs the
 * {@link Advisor} and writes the CSV files. Each run goes to the journal as it ends, so a search
 * killed at any point continues with {@code resume} and gives the same files as one never stopped.
 */
public final class DesignRun {

    /** The folder holds a journal of another design, or one that resume was not asked to continue. */
    public static final class JournalMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        JournalMismatch(String message) {
            super(message);
        }
    }

    private DesignRun() {
    }

    /**
     * @param inputsSha256 a hash of every input (design file, base scenario, ensemble): a journal of other inputs is refused
     * @param listener told of each finished run; may be null
     */
    public static Advisor.Result run(DesignSpec spec, World world, Path out, int threads, boolean resume,
            String inputsSha256, Evaluator.Listener listener) throws IOException, InterruptedException, JournalMismatch {
        Path journalFile = out.resolve(Journal.FILE);
        boolean exists = Files.exists(journalFile);
        if (exists && !resume) {
            throw new JournalMismatch(journalFile + ": a design search was already run here; add --resume to continue "
                    + "it, or choose another --out");
        }
        Files.createDirectories(out);
        Evaluator evaluator;
        if (exists) {
            String sha = Journal.designSha256(journalFile);
            if (!inputsSha256.equals(sha)) {
                throw new JournalMismatch(journalFile + ": written for other inputs (sha256 " + sha + ", now "
                        + inputsSha256 + "); the design file, base scenario or ensemble changed: use another --out");
            }
        }
        try (Journal journal = Journal.open(journalFile, inputsSha256)) {
            evaluator = new Evaluator(spec, world, threads, journal, listener);
            if (exists) {
                evaluator.restore(Journal.read(journalFile));
            }
            Advisor.Result result = new Advisor(spec, evaluator).run();
            DesignOutput.write(result, out);
            return result;
        }
    }

    /**
     * Answers a threshold question after {@link #run} in the same folder, reusing (and adding to)
     * its journal.
     */
    public static Threshold.Answer threshold(Advisor.Result result, World world, Path out, int threads,
            String inputsSha256, Threshold.Question question, Evaluator.Listener listener)
            throws IOException, InterruptedException {
        Path journalFile = out.resolve(Journal.FILE);
        try (Journal journal = Journal.open(journalFile, inputsSha256)) {
            Evaluator evaluator = new Evaluator(result.spec(), world, threads, journal, listener);
            evaluator.restore(Journal.read(journalFile));
            return Threshold.answer(question, result, evaluator);
        }
    }

    /** Runs already in the folder's journal (0 when there is none): where a resumed progress bar starts. */
    public static int journaled(Path out) throws IOException {
        Path journalFile = out.resolve(Journal.FILE);
        if (!Files.exists(journalFile)) {
            return 0;
        }
        return Journal.read(journalFile).values().stream().mapToInt(java.util.List::size).sum();
    }

    /** Runs a search without a journal or files (for tests and quick looks). */
    public static Advisor.Result inMemory(DesignSpec spec, World world, int threads)
            throws IOException, InterruptedException {
        return new Advisor(spec, new Evaluator(spec, world, threads, null, null)).run();
    }
}
