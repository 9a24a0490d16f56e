package org.safepassage.advisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.safepassage.experiment.Seeds;
import org.safepassage.scenario.DesignSpec;

/**
 * Runs candidates in states of the world on a fixed number of threads and keeps every run.
 * State of the world r is the replicate seed {@link Seeds#runSeed}(search seed, r), the same for
 * every candidate (common random numbers). Each finished run goes to the journal at once; runs
 * already in the journal are not run again. A run's result depends only on its candidate and
 * seed, so nothing here depends on the thread count or on which thread ran what.
 */
public final class Evaluator {

    /** Told of each finished run (from worker threads), and of the work ahead when the search knows it better. */
    public interface Listener {
        void runFinished();

        /** The search expects about {@code moreRuns} more runs (exact for the stage under way, estimated after it). */
        default void expect(long moreRuns) {
        }
    }

    private final DesignSpec spec;
    private final World world;
    private final int threads;
    private final Journal journal;
    private final Listener listener;
    private final Map<Candidate, TreeMap<Integer, Evaluation>> runs = new HashMap<>();
    private final Map<Candidate, String> invalid = new LinkedHashMap<>();
    private final AtomicInteger ranNow = new AtomicInteger();
    private int fromJournal;
    private DesignRun.Elsewhere elsewhere;
    private final java.util.Set<Candidate> pending = new java.util.HashSet<>();

    Evaluator(DesignSpec spec, World world, int threads, Journal journal, Listener listener) {
        this.spec = spec;
        this.world = world;
        this.threads = Math.max(1, threads);
        this.journal = journal;
        this.listener = listener;
    }

    /** Takes the runs of an earlier, interrupted search. */
    synchronized void restore(Map<String, List<Evaluation>> journaled) {
        for (Map.Entry<String, List<Evaluation>> e : journaled.entrySet()) {
            Candidate c = Candidate.parse(e.getKey());
            for (Evaluation ev : e.getValue()) {
                if (runs.computeIfAbsent(c, k -> new TreeMap<>()).put(ev.replicate(), ev) == null) {
                    fromJournal++;
                }
            }
        }
    }

    /** Hands runs the journal lacks to {@code elsewhere} instead of running them (see {@link DesignRun.Elsewhere}). */
    void handOver(DesignRun.Elsewhere to) {
        this.elsewhere = to;
    }

    /** Whether the candidate waits for runs handed elsewhere (its figures are not known yet). */
    synchronized boolean isPending(Candidate c) {
        return pending.contains(c);
    }

    /** Stops the search when runs were handed elsewhere (see {@link DesignRun.Elsewhere}). */
    void needScores() {
        if (elsewhere != null) {
            elsewhere.needScores();
        }
    }

    /** Passes the search's expectation of the runs ahead to the listener. */
    void expect(long moreRuns) {
        if (listener != null) {
            listener.expect(moreRuns);
        }
    }

    /** Runs the candidates still lack to have states 0..replicates-1 each (invalid ones need none). */
    synchronized long missing(List<Candidate> candidates, int replicates) {
        long n = 0;
        for (Candidate c : new java.util.LinkedHashSet<>(candidates)) {
            if (!invalid.containsKey(c)) {
                for (int r = 0; r < replicates; r++) {
                    n += has(c, r) ? 0 : 1;
                }
            }
        }
        return n;
    }

    long seed(int replicate) {
        return Seeds.runSeed(spec.search().seed(), replicate);
    }

    /** Makes sure each valid candidate has runs in states 0..replicates-1. */
    void ensure(List<Candidate> candidates, int replicates) throws IOException, InterruptedException {
        List<Candidate> needed = new ArrayList<>();
        synchronized (this) {
            for (Candidate c : candidates) {
                if (!invalid.containsKey(c) && !needed.contains(c) && count(c) < replicates) {
                    needed.add(c);
                }
            }
        }
        if (needed.isEmpty()) {
            return;
        }
        Map<Candidate, World.Model> models = prepare(needed);
        List<Candidate> taskCandidate = new ArrayList<>();
        List<Integer> taskReplicate = new ArrayList<>();
        synchronized (this) {
            for (int r = 0; r < replicates; r++) {
                for (Candidate c : needed) {
                    if (models.containsKey(c) && !has(c, r)) {
                        taskCandidate.add(c);
                        taskReplicate.add(r);
                    }
                }
            }
        }
        if (elsewhere != null) {
            synchronized (this) {
                for (int i = 0; i < taskCandidate.size(); i++) {
                    elsewhere.pending(taskCandidate.get(i).key(), taskReplicate.get(i), seed(taskReplicate.get(i)));
                    pending.add(taskCandidate.get(i));
                }
            }
            return;
        }
        parallel(taskCandidate.size(), i -> {
            Candidate c = taskCandidate.get(i);
            int r = taskReplicate.get(i);
            long seed = seed(r);
            Evaluation ev = new Evaluation(r, seed, models.get(c).run(seed));
            if (journal != null) {
                journal.append(c.key(), ev);
            }
            synchronized (this) {
                runs.computeIfAbsent(c, k -> new TreeMap<>()).put(r, ev);
            }
            ranNow.incrementAndGet();
            if (listener != null) {
                listener.runFinished();
            }
        });
    }

    /** Runs each candidate in its state (pairs by position), preparing each candidate once. */
    void runEach(List<Candidate> candidates, List<Integer> states) throws IOException, InterruptedException {
        List<Candidate> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(candidates));
        Map<Candidate, World.Model> models = prepare(distinct);
        parallel(candidates.size(), i -> {
            Candidate c = candidates.get(i);
            World.Model model = models.get(c);
            if (model == null) {
                return; // invalid: nothing to run (the driver found it invalid too)
            }
            int r = states.get(i);
            long seed = seed(r);
            Evaluation ev = new Evaluation(r, seed, model.run(seed));
            if (journal != null) {
                journal.append(c.key(), ev);
            }
        });
    }

    private Map<Candidate, World.Model> prepare(List<Candidate> needed) throws IOException, InterruptedException {
        World.Model[] models = new World.Model[needed.size()];
        String[] reasons = new String[needed.size()];
        parallel(needed.size(), i -> {
            try {
                models[i] = world.prepare(needed.get(i).sets(spec));
            } catch (World.InvalidCandidateException e) {
                reasons[i] = e.getMessage();
            }
        });
        Map<Candidate, World.Model> out = new HashMap<>();
        synchronized (this) {
            for (int i = 0; i < needed.size(); i++) {
                if (models[i] != null) {
                    out.put(needed.get(i), models[i]);
                } else {
                    invalid.put(needed.get(i), reasons[i]);
                }
            }
        }
        return out;
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    private void parallel(int n, Task task) throws IOException, InterruptedException {
        if (n == 0) {
            return;
        }
        int workers = Math.min(threads, n);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "design-run");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger cursor = new AtomicInteger();
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = cursor.getAndIncrement(); i < n; i = cursor.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    cursor.set(n);
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    synchronized boolean isInvalid(Candidate c) {
        return invalid.containsKey(c);
    }

    synchronized Map<Candidate, String> invalid() {
        return new LinkedHashMap<>(invalid);
    }

    private boolean has(Candidate c, int replicate) {
        TreeMap<Integer, Evaluation> m = runs.get(c);
        return m != null && m.containsKey(replicate);
    }

    /** Consecutive states 0.. that the candidate has been run in. */
    synchronized int count(Candidate c) {
        int n = 0;
        while (has(c, n)) {
            n++;
        }
        return n;
    }

    synchronized Evaluation run(Candidate c, int replicate) {
        return runs.get(c).get(replicate);
    }

    /** A figure over states 0..replicates-1. */
    synchronized double[] figure(Candidate c, String figure, int replicates) {
        double[] v = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            Double x = runs.get(c).get(r).outcome().figures().get(figure);
            v[r] = x == null ? Double.NaN : x;
        }
        return v;
    }

    /** Every run kept, by candidate (in key order) and state. */
    synchronized Map<Candidate, TreeMap<Integer, Evaluation>> all() {
        Map<Candidate, TreeMap<Integer, Evaluation>> out = new TreeMap<>(
                (a, b) -> java.util.Arrays.compare(a.index(), b.index()));
        for (Map.Entry<Candidate, TreeMap<Integer, Evaluation>> e : runs.entrySet()) {
            out.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        return out;
    }

    int ranNow() {
        return ranNow.get();
    }

    synchronized int fromJournal() {
        return fromJournal;
    }

    /** The statistic of an objective over values: mean, or the pNN percentile. */
    static double statistic(String statistic, double[] values) {
        if ("mean".equals(statistic)) {
            double s = 0;
            for (double v : values) {
                s += v;
            }
            return s / values.length;
        }
        double p = Integer.parseInt(statistic.substring(1));
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
    }

    /** Share of values within a constraint's bound. */
    static double share(DesignSpec.Constraint c, double[] values) {
        int ok = 0;
        for (double v : values) {
            if (c.atMost() ? v <= c.bound() : v >= c.bound()) {
                ok++;
            }
        }
        return ok / (double) values.length;
    }
}
