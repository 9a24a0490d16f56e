package org.safepassage.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.safepassage.experiment.Sample;
import org.safepassage.metrics.SingleRun;
import org.safepassage.metrics.TimeSeries;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.Observed;
import org.safepassage.scenario.Scenario;

/**
 * Runs an episode's replicates and scores them against what was observed. The simulated
 * figure is the cumulative number of civilians who left (through corridors and across the
 * front: the time series' {@code evacuated}). Replicate r runs with the scenario's seed + r,
 * so two parameter sets are compared on common random numbers.
 */
public final class Validation {

    /** Persons added to both figures before taking the log ratio, so that zeros work. */
    public static final double OFFSET_PERSONS = 10.0;

    private Validation() {
    }

    /** Log10-ratio error: {@code log10((simulated + 10) / (observed + 10))}; positive when the model is high. */
    public static double log10Error(double simulated, double observed) {
        return Math.log10((simulated + OFFSET_PERSONS) / (observed + OFFSET_PERSONS));
    }

    /** Whether [p5, p95] and [low, high] overlap. */
    public static boolean overlaps(double p5, double p95, double low, double high) {
        return p5 <= high && p95 >= low;
    }

    /**
     * Runs {@code replicates} runs of the episode.
     *
     * @param progress told the number of runs done after each run (may be null)
     */
    public static EpisodeResult run(Episode episode, int replicates, IntConsumer progress) {
        return run(episode, replicates, progress, seed -> episode.scenario().withSeed(seed));
    }

    /**
     * As {@link #run(Episode, int, IntConsumer)}, replicate r running {@code draw}(seed + r): the
     * scenario that seed draws from a behaviour ensemble and the episode's ranges.
     */
    public static EpisodeResult run(Episode episode, int replicates, IntConsumer progress,
            java.util.function.LongFunction<Scenario> draw) {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be at least 1");
        }
        long started = System.nanoTime();
        Scenario scenario = episode.scenario();
        List<double[]> runs = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            runs.add(replicate(episode, draw.apply(scenario.seed() + r)));
            if (progress != null) {
                progress.accept(r + 1);
            }
        }
        return score(episode, runs, (System.nanoTime() - started) / 1e9);
    }

    /** The whole hours after the observation start at which an episode's band is drawn: 0 to the horizon. */
    private static double[] hours(Episode episode) {
        Scenario scenario = episode.scenario();
        double offsetHours = episode.observed().offsetHours(scenario.clock());
        int lastHour = (int) Math.floor(scenario.clock().horizon().toMinutes() / 60.0 - offsetHours + 1e-9);
        double[] hours = new double[lastHour + 1];
        for (int i = 0; i <= lastHour; i++) {
            hours[i] = i;
        }
        return hours;
    }

    /**
     * One replicate of an episode: runs {@code drawn} (the episode's scenario as the replicate's
     * seed draws it) and returns the persons who had left at each whole hour of
     * {@link #hours} and then at each observed point, in one array. Replicates run apart (in
     * shards of {@code validate --shard}) are scored together by {@link #score(Episode, List, double)}.
     */
    public static double[] replicate(Episode episode, Scenario drawn) {
        Scenario scenario = episode.scenario();
        double offsetHours = episode.observed().offsetHours(scenario.clock());
        double tickHours = scenario.clock().tickHours();
        double[] hours = hours(episode);
        List<Observed.Point> points = episode.observed().points();
        double[] left = SingleRun.runCounts(drawn).timeSeries().series("evacuated");
        double[] out = new double[hours.length + points.size()];
        for (int i = 0; i < hours.length; i++) {
            out[i] = at(left, offsetHours + hours[i], tickHours);
        }
        for (int p = 0; p < points.size(); p++) {
            out[hours.length + p] = at(left, offsetHours + points.get(p).hours(), tickHours);
        }
        return out;
    }

    /**
     * Scores an episode on its replicates ({@link #replicate}, in replicate order): the band
     * by hour, each observation against the simulated spread, coverage and error.
     *
     * @param wallSeconds the time the runs took
     */
    public static EpisodeResult score(Episode episode, List<double[]> runs, double wallSeconds) {
        int replicates = runs.size();
        double[] hours = hours(episode);
        List<Observed.Point> points = episode.observed().points();
        double[][] byHour = new double[hours.length][replicates];
        double[][] byPoint = new double[points.size()][replicates];
        for (int r = 0; r < replicates; r++) {
            double[] run = runs.get(r);
            for (int i = 0; i < hours.length; i++) {
                byHour[i][r] = run[i];
            }
            for (int p = 0; p < points.size(); p++) {
                byPoint[p][r] = run[hours.length + p];
            }
        }
        double[] median = new double[hours.length];
        double[] p5 = new double[hours.length];
        double[] p95 = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            Sample s = Sample.of(byHour[i]);
            median[i] = s.median();
            p5[i] = s.p5();
            p95[i] = s.p95();
        }
        List<PointResult> results = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            results.add(score(points.get(p), Sample.of(byPoint[p])));
        }
        double coverage = results.isEmpty() ? Double.NaN
                : (double) results.stream().filter(PointResult::overlaps).count() / results.size();
        double error = results.stream().mapToDouble(r -> Math.abs(r.log10Error())).average().orElse(Double.NaN);
        return new EpisodeResult(episode, replicates, results, hours, median, p5, p95, coverage, error, wallSeconds,
                byPoint);
    }

    static PointResult score(Observed.Point point, Sample simulated) {
        return new PointResult(point, simulated.median(), simulated.p5(), simulated.p95(),
                overlaps(simulated.p5(), simulated.p95(), point.low(), point.high()),
                log10Error(simulated.median(), point.persons()));
    }

    /**
     * Value of a per-tick cumulative series at a clock time in hours. Row i of a time series is
     * the state after tick i, at {@code (i + 1) × tickHours}; before the first tick nobody has left.
     */
    static double at(double[] cumulative, double clockHours, double tickHours) {
        long row = Math.round(clockHours / tickHours) - 1;
        if (row < 0 || cumulative.length == 0) {
            return 0;
        }
        return cumulative[(int) Math.min(row, cumulative.length - 1)];
    }

    /**
     * Weighted mean over episodes of their mean absolute log10 error, each episode weighted by
     * its {@code observed.weight} (1 for a core episode, less for a weak one): the calibration's
     * objective.
     */
    public static double score(List<EpisodeResult> results) {
        double num = 0;
        double den = 0;
        for (EpisodeResult r : results) {
            num += r.weight() * r.meanAbsLog10Error();
            den += r.weight();
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /** Weighted median over episodes of their mean absolute log10 error. */
    public static double medianScore(List<EpisodeResult> results) {
        return weightedMedian(results.stream().mapToDouble(EpisodeResult::meanAbsLog10Error).toArray(),
                results.stream().mapToDouble(EpisodeResult::weight).toArray());
    }

    /**
     * Weighted median: the smallest value at which the weights of the values at or below it
     * reach half of the total weight; the mean of the two middle values when exactly half
     * falls on each side. NaN when there are no values or no weight.
     */
    public static double weightedMedian(double[] values, double[] weights) {
        Integer[] order = new Integer[values.length];
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            total += weights[i];
        }
        if (values.length == 0 || !(total > 0)) {
            return Double.NaN;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double below = 0;
        for (int k = 0; k < order.length; k++) {
            below += weights[order[k]];
            if (Math.abs(below - total / 2) < 1e-12 && k + 1 < order.length) {
                return (values[order[k]] + values[order[k + 1]]) / 2;
            }
            if (below > total / 2) {
                return values[order[k]];
            }
        }
        return values[order[order.length - 1]];
    }
}
