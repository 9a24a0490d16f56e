package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.Sample;
import org.safepassage.experiment.Seeds;
import org.safepassage.experiment.Sweep;
import org.safepassage.experiment.SweepPlan;
import org.safepassage.experiment.SweepSummary;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.report.Report;
import org.safepassage.scenario.Study;

/** What sweep and merge write after the runs: summaries, charts, manifest, terminal table. */
public final class SweepOutput {

    private SweepOutput() {
    }

    /** The fields of a sweep's manifest.json that describe the study and its seeds. */
    public static Map<String, Object> manifest(SweepPlan plan, String command) throws IOException {
        Design design = plan.design();
        Study study = design.study();
        Map<String, Object> m = Manifest.base(Manifest.projectVersion());
        m.put("command", command);
        m.put("study", study.name());
        m.put("studyFile", study.source().toAbsolutePath().normalize().toString());
        m.put("studySha256", Manifest.sha256(study.source()));
        m.put("baseScenario", study.base().toString());
        m.put("baseScenarioSha256", Manifest.sha256(study.base()));
        m.put("design", study.design().name().toLowerCase(Locale.ROOT));
        if (design.isSaltelli()) {
            m.put("saltelliBaseSamples", design.baseSamples());
        }
        List<Map<String, Object>> params = new ArrayList<>();
        for (Study.Parameter p : study.parameters()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("path", p.path());
            if (p.isRange()) {
                q.put("min", p.min());
                q.put("max", p.max());
            } else {
                q.put("values", p.values());
            }
            params.add(q);
        }
        m.put("parameters", params);
        m.put("outputs", study.outputs());
        if (!plan.details().isEmpty()) {
            m.put("tidyOutputs", plan.details().text());
        }
        m.put("ensemble", plan.ensemble() != null ? plan.ensemble() : "the base scenario's (ensemble: key), or a study "
                + "parameter's; runs.csv's ensembleMember is the index from 0 of the member each run drew, "
                + "by weight at quantile q(seed, '" + org.safepassage.scenario.Ensemble.DRAW_KEY + "'), empty without an ensemble");
        m.put("points", design.size());
        m.put("replicates", plan.replicates());
        m.put("runs", plan.totalTasks());
        m.put("shard", plan.shard().toString());
        m.put("shardRuns", plan.shardTasks());
        m.put("studySeed", study.seed());
        m.put("seedFunction", "replicate r (0-based): SplitMix64 mix(studySeed + (r + 1) * 0x9E3779B97F4A7C15) >>> 1, "
                + "the same at every design point (common random numbers)");
        m.put("replicateSeeds", plan.seeds());
        m.put("bootstrapSeed", Seeds.stream(study.seed(), Seeds.BOOTSTRAP));
        return m;
    }

    /**
     * What one call of {@code sweep} did, as its manifest records it.
     *
     * @param command the command line
     * @param inputs every input file and its SHA-256, and the program ({@link Sweep#inputs})
     * @param designFile the external design's points file, or null
     * @param threads worker threads
     * @param outcome runs found and run
     * @param timer wall and CPU time of this session's runs
     */
    public record Session(String command, Map<String, String> inputs, Path designFile, int threads,
            Sweep.Outcome outcome, Timer timer) {
    }

    /** Wall and CPU time (of this process, all threads) from {@link #start()} to {@link #stop()}. */
    public record Timer(long startNanos, long cpuStartNanos, double wallSeconds, double cpuSeconds) {
        public static Timer start() {
            return new Timer(System.nanoTime(), processCpuNanos(), Double.NaN, Double.NaN);
        }

        public Timer stop() {
            long cpu = processCpuNanos();
            return new Timer(startNanos, cpuStartNanos, (System.nanoTime() - startNanos) / 1e9,
                    cpu >= 0 && cpuStartNanos >= 0 ? (cpu - cpuStartNanos) / 1e9 : Double.NaN);
        }

        /** CPU time of this process in nanoseconds (all threads), or -1 where the JVM does not tell. */
        private static long processCpuNanos() {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return -1;
        }
    }

    /** The first line of a sweep: the design, the runs, the threads and the folder. */
    public static void announce(PrintWriter stdout, Design design, SweepPlan plan, Path designFile, int threads,
            Path dir) {
        Study study = design.study();
        SweepPlan.Shard shard = plan.shard();
        stdout.printf("%s: %s design, %d points x %d replicates = %d runs%s, on %d thread(s), into %s%n",
                study.name(), designFile != null ? "external (" + designFile + ")"
                        : study.design().name().toLowerCase(Locale.ROOT),
                design.size(), plan.replicates(), plan.totalTasks(),
                shard.isWhole() ? "" : " (shard " + shard + ": " + plan.shardTasks() + " runs)", threads, dir);
        stdout.flush();
    }

    /**
     * Finishes a sweep whose runs are all in {@code dir}/runs.csv: for a whole study the
     * summaries, charts and report; then the manifest; the byte-order marks if asked; and last
     * the removal of the unfinished-sweep marker. Returns the summary, null for a shard.
     */
    public static SweepSummary finish(SweepPlan plan, Path dir, Session session, boolean byteOrderMarks)
            throws IOException {
        Map<String, Object> manifest = manifest(plan, session.command());
        manifest.put("inputs", session.inputs());
        if (session.designFile() != null) {
            manifest.put("designFile", session.designFile().toAbsolutePath().toString());
            manifest.put("designSha256", Manifest.sha256(session.designFile()));
        }
        Sweep.Outcome outcome = session.outcome();
        double wallSeconds = session.timer().wallSeconds();
        manifest.put("threads", session.threads());
        manifest.put("resumedFromRuns", outcome.resumedFrom());
        manifest.put("runsThisSession", outcome.ranNow());
        manifest.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
        if (!Double.isNaN(session.timer().cpuSeconds())) {
            manifest.put("cpuSeconds", Math.round(session.timer().cpuSeconds() * 1000) / 1000.0);
        }
        manifest.put("runsPerSecond", outcome.ranNow() == 0 ? 0 : Math.round(outcome.ranNow() / wallSeconds * 1000)
                / 1000.0);
        SweepSummary summary = plan.shard().isWhole() ? finish(plan, dir) : null;
        writeManifest(dir, manifest);
        if (summary != null) {
            Report.writeSweep(dir);
        }
        if (byteOrderMarks) {
            AtomicFiles.addByteOrderMarks(dir);
        }
        Sweep.markFinished(dir);
        return summary;
    }

    /** The terminal table of a whole sweep, or the line of a shard, and what was written. */
    public static void printDone(PrintWriter stdout, Design design, SweepPlan plan, SweepSummary summary,
            Session session, Path dir) {
        int ran = session.outcome().ranNow();
        double wallSeconds = session.timer().wallSeconds();
        if (summary != null) {
            print(stdout, design, summary);
            stdout.printf("%d runs in %.1f s (%.2f runs/s on %d thread(s)); wrote %s/ (runs.csv, summary.csv, %s, "
                    + "manifest.json, charts, report.html)%n", ran, wallSeconds, ran / wallSeconds,
                    session.threads(), dir, design.isSaltelli() ? "sensitivity.csv" : "paired.csv");
        } else {
            stdout.printf("shard %s: %d runs in %.1f s; wrote %s/ (runs.csv, manifest.json); "
                    + "join the shards with: safepassage merge DIR...%n", plan.shard(), ran, wallSeconds, dir);
        }
    }

    /** summary.csv, sensitivity.csv and charts of a complete sweep in {@code dir}. */
    public static SweepSummary finish(SweepPlan plan, Path dir) throws IOException {
        SweepSummary summary = Sweep.summarise(plan, dir);
        SweepCharts.write(dir, plan.design(), summary);
        return summary;
    }

    public static void writeManifest(Path dir, Map<String, Object> manifest) throws IOException {
        RunWriter.writeJson(dir.resolve("manifest.json"), manifest);
    }

    /** A table a reader can take in: each point's outputs (up to 40 points), then the sensitivity indices. */
    public static void print(PrintWriter out, Design design, SweepSummary summary) {
        List<String> outputs = design.study().outputs();
        List<Integer> varied = SweepCharts.varied(design);
        if (summary.points().size() <= 40) {
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%5s", "point"));
            for (int p : varied) {
                head.append(String.format(Locale.ROOT, "  %-12s", clip(SweepCharts.shortName(design, p), 12)));
            }
            for (String o : outputs) {
                head.append(String.format(Locale.ROOT, "  %22s", clip(o, 22)));
            }
            out.println(head);
            for (SweepSummary.PointSummary ps : summary.points()) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%5d", ps.point().index()));
                for (int p : varied) {
                    b.append(String.format(Locale.ROOT, "  %-12s", clip(ps.point().values().get(p), 12)));
                }
                for (String o : outputs) {
                    Sample s = ps.figures().get(o);
                    double half = (s.ciHigh() - s.ciLow()) / 2;
                    b.append(String.format(Locale.ROOT, "  %22s", Double.isNaN(half)
                            ? RunWriter.number(round(s.mean()))
                            : RunWriter.number(round(s.mean())) + " ± " + RunWriter.number(round(half))));
                }
                out.println(b);
            }
            out.println("(mean over replicates ± half-width of its 95 % t interval)");
        }
        if (!summary.sensitivity().isEmpty()) {
            out.println(String.format(Locale.ROOT, "%-22s %-36s %22s %22s", "figure", "parameter",
                    "first-order [95 %]", "total [95 %]"));
            for (SweepSummary.Sensitivity s : summary.sensitivity()) {
                var i = s.index();
                out.println(String.format(Locale.ROOT, "%-22s %-36s %22s %22s", clip(s.figure(), 22),
                        clip(s.parameter(), 36), interval(i.first(), i.firstLow(), i.firstHigh()),
                        interval(i.total(), i.totalLow(), i.totalHigh())));
            }
        }
    }

    private static String interval(double v, double lo, double hi) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", v, lo, hi);
    }

    private static double round(double v) {
        if (Double.isNaN(v) || v == 0) {
            return v;
        }
        double scale = Math.pow(10, 3 - Math.ceil(Math.log10(Math.abs(v))));
        return scale > 1 ? Math.round(v * scale) / scale : Math.round(v);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
