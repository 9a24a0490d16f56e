package org.safepassage.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;

/**
 * Runs the pending runs of a plan on a fixed number of threads and appends each finished
 * run's line to runs.csv at once. Each run's result depends only on its design point and
 * seed, so the lines (once put in canonical order) do not depend on the number of threads or
 * on which thread ran what. Workers take runs in canonical order from a shared counter and
 * keep the scenario of their last design point, loaded through {@link ScenarioLoader} with
 * the point's values as {@code --set} overrides (so every value is checked like the file).
 */
public final class SweepRunner {

    /** Told of progress (from worker threads). */
    public interface Listener {
        void started(int total, int alreadyDone);

        void finished(int done);
    }

    /** A design point whose scenario the loader refuses (a combination of valid values may be invalid). */
    public static final class PointException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        PointException(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private SweepRunner() {
    }

    /** The overrides that make a design point's scenario. */
    public static List<String> overrides(Design design, int point) {
        List<String> sets = new ArrayList<>();
        List<String> values = design.points().get(point).values();
        for (int i = 0; i < values.size(); i++) {
            sets.add(design.paths().get(i) + "=" + values.get(i));
        }
        return sets;
    }

    /** Loads the scenario of a design point. */
    public static Scenario scenario(Design design, int point) throws PointException {
        return variation(design, point).nominal();
    }

    /** What the replicates of a design point draw (its ranges, the base's behaviour ensemble). */
    static Variation variation(Design design, int point) throws PointException {
        return variation(design, point, null);
    }

    /** The same with the ensemble of {@code sweep --ensemble} ({@code ensemble}: a file, none, or null for the base's). */
    static Variation variation(Design design, int point, String ensemble) throws PointException {
        try {
            return ScenarioLoader.load(design.study().base(), overrides(design, point), ensemble).variation();
        } catch (InvalidInputException e) {
            throw new PointException("design point " + point + " (" + String.join(", ", overrides(design, point))
                    + ") is not a valid scenario", e.problems());
        }
    }

    /**
     * Runs the plan's tasks that are not in {@code done}, appending to {@code runsCsv}.
     *
     * @param threads worker threads (at least 1)
     * @param maxRuns stop after starting this many runs (as a crash would; for tests), or -1 for all
     * @return the number of runs finished by this call
     */
    public static int run(SweepPlan plan, BitSet done, Path runsCsv, int threads, int maxRuns, Listener listener)
            throws IOException, PointException, InterruptedException {
        int[] pending = plan.pendingTasks(done);
        int alreadyDone = plan.shardTasks() - pending.length;
        if (listener != null) {
            listener.started(plan.shardTasks(), alreadyDone);
        }
        int limit = maxRuns < 0 ? pending.length : Math.min(maxRuns, pending.length);
        AtomicInteger cursor = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int workers = Math.max(1, Math.min(threads, limit));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try (RunDetailsFiles details = new RunDetailsFiles(runsCsv.toAbsolutePath().getParent(), plan.details());
                RunsFile.Appender out = new RunsFile.Appender(runsCsv, plan)) {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    int cachedPoint = -1;
                    Variation cached = null;
                    while (!failed.get()) {
                        int i = cursor.getAndIncrement();
                        if (i >= limit) {
                            break;
                        }
                        int task = pending[i];
                        int point = plan.point(task);
                        int replicate = plan.replicate(task);
                        try {
                            if (point != cachedPoint) {
                                cached = variation(plan.design(), point, plan.ensemble());
                                cachedPoint = point;
                            }
                            long seed = plan.seed(replicate);
                            Variation.Drawn drawn = cached.draw(seed);
                            SingleRun.Result result = SingleRun.run(drawn.scenario());
                            if (!plan.details().isEmpty()) {
                                // before runs.csv: a run counted done has all its rows
                                details.append(point, replicate, RunDetails.of(result, plan.details()));
                            }
                            out.append(RunsFile.line(plan, task, seed, result.summary().figures(), drawn.member()));
                        } catch (Exception | Error e) {
                            failed.set(true);
                            throw e;
                        }
                        int n = finished.incrementAndGet();
                        if (listener != null) {
                            listener.finished(alreadyDone + n);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof PointException p) {
                        throw p;
                    }
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return finished.get();
    }
}
