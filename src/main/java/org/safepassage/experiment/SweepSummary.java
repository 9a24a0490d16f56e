package org.safepassage.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.CsvCells;
import org.safepassage.metrics.RunWriter;

/**
 * What a finished sweep says, from its canonical runs.csv (read once, one design point at a
 * time): per point and output figure the {@link Sample} over replicates (summary.csv), and for
 * Saltelli designs the first-order and total sensitivity indices of each output figure to each
 * parameter, computed on the points' means over replicates (sensitivity.csv).
 */
public final class SweepSummary {

    /** The samples of one design point, by output figure (in the study's order). */
    public record PointSummary(Design.Point point, Map<String, Sample> figures) {
    }

    /**
     * A point's difference from point 0 (the reference: every parameter at its first value),
     * run by run: replicate r here minus replicate r there, which share their seed.
     */
    public record Paired(Design.Point point, String figure, Sample difference) {
    }

    /** The indices of one output figure to one parameter. */
    public record Sensitivity(String figure, String parameter, SobolIndices.Index index) {
    }

    private final List<PointSummary> points;
    private final List<Paired> paired;
    private final List<Sensitivity> sensitivity;

    private SweepSummary(List<PointSummary> points, List<Paired> paired, List<Sensitivity> sensitivity) {
        this.points = List.copyOf(points);
        this.paired = List.copyOf(paired);
        this.sensitivity = List.copyOf(sensitivity);
    }

    /** Differences from point 0, for factorial designs (empty for Saltelli designs). */
    public List<Paired> paired() {
        return paired;
    }

    public List<PointSummary> points() {
        return points;
    }

    public List<Sensitivity> sensitivity() {
        return sensitivity;
    }

    /** Reads a complete, canonical runs.csv of the whole plan. */
    public static SweepSummary of(Path runsCsv, SweepPlan plan) throws IOException {
        Design design = plan.design();
        List<String> outputs = design.study().outputs();
        List<String> columns = plan.columns();
        int[] column = new int[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            column[o] = columns.indexOf(outputs.get(o));
        }
        List<PointSummary> summaries = new ArrayList<>(design.size());
        List<Paired> paired = new ArrayList<>();
        double[][] reference = new double[outputs.size()][plan.replicates()];
        double[][] means = new double[outputs.size()][design.size()];
        try (Reader in = Files.newBufferedReader(runsCsv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, RunsFile.FORMAT)) {
            int current = -1;
            double[][] values = new double[outputs.size()][plan.replicates()];
            int n = 0;
            boolean header = true;
            for (CSVRecord r : parser) {
                if (header) {
                    header = false;
                    continue;
                }
                int point = Integer.parseInt(r.get(0));
                if (point != current) {
                    if (current >= 0) {
                        summaries.add(summarise(design, current, outputs, values, n, means));
                        pair(design, current, outputs, values, reference, n, paired);
                    }
                    if (point != current + 1) {
                        throw new IOException(runsCsv + ": no runs of design point " + (current + 1));
                    }
                    current = point;
                    n = 0;
                }
                if (n >= plan.replicates() || Integer.parseInt(r.get(1)) != n) {
                    throw new IOException(runsCsv + ":" + r.getRecordNumber() + ": expected replicate " + n
                            + " of point " + point);
                }
                for (int o = 0; o < outputs.size(); o++) {
                    String cell = r.get(column[o]);
                    values[o][n] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                }
                n++;
            }
            if (current >= 0) {
                summaries.add(summarise(design, current, outputs, values, n, means));
                pair(design, current, outputs, values, reference, n, paired);
            }
            if (current != design.size() - 1) {
                throw new IOException(runsCsv + ": runs of " + (current + 1) + " of " + design.size()
                        + " design points");
            }
        }
        List<Sensitivity> indices = new ArrayList<>();
        if (design.isSaltelli()) {
            long seed = Seeds.stream(design.study().seed(), Seeds.BOOTSTRAP);
            for (int o = 0; o < outputs.size(); o++) {
                List<SobolIndices.Index> list = hasNaN(means[o])
                        ? nanIndices(design.paths().size())
                        : SobolIndices.estimate(means[o], design.paths().size(), seed);
                for (SobolIndices.Index index : list) {
                    indices.add(new Sensitivity(outputs.get(o), design.paths().get(index.parameter()), index));
                }
            }
        }
        return new SweepSummary(summaries, paired, indices);
    }

    /** Keeps point 0's runs as the reference; pairs every other point's runs with them (factorial designs). */
    private static void pair(Design design, int point, List<String> outputs, double[][] values, double[][] reference,
            int n, List<Paired> paired) {
        if (design.isSaltelli()) {
            return;
        }
        for (int o = 0; o < outputs.size(); o++) {
            if (point == 0) {
                System.arraycopy(values[o], 0, reference[o], 0, n);
                continue;
            }
            double[] d = new double[n];
            for (int r = 0; r < n; r++) {
                d[r] = values[o][r] - reference[o][r];
            }
            paired.add(new Paired(design.points().get(point), outputs.get(o), Sample.of(d)));
        }
    }

    private static PointSummary summarise(Design design, int point, List<String> outputs, double[][] values, int n,
            double[][] means) {
        Map<String, Sample> figures = new LinkedHashMap<>();
        for (int o = 0; o < outputs.size(); o++) {
            Sample s = Sample.of(java.util.Arrays.copyOf(values[o], n));
            figures.put(outputs.get(o), s);
            means[o][point] = s.mean();
        }
        return new PointSummary(design.points().get(point), figures);
    }

    private static boolean hasNaN(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }

    private static List<SobolIndices.Index> nanIndices(int k) {
        List<SobolIndices.Index> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(new SobolIndices.Index(i, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        return out;
    }

    /** summary.csv: point, each varied key path, figure, n, mean, sd, ciLow, ciHigh, median, p5, p95. */
    public void writeSummary(Path file, Design design) throws IOException {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(design.paths());
        header.addAll(List.of("figure", "n", "mean", "sd", "ciLow", "ciHigh", "median", "p5", "p95"));
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, RunsFile.FORMAT)) {
                csv.printRecord(CsvCells.row(header));
                for (PointSummary p : points) {
                    for (Map.Entry<String, Sample> e : p.figures().entrySet()) {
                        Sample s = e.getValue();
                        List<Object> row = new ArrayList<>();
                        row.add(p.point().index());
                        row.addAll(p.point().values());
                        row.add(e.getKey());
                        row.add(s.n());
                        for (double v : new double[] {s.mean(), s.sd(), s.ciLow(), s.ciHigh(), s.median(), s.p5(),
                            s.p95()}) {
                            row.add(RunWriter.number(v));
                        }
                        csv.printRecord(CsvCells.row(row));
                    }
                }
            }
        });
    }

    /**
     * paired.csv: point, each varied key path, baseline (always 0), figure, n, meanDifference, sd,
     * ciLow, ciHigh: the point minus point 0, replicate by replicate.
     */
    public void writePaired(Path file, Design design) throws IOException {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(design.paths());
        header.addAll(List.of("baseline", "figure", "n", "meanDifference", "sd", "ciLow", "ciHigh"));
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, RunsFile.FORMAT)) {
                csv.printRecord(CsvCells.row(header));
                for (Paired p : paired) {
                    Sample s = p.difference();
                    List<Object> row = new ArrayList<>();
                    row.add(p.point().index());
                    row.addAll(p.point().values());
                    row.add(0);
                    row.add(p.figure());
                    row.add(s.n());
                    for (double v : new double[] {s.mean(), s.sd(), s.ciLow(), s.ciHigh()}) {
                        row.add(RunWriter.number(v));
                    }
                    csv.printRecord(CsvCells.row(row));
                }
            }
        });
    }

    /** sensitivity.csv: figure, parameter, first, firstLow, firstHigh, total, totalLow, totalHigh. */
    public void writeSensitivity(Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, RunsFile.FORMAT)) {
                csv.printRecord(CsvCells.row("figure", "parameter", "first", "firstLow", "firstHigh", "total", "totalLow",
                        "totalHigh"));
                for (Sensitivity s : sensitivity) {
                    SobolIndices.Index i = s.index();
                    csv.printRecord(CsvCells.row(s.figure(), s.parameter(), RunWriter.number(i.first()),
                            RunWriter.number(i.firstLow()), RunWriter.number(i.firstHigh()),
                            RunWriter.number(i.total()), RunWriter.number(i.totalLow()),
                            RunWriter.number(i.totalHigh())));
                }
            }
        });
    }
}
