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
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
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
