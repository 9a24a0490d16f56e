package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.safepassage.experiment.CompareWriter;
import org.safepassage.experiment.RunDetails;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.ScenarioFacts;
import org.safepassage.experiment.Spread;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.StagedDirectory;
import org.safepassage.report.Report;
import org.safepassage.scenario.Discrepancy;
import org.safepassage.scenario.Ensemble;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Uncertain;
import org.safepassage.scenario.Variation;

/**
 * What {@code compare} leaves behind: the folder (tables, spread, charts, manifest, report),
 * written whole or not at all, and the table printed in the terminal.
 */
public final class CompareOutput {

    /**
     * How the comparison was asked for, as its manifest records it.
     *
     * @param command the command line
     * @param files the scenario files, in order ({@code -}: standard input)
     * @param fileSha256 the SHA-256 of each scenario's bytes as read (a file, or standard input)
     * @param effective each scenario's parameters after extends and --set, as plain maps
     * @param overrides the --set overrides
     * @param threads worker threads
     * @param wallSeconds wall time of the runs
     * @param details the tidy per-run tables asked for
     */
    public record Request(String command, List<Path> files, List<String> fileSha256, List<Object> effective, List<String> overrides,
            int threads, double wallSeconds, RunDetails.Choice details) {
    }

    private CompareOutput() {
    }

    /**
     * Writes the comparison into {@code out} through a staged folder, so that {@code out}
     * holds the whole comparison or the earlier contents; returns the spread rows it wrote.
     *
     * @param atLeast the "chance of at least N" threshold, or null for {@link Spread#defaultAtLeast}
     * @param byteOrderMarks start every CSV with a UTF-8 byte-order mark
     */
    public static List<Spread> write(Path out, Comparison.Result result, List<ScenarioFacts> facts,
            List<Variation> variations, Request request, Double atLeast, boolean byteOrderMarks) throws IOException {
        Discrepancy discrepancy = discrepancy(variations);
        List<Spread> spreads = Spread.of(result, atLeast != null ? atLeast : Spread.defaultAtLeast(result), discrepancy);
        try (StagedDirectory staged = StagedDirectory.create(out)) {
            Path dir = staged.path();
            CompareWriter.writeAll(dir, result, facts, discrepancy);
            CompareWriter.writeDetails(dir, result);
            CompareWriter.writeSpread(dir.resolve("spread.csv"), spreads);
            CompareCharts.write(dir, result, facts);
            RunWriter.writeJson(dir.resolve("manifest.json"), manifest(result, variations, request));
            Report.writeCompare(dir);
            if (byteOrderMarks) {
                AtomicFiles.addByteOrderMarks(dir);
            }
            staged.publish();
        }
        return spreads;
    }

    /**
     * The model error the bands include: the discrepancy block of the runs' ensemble, null without
     * an ensemble or when it has none.
     */
    public static Discrepancy discrepancy(List<Variation> variations) {
        return variations.stream().map(Variation::ensemble).filter(Objects::nonNull).map(Ensemble::discrepancy)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The terminal table: means with intervals, the spread and its sources, what was written. */
    public static void print(PrintWriter stdout, Comparison.Result result, List<Spread> spreads, Request request,
            Path out) {
        stdout.print(CompareTable.text(result));
        stdout.print(CompareTable.spread(spreads));
        StringBuilder details = new StringBuilder();
        if (!result.runs().isEmpty()) {
            result.runs().get(0).details().keySet().forEach(k -> details.append(", ").append(k.file()));
        }
        stdout.printf(Locale.ROOT, "%d runs in %.1f s on %d thread(s); wrote %s/ (report.html, "
                + "runs.csv, summary.csv, spread.csv, paired.csv, timeseries-mean.csv, scenarios.csv%s, manifest.json, "
                + "charts)%n", result.runs().size(), request.wallSeconds(), request.threads(), out, details);
    }

    /** What replicates drew besides their seeds: the ensemble (file, hash, provenance) and each range. */
    public static Map<String, Object> uncertainty(List<Variation> variations) throws IOException {
        Map<String, Object> u = new LinkedHashMap<>();
        Ensemble e = variations.stream().map(Variation::ensemble).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (e == null) {
            u.put("ensemble", "none");
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", e.file().toString());
            m.put("sha256", Manifest.sha256(e.file()));
            m.put("members", e.members().size());
            m.put("provenance", new TreeMap<>(e.provenance()));
            m.put("memberOfReplicate", "member drawn by weight at quantile q(seed, '" + Ensemble.DRAW_KEY + "')");
            m.put("memberLabels", e.members().stream().map(Ensemble.Member::label).toList());
            Discrepancy d = e.discrepancy();
            if (d != null) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("residuals", d.residuals().size());
                dm.put("episodes", d.residuals().stream().map(Discrepancy.Residual::episode).distinct().count());
                dm.put("provenance", new TreeMap<>(d.provenance()));
                dm.put("combination", "each run's persons out x combined with every residual d as (x + 10) * 10^d - 10, "
                        + "within [0, initial persons], weight (1 / runs) * (residual weight / total); percentiles of "
                        + "that weighted mixture (org.safepassage.experiment.ModelError)");
                m.put("discrepancy", dm);
            }
            u.put("ensemble", m);
        }
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (Variation v : variations) {
            for (Uncertain.Spec s : v.specs()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("scenario", v.nominal().meta().name());
                r.put("keyPath", s.path());
                r.put("distribution", s.node().toPlain());
                r.put("median", s.at(0.5));
                ranges.add(r);
            }
        }
        u.put("ranges", ranges);
        u.put("quantileFunction", "q(seed, keyPath) = SplittableRandom(seed * 0x9E3779B97F4A7C15 ^ fnv1a64(keyPath))"
                + ".nextDouble() (org.safepassage.scenario.Uncertain.quantile): the same in every scenario");
        return u;
    }

    static Map<String, Object> manifest(Comparison.Result result, List<Variation> variations, Request request)
            throws IOException {
        Map<String, Object> m = Manifest.base(Manifest.projectVersion());
        m.put("command", request.command());
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < request.files().size(); i++) {
            Scenario s = result.scenarios().get(i);
            Path file = request.files().get(i);
            Object effective = request.effective().get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", s.meta().name());
            e.put("file", file.toString());
            e.put("sha256", request.fileSha256().get(i));
            // the parameters after extends and --set: the file's hash alone does not cover its base files
            byte[] parameters = RunWriter.json().writeValueAsBytes(effective);
            e.put("effectiveParameters", effective);
            e.put("effectiveParametersSha256", Manifest.sha256(parameters));
            e.put("description", s.meta().description());
            e.put("sources", s.meta().sources());
            e.put("order", i + 1);
            list.add(e);
        }
        m.put("scenarios", list);
        m.put("overrides", request.overrides());
        if (!request.details().isEmpty()) {
            m.put("tidyOutputs", request.details().text());
        }
        m.put("uncertainty", uncertainty(variations));
        m.put("replicates", result.replicates());
        m.put("baseSeed", result.baseSeed());
        m.put("seedFunction", "seed of replicate r (from 0) = mix(mix(baseSeed) + (r + 1) * 0x9E3779B97F4A7C15)"
                + " >>> 1, mix = the SplitMix64 finaliser (org.safepassage.experiment.Seeds.runSeed, as in sweeps);"
                + " the same seed in every scenario (common random numbers)");
        m.put("seeds", result.seeds());
        m.put("threads", request.threads());
        m.put("wallSeconds", request.wallSeconds());
        return m;
    }
}
