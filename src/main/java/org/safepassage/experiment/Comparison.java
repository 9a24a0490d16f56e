package org.safepassage.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.safepassage.metrics.SingleRun;
import org.safepassage.metrics.TimeSeries;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Variation;

/**
 * Runs several scenarios for the same replicates with common random numbers: replicate r uses
 * the seed {@link Seeds#runSeed}(baseSeed, r) in every scenario (the same seeds as replicate r of
 * every design point of a sweep with that study seed), so that differences between
 * scenarios are measured on the same draws wherever the scenarios do not change them. Runs go
 * in parallel on a fixed number of threads; each result is stored at its (scenario, replicate)
 * index, so the outcome is the same whatever the thread count.
 */
public final class Comparison {

    /**
     * One run of one scenario.
     *
     * @param scenario index of the scenario in the comparison
     * @param replicate replicate number, from 0 (as in sweeps)
     * @param seed the run's seed
     * @param figures {@code RunSummary.figures()} of the run, in their order
     * @param evacuatedByHour cumulative persons evacuated after h hours, h = 0..horizon
     * @param member the behaviour ensemble member the run drew, -1 without an ensemble
     * @param quantiles the quantile each uncertain value of the scenario drew, by key path
     * @param details the rows of the tidy per-run tables asked for ({@link RunDetails}), empty when none
     */
    public record Run(int scenario, int replicate, long seed, Map<String, Double> figures, double[] evacuatedByHour,
            int member, Map<String, Double> quantiles, Map<RunDetails.Kind, List<List<String>>> details) {
    }

    /**
     * All runs of a comparison.
     *
     * @param runs scenario-major: the run of scenario s and replicate r (from 0) is at s * replicates + r
     */
    public record Result(List<Scenario> scenarios, int replicates, long baseSeed, List<Run> runs) {

        public Result {
            scenarios = List.copyOf(scenarios);
            runs = List.copyOf(runs);
        }

        public Run run(int scenario, int replicate) {
            return runs.get(scenario * replicates + replicate);
        }

        public String name(int scenario) {
            return scenarios.get(scenario).meta().name();
        }

        /** Names of the figures, in {@code RunSummary.figures()} order. */
        public List<String> figureNames() {
            return List.copyOf(runs.get(0).figures().keySet());
        }

        /** The values of one figure over the replicates of a scenario, in replicate order. */
        public double[] figure(int scenario, String figure) {
            double[] v = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                v[r] = run(scenario, r).figures().get(figure);
            }
            return v;
        }

        /** Seeds of the replicates, in order (the same for every scenario). */
        public long[] seeds() {
            long[] s = new long[replicates];
            for (int r = 0; r < replicates; r++) {
                s[r] = Seeds.runSeed(baseSeed, r);
            }
            return s;
        }
    }

    private Comparison() {
    }

    /**
     * Runs every scenario {@code replicates} times.
     *
     * @param threads number of runs at a time (at least 1)
     * @param afterEachRun called (from a worker thread) when a run has finished; may be null
     * @throws IllegalStateException when a run fails (the other runs are cancelled)
     */
    public static Result run(List<Scenario> scenarios, int replicates, long baseSeed, int threads,
            Runnable afterEachRun) {
        return runVarying(scenarios.stream().map(Variation::fixed).toList(), replicates, baseSeed, threads,
                afterEachRun);
    }

    /**
     * As {@link #run}, each replicate running the scenario its seed draws ({@link Variation#draw}):
     * the same seed draws the same ensemble member and the same quantile of each uncertain key in
     * every scenario.
     */
    public static Result runVarying(List<Variation> variations, int replicates, long baseSeed, int threads,
            Runnable afterEachRun) {
        return runVarying(variations, replicates, baseSeed, threads, afterEachRun, RunDetails.Choice.NONE);
    }

    /** As {@link #runVarying(List, int, long, int, Runnable)}, keeping the tidy per-run tables of {@code details}. */
    public static Result runVarying(List<Variation> variations, int replicates, long baseSeed, int threads,
            Runnable afterEachRun, RunDetails.Choice details) {
        List<Scenario> scenarios = variations.stream().map(Variation::nominal).toList();
        if (scenarios.isEmpty() || replicates < 1 || threads < 1) {
            throw new IllegalArgumentException("need scenarios, replicates >= 1 and threads >= 1");
        }
        int total = scenarios.size() * replicates;
        Run[] results = new Run[total];
        // replicate-major: a partial run covers every scenario evenly
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            for (int s = 0; s < scenarios.size(); s++) {
                order.add(s * replicates + r);
            }
        }
        onThreads(threads, order, u -> {
            int scenario = u / replicates;
            int replicate = u % replicates;
            results[u] = runOne(variations.get(scenario).draw(Seeds.runSeed(baseSeed, replicate)), scenario, replicate,
                    details);
            if (afterEachRun != null) {
                afterEachRun.run();
            }
        }, u -> "run of " + scenarios.get(u / replicates).meta().name() + ", replicate " + (u % replicates));
        List<Run> runs = new ArrayList<>(total);
        Collections.addAll(runs, results);
        return new Result(scenarios, replicates, baseSeed, runs);
    }

    /**
     * Does {@code task} for each run number of {@code order} on a fixed number of threads (at
     * most one per run); the first failure cancels the rest and is thrown as an
     * IllegalStateException saying "NAME failed: cause", NAME as {@code name} gives it.
     */
    static void onThreads(int threads, List<Integer> order, IntConsumer task, IntFunction<String> name) {
        if (order.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, order.size()), r -> {
            Thread t = new Thread(r, "compare-run");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int u : order) {
                futures.add(pool.submit(() -> task.accept(u)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(name.apply(order.get(i)) + " failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Run runOne(Variation.Drawn drawn, int index, int replicate, RunDetails.Choice details) {
        Scenario scenario = drawn.scenario();
        SingleRun.Result result = SingleRun.run(scenario);
        double horizonHours = scenario.clock().ticks() * scenario.clock().tickHours();
        return new Run(index, replicate, scenario.seed(), result.summary().figures(),
                hourly(result.timeSeries(), horizonHours), drawn.member(), drawn.quantiles(),
                RunDetails.of(result, details));
    }

    /** Cumulative evacuated at whole hours 0..horizon: the value after the last tick ending at or before h. */
    static double[] hourly(TimeSeries series, double horizonHours) {
        int last = (int) Math.floor(horizonHours + 1e-9);
        double[] hours = series.series("hours");
        double[] evacuated = series.series("evacuated");
        double[] out = new double[last + 1];
        double value = 0;
        int i = 0;
        for (int h = 1; h <= last; h++) {
            while (i < hours.length && hours[i] <= h + 1e-9) {
                value = evacuated[i++];
            }
            out[h] = value;
        }
        return out;
    }
}
