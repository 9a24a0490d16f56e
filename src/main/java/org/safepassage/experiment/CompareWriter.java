package org.safepassage.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.CsvCells;
import org.safepassage.metrics.RunWriter;

/**
 * Writes the CSV files of a comparison (listed in README.md, "Two commands"): runs.csv,
 * summary.csv, paired.csv, timeseries-mean.csv and scenarios.csv, each atomically, numbers
 * as {@link RunWriter#number} formats them (NaN as an empty cell).
 */
public final class CompareWriter {

    public static final List<String> SAMPLE_COLUMNS = List.of("n", "mean", "sd", "ciLow", "ciHigh", "median", "p5", "p95");
    public static final List<String> SCENARIO_COLUMNS = List.of("scenario", "file", "pauseWindows", "pauseStart",
            "pauseEnd", "pauseHoursTotal", "noticeHours", "monitoring", "corridors", "capacityPersonsPerHour", "transport");

    private CompareWriter() {
    }

    static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    }

    /** All five CSV files into {@code dir}. */
    /** The columns of spread.csv, one row per scenario (see {@link Spread}). */
    public static final List<String> SPREAD_COLUMNS = List.of("scenario", "replicates", "evacuatedMedian",
            "evacuatedP5", "evacuatedP95", "atLeast", "chanceAtLeast", "heldRuns", "heldMedian", "heldP5", "heldP95",
            "cutShortRuns", "cutShortMedian", "cutShortP5", "cutShortP95", "killedOnTheWayMedian",
            "killedOnTheWayP5", "killedOnTheWayP95", "killedAtHomeMedian", "killedAtHomeP5", "killedAtHomeP95",
            "varianceShareSeeds", "varianceShareParameters", "varianceShareInputs", "withModelErrorMedian",
            "withModelErrorP5", "withModelErrorP95", "chanceAtLeastWithModelError", "varianceShareModelError");

    /** spread.csv: each scenario's spread of persons out and its sources. */
    public static void writeSpread(Path file, List<Spread> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                csv.printRecord(SPREAD_COLUMNS);
                for (Spread s : rows) {
                    List<String> row = new ArrayList<>(List.of(s.scenario(), Integer.toString(s.evacuated().n())));
                    for (Sample x : List.of(s.evacuated())) {
                        row.addAll(List.of(RunWriter.number(x.median()), RunWriter.number(x.p5()),
                                RunWriter.number(x.p95())));
                    }
                    row.add(RunWriter.number(s.atLeast()));
                    row.add(RunWriter.number(s.chanceAtLeast()));
                    for (Sample x : List.of(s.held(), s.cutShort())) {
                        row.add(Integer.toString(x.n()));
                        row.addAll(List.of(RunWriter.number(x.median()), RunWriter.number(x.p5()),
                                RunWriter.number(x.p95())));
                    }
                    for (Sample x : List.of(s.killedOnTheWay(), s.killedAtHome())) {
                        row.addAll(List.of(RunWriter.number(x.median()), RunWriter.number(x.p5()),
                                RunWriter.number(x.p95())));
                    }
                    row.addAll(List.of(RunWriter.number(s.shareSeeds()), RunWriter.number(s.shareParameters()),
                            RunWriter.number(s.shareInputs())));
                    Spread.WithError e = s.withError();
                    for (double v : e == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                            : new double[] {e.median(), e.p5(), e.p95(), e.chanceAtLeast()}) {
                        row.add(RunWriter.number(v));
                    }
                    row.add(RunWriter.number(s.shareModelError()));
                    csv.printRecord(row);
                }
            }
        });
    }

    public static void writeAll(Path dir, Comparison.Result result, List<ScenarioFacts> facts) throws IOException {
        writeAll(dir, result, facts, null);
    }

    /** As {@link #writeAll(Path, Comparison.Result, List)}, summary.csv with the model error of {@code discrepancy}. */
    public static void writeAll(Path dir, Comparison.Result result, List<ScenarioFacts> facts,
            org.safepassage.scenario.Discrepancy discrepancy) throws IOException {
        writeRuns(dir.resolve("runs.csv"), result);
        writeSummary(dir.resolve("summary.csv"), CompareStatistics.summary(result, discrepancy));
        writePaired(dir.resolve("paired.csv"), CompareStatistics.paired(result));
        writeTimeSeries(dir.resolve("timeseries-mean.csv"), CompareStatistics.timeSeries(result));
        writeScenarios(dir.resolve("scenarios.csv"), facts);
    }

    /**
     * Each tidy per-run table the runs kept ({@link RunDetails}) as {@code <table>.csv}, keyed by
     * scenario and replicate, scenario by scenario in the order given, replicates in order.
     */
    public static void writeDetails(Path dir, Comparison.Result result) throws IOException {
        if (result.runs().isEmpty()) {
            return;
        }
        for (RunDetails.Kind kind : result.runs().get(0).details().keySet()) {
            AtomicFiles.writeText(dir.resolve(kind.file()), w -> {
                try (CSVPrinter csv = new CSVPrinter(w, format())) {
                    List<String> header = new ArrayList<>(List.of("scenario", "replicate"));
                    header.addAll(RunDetails.columns(kind));
                    csv.printRecord(CsvCells.row(header));
                    for (Comparison.Run run : result.runs()) {
                        for (List<String> cells : run.details().get(kind)) {
                            List<String> row = new ArrayList<>(List.of(result.name(run.scenario()),
                                    String.valueOf(run.replicate())));
                            row.addAll(cells);
                            csv.printRecord(CsvCells.row(row));
                        }
                    }
                }
            });
        }
    }

    public static void writeRuns(Path file, Comparison.Result result) throws IOException {
        List<String> figures = result.figureNames();
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                List<String> header = new ArrayList<>(List.of("scenario", "replicate", "seed"));
                header.addAll(figures);
                header.add("ensembleMember");
                csv.printRecord(CsvCells.row(header));
                for (Comparison.Run run : result.runs()) {
                    List<String> row = new ArrayList<>();
                    row.add(result.name(run.scenario()));
                    row.add(String.valueOf(run.replicate()));
                    row.add(String.valueOf(run.seed()));
                    for (String f : figures) {
                        row.add(RunWriter.number(run.figures().get(f)));
                    }
                    row.add(run.member() < 0 ? "" : Integer.toString(run.member()));
                    csv.printRecord(CsvCells.row(row));
                }
            }
        });
    }

    public static void writeSummary(Path file, List<CompareStatistics.FigureSample> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                List<String> header = new ArrayList<>(List.of("scenario", "figure"));
                header.addAll(SAMPLE_COLUMNS);
                csv.printRecord(CsvCells.row(header));
                for (CompareStatistics.FigureSample r : rows) {
                    List<String> row = new ArrayList<>(List.of(r.scenario(), r.figure()));
                    row.addAll(cells(r.sample()));
                    csv.printRecord(CsvCells.row(row));
                }
            }
        });
    }

    public static void writePaired(Path file, List<CompareStatistics.PairedDifference> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                csv.printRecord(CsvCells.row("scenario", "baseline", "figure", "n", "meanDifference", "sd", "ciLow", "ciHigh"));
                for (CompareStatistics.PairedDifference r : rows) {
                    Sample s = r.sample();
                    csv.printRecord(CsvCells.row(r.scenario(), r.baseline(), r.figure(), s.n(), RunWriter.number(s.mean()),
                            RunWriter.number(s.sd()), RunWriter.number(s.ciLow()), RunWriter.number(s.ciHigh())));
                }
            }
        });
    }

    public static void writeTimeSeries(Path file, List<CompareStatistics.HourSample> rows) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                csv.printRecord(CsvCells.row("scenario", "hours", "mean", "ciLow", "ciHigh", "p5", "p95"));
                for (CompareStatistics.HourSample r : rows) {
                    Sample s = r.sample();
                    csv.printRecord(CsvCells.row(r.scenario(), r.hours(), RunWriter.number(s.mean()), RunWriter.number(s.ciLow()),
                            RunWriter.number(s.ciHigh()), RunWriter.number(s.p5()), RunWriter.number(s.p95())));
                }
            }
        });
    }

    public static void writeScenarios(Path file, List<ScenarioFacts> facts) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                csv.printRecord(CsvCells.row(SCENARIO_COLUMNS));
                for (ScenarioFacts f : facts) {
                    csv.printRecord(CsvCells.row(f.scenario(), f.file(), f.pauseWindowsText(), f.firstStartIso(),
                            f.lastEndIso(), RunWriter.number(f.pauseHoursTotal()), RunWriter.number(f.noticeHours()),
                            f.monitoring(), f.corridors(), RunWriter.number(Math.round(f.capacityPersonsPerHour())),
                            f.transport()));
                }
            }
        });
    }

    private static List<String> cells(Sample s) {
        return List.of(String.valueOf(s.n()), RunWriter.number(s.mean()), RunWriter.number(s.sd()),
                RunWriter.number(s.ciLow()), RunWriter.number(s.ciHigh()), RunWriter.number(s.median()),
                RunWriter.number(s.p5()), RunWriter.number(s.p95()));
    }
}
