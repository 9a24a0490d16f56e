package org.safepassage.advisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Where runs the journal lacks are done elsewhere (a cluster's job array): each is handed over
     * and its candidate waits (scored as invalid for the moment) until {@link #needScores} is
     * called where the search cannot go on without the runs (after each NSGA-II step, after each
     * racing stage, after each threshold candidate). It then throws when anything was handed
     * over; the caller has the runs done, adds them to the journal, and runs the same search again
     * with --resume, which proposes the same candidates and finds their runs in the journal.
     */
    public interface Elsewhere {
        void pending(String candidateKey, int replicate, long seed);

        void needScores();
    }

    private DesignRun() {
    }

    /**
     * Runs one share of handed-over runs (candidate key and state each) into {@code journalFile},
     * skipping those it already holds (a requeued task goes on from it).
     */
    public static void runShare(DesignSpec spec, World world, List<String> keys, List<Integer> replicates,
            Path journalFile, int threads) throws IOException, InterruptedException {
        Map<String, List<Evaluation>> done = Files.exists(journalFile) ? Journal.read(journalFile) : Map.of();
        List<Candidate> candidates = new ArrayList<>();
        List<Integer> states = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int r = replicates.get(i);
            if (done.getOrDefault(keys.get(i), List.of()).stream().noneMatch(e -> e.replicate() == r)) {
                candidates.add(Candidate.parse(keys.get(i)));
                states.add(r);
            }
        }
        try (Journal journal = Journal.open(journalFile, "share")) {
            Evaluator evaluator = new Evaluator(spec, world, threads, journal, null);
            evaluator.runEach(candidates, states);
        }
    }

    /**
     * Appends the runs of a share's journal to a search's journal, checking that it holds
     * every run asked of it.
     *
     * @throws IOException naming the first run missing
     */
    public static void appendShare(Path share, List<String> keys, List<Integer> replicates, Path journalFile)
            throws IOException {
        Map<String, List<Evaluation>> runs = Journal.read(share);
        for (int i = 0; i < keys.size(); i++) {
            int r = replicates.get(i);
            if (runs.getOrDefault(keys.get(i), List.of()).stream().noneMatch(e -> e.replicate() == r)) {
                throw new IOException(share + " lacks the run of design " + keys.get(i) + " in state " + r
                        + "; remove the file to have the task run again");
            }
        }
        String sha = Files.exists(journalFile) ? Journal.designSha256(journalFile) : null;
        if (sha == null) {
            throw new IOException(journalFile + ": no journal of a design search to add runs to");
        }
        Map<String, List<Evaluation>> have = Journal.read(journalFile);
        try (Journal journal = Journal.open(journalFile, sha)) {
            for (Map.Entry<String, List<Evaluation>> e : runs.entrySet()) {
                for (Evaluation ev : e.getValue()) {
                    if (have.getOrDefault(e.getKey(), List.of()).stream().noneMatch(x -> x.replicate() == ev.replicate())) {
                        journal.append(e.getKey(), ev);
                    }
                }
            }
        }
    }

    /**
     * @param inputsSha256 a hash of every input (design file, base scenario, ensemble): a journal of other inputs is refused
     * @param listener told of each finished run; may be null
     */
    public static Advisor.Result run(DesignSpec spec, World world, Path out, int threads, boolean resume,
            String inputsSha256, Evaluator.Listener listener) throws IOException, InterruptedException, JournalMismatch {
        return run(spec, world, out, threads, resume, inputsSha256, listener, null);
    }

    /** As above; with {@code elsewhere}, runs the journal lacks are handed to it (see {@link Elsewhere}). */
    public static Advisor.Result run(DesignSpec spec, World world, Path out, int threads, boolean resume,
            String inputsSha256, Evaluator.Listener listener, Elsewhere elsewhere)
            throws IOException, InterruptedException, JournalMismatch {
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
            evaluator.handOver(elsewhere);
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
        return threshold(result, world, out, threads, inputsSha256, question, listener, null);
    }

    /** As above, handing runs the journal lacks to {@code elsewhere} when given. */
    public static Threshold.Answer threshold(Advisor.Result result, World world, Path out, int threads,
            String inputsSha256, Threshold.Question question, Evaluator.Listener listener, Elsewhere elsewhere)
            throws IOException, InterruptedException {
        Path journalFile = out.resolve(Journal.FILE);
        try (Journal journal = Journal.open(journalFile, inputsSha256)) {
            Evaluator evaluator = new Evaluator(result.spec(), world, threads, journal, listener);
            evaluator.handOver(elsewhere);
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
