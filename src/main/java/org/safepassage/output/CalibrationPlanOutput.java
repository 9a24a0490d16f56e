package org.safepassage.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.Episode;
import org.safepassage.validation.CmaesCalibration;
import org.safepassage.validation.Journal;
import org.safepassage.validation.NullPredictors;
import org.safepassage.validation.SelectionLeaveOneOut;

/**
 * What {@code calibrate --plan} leaves behind besides the journal and calibration.csv: fit.csv,
 * best-sets.txt, loo.csv and loo-select.csv (tidy rows per episode), manifest.json, and the
 * summary and leave-one-out tables it prints.
 */
public final class CalibrationPlanOutput {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CalibrationPlanOutput() {
    }

    /**
     * What a plan's search found: the fit on all episodes, its best set as {@code --set} lines,
     * the refitting leave-one-out rows (empty unless {@code leaveOneOut}) and the rows by
     * selection (empty unless {@code bySelection}).
     */
    public record Outcome(CmaesCalibration.Fit all, List<String> best, List<Map<String, Object>> loo,
            List<Map<String, Object>> selected, boolean leaveOneOut, boolean bySelection) {
    }

    /** best-sets.txt: the best set, one {@code KEY.PATH=VALUE} a line. */
    public static void writeBestSets(Path file, List<String> best) throws IOException {
        StringBuilder sets = new StringBuilder();
        for (String s : best) {
            sets.append(s).append('\n');
        }
        AtomicFiles.writeString(file, sets.toString());
    }

    /**
     * manifest.json: the manifest given (the command's base and command), with the plan and
     * its episodes and their SHA-256, the settings, the scores, the best set, both leave-one-out tables
     * and the wall time added.
     */
    public static void writeManifest(Path file, Map<String, Object> manifest, Path planFile, CalibrationPlan plan,
            int maxEvaluations, int threads, Outcome o, long startedMillis) throws IOException {
        manifest.put("plan", Map.of("file", planFile.toString(), "sha256", Manifest.sha256(planFile)));
        manifest.put("episodes", Manifest.hashed(plan.episodes().stream().map(CalibrationPlan.EpisodeRef::file).toList()));
        manifest.put("maxEvaluations", maxEvaluations);
        manifest.put("threads", threads);
        manifest.put("replicates", plan.replicates());
        manifest.put("scoreDefaults", o.all().defaults().score());
        manifest.put("scoreStart", o.all().start().score());
        manifest.put("scoreBest", o.all().best().score());
        manifest.put("best", o.best());
        manifest.put("leaveOneOut", o.loo());
        manifest.put("leaveOneOutBySelection", o.selected());
        manifest.put("wallSeconds", (System.currentTimeMillis() - startedMillis) / 1000.0);
        RunWriter.writeJson(file, manifest);
    }

    /** The scores, the best set as {@code --set} lines, the leave-one-out tables and where it all went. */
    public static void print(PrintWriter stdout, Path out, Outcome o, long startedMillis) {
        CmaesCalibration.Fit all = o.all();
        stdout.printf(Locale.ROOT, "defaults: score %.3f; start: %.3f; best: candidate #%d (of %d scored by the optimiser after the defaults and the start): %.3f%n",
                all.defaults().score(), all.start().score(), all.best().evaluation(), all.evaluations(),
                all.best().score());
        for (String s : o.best()) {
            stdout.println("  --set " + s);
        }
        if (o.bySelection()) {
            stdout.println("leave-one-out by selection among the fit's candidates (loo-select.csv):");
            table(stdout, o.selected());
        }
        if (o.leaveOneOut()) {
            table(stdout, o.loo());
        }
        stdout.printf(Locale.ROOT, "wrote %s/ (journal.tsv, calibration.csv, fit.csv, best-sets.txt%s%s, manifest.json) in %.0f s%n", out,
                o.leaveOneOut() ? ", loo.csv" : "", o.bySelection() ? ", loo-select.csv" : "",
                (System.currentTimeMillis() - startedMillis) / 1000.0);
    }

    /** Per episode: the fit's candidate best on the other episodes, its error on this one, beside the in-sample and null errors. */
    public static List<Map<String, Object>> selectionFolds(CalibrationPlan plan, List<Episode> episodes,
            CmaesCalibration.Fit all, Journal journal) {
        List<String> names = episodes.stream().map(Episode::name).toList();
        double[] weights = new double[episodes.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(plan.episodes().get(i), episodes.get(i));
        }
        List<NullPredictors.Facts> facts = episodes.stream().map(NullPredictors::facts).toList();
        double[][] share = NullPredictors.leaveOneOut(facts);
        List<Journal.Entry> entries = journal.entries("all");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<SelectionLeaveOneOut.Fold> folds = SelectionLeaveOneOut.folds(entries, names, weights);
        for (int i = 0; i < folds.size(); i++) {
            SelectionLeaveOneOut.Fold f = folds.get(i);
            Map<String, Object> row = row(f.episode(), weights[i], f.leftOutError(), all, facts.get(i), share[i]);
            row.put("chosenCandidate", (double) f.chosen());
            rows.add(row);
        }
        return rows;
    }

    /**
     * One leave-one-out row: the episode, its weight, its error left out, in sample (the fit's
     * best) and at the defaults, and the two null predictors' errors ({@code share}: the share
     * null's error and its persons-per-hour share).
     */
    public static Map<String, Object> row(String episode, double weight, Double leftOutError,
            CmaesCalibration.Fit all, NullPredictors.Facts facts, double[] share) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("episode", episode);
        row.put("weight", weight);
        row.put("leftOutError", leftOutError);
        row.put("inSampleError", all.best().errors().get(episode));
        row.put("defaultsError", all.defaults().errors().get(episode));
        row.put("nullNobodyError", NullPredictors.nobodyError(facts));
        row.put("nullShareError", share[0]);
        row.put("nullSharePerHour", share[1]);
        return row;
    }

    /** Prints a leave-one-out table: per episode its error left out, in sample, at the defaults and the two nulls. */
    public static void table(PrintWriter stdout, List<Map<String, Object>> loo) {
        stdout.printf("%-24s %6s %10s %10s %10s %8s %8s%n", "episode", "weight", "left out", "in sample",
                "defaults", "nobody", "share");
        for (Map<String, Object> r : loo) {
            stdout.printf(Locale.ROOT, "%-24s %6.2f %10.3f %10.3f %10.3f %8.3f %8.3f%n", r.get("episode"),
                    (double) r.get("weight"), (double) r.get("leftOutError"), (double) r.get("inSampleError"),
                    (double) r.get("defaultsError"), (double) r.get("nullNobodyError"),
                    (double) r.get("nullShareError"));
        }
    }

    /** An episode's weight in the score: the plan's, else its file's {@code observed.weight}. */
    public static double weight(CalibrationPlan.EpisodeRef ref, Episode e) {
        return Double.isNaN(ref.weight()) ? e.observed().weight() : ref.weight();
    }

    /** fit.csv: per episode its weight and its error at the defaults, the start and the best. */
    public static void writeFit(Path file, CalibrationPlan plan, List<Episode> episodes, CmaesCalibration.Fit fit)
            throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            String name = episodes.get(i).name();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("episode", name);
            row.put("weight", weight(plan.episodes().get(i), episodes.get(i)));
            row.put("defaultsError", fit.defaults().errors().get(name));
            row.put("startError", fit.start().errors().get(name));
            row.put("bestError", fit.best().errors().get(name));
            rows.add(row);
        }
        writeRows(file, rows);
    }

    /** Rows of named values as a CSV file (numbers as {@link RunWriter#number}), written atomically. */
    public static void writeRows(Path file, List<Map<String, Object>> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                if (!rows.isEmpty()) {
                    csv.printRecord(rows.get(0).keySet());
                }
                for (Map<String, Object> r : rows) {
                    List<Object> v = new ArrayList<>();
                    for (Object o : r.values()) {
                        v.add(o instanceof Double d ? RunWriter.number(d) : o);
                    }
                    csv.printRecord(v);
                }
            }
        });
    }
}
