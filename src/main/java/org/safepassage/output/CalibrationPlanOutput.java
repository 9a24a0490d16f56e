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
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.CalibrationPlan;
import org.safepassage.scenario.Episode;
import org.safepassage.validation.CmaesCalibration;
import org.safepassage.validation.Journal;
import org.safepassage.validation.NullPredictors;
import org.safepassage.validation.SelectionLeaveOneOut;

/**
 * What {@code calibrate --plan} leaves behind besides the journal and calibration.csv: fit.csv,
 * loo.csv and loo-select.csv (tidy rows per episode), and the leave-one-out table it prints.
 */
public final class CalibrationPlanOutput {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CalibrationPlanOutput() {
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
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("episode", f.episode());
            row.put("weight", weights[i]);
            row.put("leftOutError", f.leftOutError());
            row.put("inSampleError", all.best().errors().get(f.episode()));
            row.put("defaultsError", all.defaults().errors().get(f.episode()));
            row.put("nullNobodyError", NullPredictors.nobodyError(facts.get(i)));
            row.put("nullShareError", share[i][0]);
            row.put("nullSharePerHour", share[i][1]);
            row.put("chosenCandidate", (double) f.chosen());
            rows.add(row);
        }
        return rows;
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
