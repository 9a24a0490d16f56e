package org.safepassage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.experiment.Sample;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.scenario.Scenario;

/**
 * The benchmark of issue 8: wall time and household-steps per second of single runs (with
 * warm-up and repetitions, median and spread), sweep throughput (independent runs on a thread
 * pool), and the same for the per-agent reference so that the two can be compared. A
 * household-step is one household carried through one tick, whatever its phase.
 */
public final class Bench {

    /** One measured line of bench.csv. */
    public record Row(String kind, String model, String scenario, long persons, int households, int gridCells,
            int ticks, int threads, int runs, Sample wallSeconds, double wallSecondsMin, double wallSecondsMax,
            double householdStepsPerSecond, double runsPerSecond, double cpuSecondsPerRunMedian,
            double householdStepsPerCpuSecond, double loadAverage) {

        static Row of(String kind, Engine engine, Scenario s, Engine.Outcome o, int threads, int runs,
                double[] seconds, double householdStepsPerSecond, double runsPerSecond, double[] cpuSecondsPerRun) {
            double cpu = Sample.of(cpuSecondsPerRun).median();
            return new Row(kind, engine.name(), s.meta().name(), s.population().persons(), o.households(),
                    s.map().cells(), o.ticks(), threads, runs, Sample.of(seconds), Arrays.stream(seconds).min().orElse(
                            Double.NaN), Arrays.stream(seconds).max().orElse(Double.NaN), householdStepsPerSecond,
                    runsPerSecond, cpu, (double) o.households() * o.ticks() / cpu, Bench.loadAverage());
        }
    }

    /** The machine's load average over the last minute (NaN where unknown): how busy the others keep it. */
    public static double loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? Double.NaN : l;
    }

    /** CPU time of the calling thread in seconds (NaN where the JVM cannot tell). */
    static double cpuSeconds() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() / 1e9 : Double.NaN;
    }

    /** CSV header of bench.csv, in the order of {@link #cells(Row)}. */
    public static final List<String> COLUMNS = List.of("kind", "model", "scenario", "persons", "households",
            "gridCells", "ticks", "threads", "runs", "wallSecondsMedian", "wallSecondsMin", "wallSecondsMax",
            "wallSecondsMean", "householdStepsPerSecondMedian", "runsPerSecond", "cpuSecondsPerRunMedian",
            "householdStepsPerCpuSecond", "loadAverage");

    private final PrintWriter log;
    private final List<Row> rows = new ArrayList<>();

    /** @param log where progress goes (stderr) */
    public Bench(PrintWriter log) {
        this.log = log;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * Times single runs of a scenario on one thread: untimed warm-up runs (see {@link #warmUp}),
     * then {@code repetitions} timed ones. Household-steps per second is the median over
     * repetitions. {@code kind} labels the row (single, grid, ticks, reference).
     */
    public Row single(String kind, Engine engine, Scenario scenario, int warmups, int repetitions) {
        warmUp(engine, scenario, warmups);
        double[] seconds = new double[repetitions];
        double[] rates = new double[repetitions];
        double[] cpu = new double[repetitions];
        Engine.Outcome last = null;
        for (int r = 0; r < repetitions; r++) {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            last = engine.run(scenario);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = cpuSeconds() - c0;
            rates[r] = (double) last.households() * last.ticks() / seconds[r];
            log.printf("  %s %s (%,d persons): %.3f s (CPU %.3f s), %.1f M household-steps/s%n", engine.name(),
                    scenario.meta().name(), scenario.population().persons(), seconds[r], cpu[r], rates[r] / 1e6);
            log.flush();
        }
        Row row = Row.of(kind, engine, scenario, last, 1, repetitions, seconds, Sample.of(rates).median(),
                Double.NaN, cpu);
        rows.add(row);
        return row;
    }

    /** Warm-up CPU time: the JIT compiles the hot loops only after some seconds of running them. */
    static final double WARM_UP_CPU_SECONDS = 2.0;
    static final int MAX_WARM_UP_RUNS = 100;

    /**
     * Untimed runs until at least {@code warmups} runs and {@link #WARM_UP_CPU_SECONDS} of CPU
     * time have been spent on this scenario (at most {@link #MAX_WARM_UP_RUNS}); none when
     * {@code warmups} is 0.
     */
    void warmUp(Engine engine, Scenario scenario, int warmups) {
        if (warmups <= 0) {
            return;
        }
        double start = cpuSeconds();
        int runs = 0;
        while (runs < MAX_WARM_UP_RUNS && (runs < warmups || cpuSeconds() - start < WARM_UP_CPU_SECONDS)) {
            engine.run(scenario);
            runs++;
        }
        log.printf("  warmed up %s on %s with %d run(s), %.1f s CPU%n", engine.name(), scenario.meta().name(), runs,
                cpuSeconds() - start);
        log.flush();
    }

    /**
     * Sweep throughput: {@code runs} independent runs of the scenario (seeds 1..runs) on a pool
     * of {@code threads} threads, after one warm-up run; repeated {@code repetitions} times.
     * Runs per second is the median over repetitions.
     */
    public Row sweep(Engine engine, Scenario scenario, int threads, int runs, int repetitions)
            throws InterruptedException {
        warmUp(engine, scenario, 1);
        double[] seconds = new double[repetitions];
        List<Double> cpu = new ArrayList<>();
        Engine.Outcome last = null;
        double steps = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = 0; r < repetitions; r++) {
                long t0 = System.nanoTime();
                List<Future<Timed>> futures = new ArrayList<>();
                for (int i = 1; i <= runs; i++) {
                    Scenario s = scenario.withSeed(i);
                    futures.add(pool.submit(() -> {
                        double c0 = cpuSeconds();
                        Engine.Outcome o = engine.run(s);
                        return new Timed(o, cpuSeconds() - c0);
                    }));
                }
                steps = 0;
                for (Future<Timed> f : futures) {
                    Timed done = f.get();
                    cpu.add(done.cpuSeconds());
                    last = done.outcome();
                    steps += (double) last.households() * last.ticks();
                }
                seconds[r] = (System.nanoTime() - t0) / 1e9;
                log.printf("  sweep %s, %d runs on %d thread(s): %.3f s, %.2f runs/s%n", scenario.meta().name(), runs,
                        threads, seconds[r], runs / seconds[r]);
                log.flush();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double median = Sample.of(seconds).median();
        Row row = Row.of("sweep", engine, scenario, last, threads, runs, seconds,
                steps / median, runs / median,
                cpu.stream().mapToDouble(Double::doubleValue).toArray());
        rows.add(row);
        return row;
    }

    private record Timed(Engine.Outcome outcome, double cpuSeconds) {
    }

    /** Writes bench.csv atomically. */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord(COLUMNS);
                for (Row r : rows) {
                    csv.printRecord(cells(r));
                }
            }
        });
    }

    static List<String> cells(Row r) {
        return List.of(r.kind(), r.model(), r.scenario(), Long.toString(r.persons()), Integer.toString(r.households()),
                Integer.toString(r.gridCells()), Integer.toString(r.ticks()), Integer.toString(r.threads()),
                Integer.toString(r.runs()), num(r.wallSeconds().median()), num(r.wallSecondsMin()),
                num(r.wallSecondsMax()), num(r.wallSeconds().mean()), num(r.householdStepsPerSecond()), num(r.runsPerSecond()),
                num(r.cpuSecondsPerRunMedian()), num(r.householdStepsPerCpuSecond()), num(r.loadAverage()));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
