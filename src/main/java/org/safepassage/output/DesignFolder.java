package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.advisor.Advisor;
import org.safepassage.advisor.Benchmark;
import org.safepassage.advisor.DesignOutput;
import org.safepassage.advisor.Discovery;
import org.safepassage.advisor.ScenarioWorld;
import org.safepassage.advisor.Threshold;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.report.DesignReport;
import org.safepassage.scenario.DesignSpec;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;

/**
 * What {@code design} leaves behind once the search is done (the search writes its own tables
 * and journal): tradeoff.png/.svg, threshold.csv, manifest.json and report.html, and the summary
 * printed in the terminal. Also the inputs the manifest records and a search is resumed against.
 */
public final class DesignFolder {

    private DesignFolder() {
    }

    /** The design file, the effective base scenario and the ensemble, each with its SHA-256, for the manifest. */
    public static Map<String, Object> inputs(Path file, DesignSpec design) throws IOException, InvalidInputException {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("design", file.toString());
        inputs.put("designSha256", Manifest.sha256(file));
        Object effective = ScenarioLoader.load(design.base(), design.inputs(), design.ensemble()).effective()
                .toPlain();
        inputs.put("base", design.base().toString());
        inputs.put("effectiveBaseSha256", Manifest.sha256(RunWriter.json().writeValueAsBytes(effective)));
        inputs.put("ensemble", design.ensemble() == null ? "the base's" : design.ensemble());
        return inputs;
    }

    /** One SHA-256 of the {@link #inputs}: a journal written for other inputs is refused on resume. */
    public static String inputsSha(Map<String, Object> inputs) {
        return Manifest.sha256((inputs.get("designSha256") + " " + inputs.get("effectiveBaseSha256") + " "
                + inputs.get("ensemble")).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the chart, threshold.csv (with an answer), manifest.json and report.html into
     * {@code out}. The manifest given holds the command, inputs and the search's settings; the
     * weak spot, threads, wall time and run counts are added.
     *
     * @return the recommended design's weak spot, or null without a recommendation
     */
    public static Discovery write(Path out, DesignSpec design, Advisor.Result result, ScenarioWorld world,
            Threshold.Answer answer, List<Benchmark> benchmarks, Map<String, Object> m, int threadCount, double wall,
            String commandLine) throws IOException {
        Discovery discovery = result.recommended() == null ? null : Discovery.of(result, world);
        Path chart = out.resolve("tradeoff");
        DesignCharts.write(chart, result, benchmarks);
        if (answer != null) {
            writeThreshold(out, answer, design);
        }
        m.put("vulnerability", discovery == null ? null : discovery.sentence());
        m.put("threads", threadCount);
        m.put("wallSeconds", Math.round(wall * 10) / 10.0);
        m.put("runsThisSession", result.ranNow());
        m.put("runsFromJournal", result.fromJournal());
        AtomicFiles.writeString(out.resolve("manifest.json"), RunWriter.json().writeValueAsString(m) + "\n");
        AtomicFiles.writeString(out.resolve("report.html"),
                DesignReport.html(result, discovery, answer, benchmarks, out.resolve("tradeoff.svg"), commandLine,
                        wall));
        return discovery;
    }

    private static void writeThreshold(Path out, Threshold.Answer answer, DesignSpec d) throws IOException {
        AtomicFiles.writeText(out.resolve("threshold.csv"), w -> {
            w.write(d.levers().get(answer.question().lever()).path() + ",design,share " + answer.question().figure()
                    + " >= " + DesignOutput.num(answer.question().atLeast()) + ",enough\n");
            for (Threshold.Tried t : answer.tried()) {
                w.write("\"" + t.value().replace("\"", "\"\"") + "\"," + t.design() + "," + DesignOutput.num(
                        t.probability()) + "," + (t.value().equals(answer.value())) + "\n");
            }
        });
    }

    /** The search in a few lines: designs considered, the recommended levers and objectives, the threshold, the report. */
    public static void summary(PrintWriter o, Path out, Advisor.Result r, Discovery discovery, Threshold.Answer answer,
            double wall) {
        DesignSpec d = r.spec();
        o.println("Design search " + d.name() + ": " + r.considered().size() + " designs considered, " + r.front().size()
                + " on the front, " + r.runsKept() + " runs (" + r.runsWithoutRacing()
                + " without racing), " + Math.round(wall) + " s.");
        if (r.recommended() != null) {
            Advisor.Scored s = r.recommended();
            List<String> values = s.candidate().values(d);
            for (int i = 0; i < values.size(); i++) {
                o.println("  " + d.levers().get(i).path() + " = " + values.get(i));
            }
            for (int k = 0; k < d.objectives().size(); k++) {
                o.println("  " + d.objectives().get(k).label() + ": " + DesignOutput.num(Math.round(s.objectives()[k])));
            }
            o.println("  " + (s.feasible() ? "within every risk bound" : "outside a risk bound (none on the front is within)"));
            if (discovery != null) {
                o.println("  " + discovery.sentence());
            }
        }
        if (answer != null) {
            o.println("Threshold: " + (answer.value() == null ? "no value is enough" : answer.value()));
        }
        o.println("Report: " + out.resolve("report.html"));
        o.flush();
    }
}
