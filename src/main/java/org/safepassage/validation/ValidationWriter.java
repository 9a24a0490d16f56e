package org.safepassage.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.CsvCells;
import org.safepassage.metrics.FileNames;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.Observed;

/**
 * Writes validate's tables, each atomically, as CSV with a header row:
 * <ul>
 * <li>{@code validation.csv}: one row per observation: episode, point, hours, observed, low,
 * high, quality, simMedian, simP5, simP95, overlaps, log10Error, replicates, source;</li>
 * <li>{@code episodes.csv}: one row per episode: episode, file, grade, weight, points, covered,
 * coverage, meanAbsLog10Error, replicates, wallSeconds, and with the null predictors
 * nullNobodyError, nullShareError (share fitted leaving the episode out) and nullSharePerHour;</li>
 * <li>{@code band-EPISODE.csv}: the simulated band per hour from the episode's start:
 * hours, median, p5, p95;</li>
 * <li>{@code coverage.csv}: one row per way ({@link Coverage.Way}) and episode, then all episodes:
 * way, episode, members, points, insideRuns, insideWithModelError, coverageRuns,
 * coverageWithModelError, widthRuns, widthWithModelError.</li>
 * </ul>
 */
public final class ValidationWriter {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private ValidationWriter() {
    }

    public static void writePoints(Path file, List<EpisodeResult> results) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                csv.printRecord(CsvCells.row("episode", "point", "hours", "observed", "low", "high", "quality", "simMedian",
                        "simP5", "simP95", "overlaps", "log10Error", "replicates", "source"));
                for (EpisodeResult e : results) {
                    for (int i = 0; i < e.points().size(); i++) {
                        PointResult p = e.points().get(i);
                        Observed.Point o = p.point();
                        csv.printRecord(CsvCells.row(e.name(), i + 1, n(o.hours()), n(o.persons()), n(o.low()), n(o.high()),
                                o.quality(), n(p.median()), n(p.p5()), n(p.p95()), p.overlaps() ? "yes" : "no",
                                n(p.log10Error()), e.replicates(), o.source()));
                    }
                }
            }
        });
    }

    /**
     * Writes episodes.csv; {@code facts} and {@code shareLeftOut} (per episode: error, share per
     * hour) are null when the null predictors were not asked for.
     */
    public static void writeEpisodes(Path file, List<EpisodeResult> results, List<NullPredictors.Facts> facts,
            double[][] shareLeftOut) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                List<String> head = new java.util.ArrayList<>(List.of("episode", "file", "grade", "weight", "points",
                        "covered", "coverage", "meanAbsLog10Error", "replicates", "wallSeconds"));
                if (facts != null) {
                    head.addAll(List.of("nullNobodyError", "nullShareError", "nullSharePerHour"));
                }
                csv.printRecord(CsvCells.row(head));
                for (int i = 0; i < results.size(); i++) {
                    EpisodeResult e = results.get(i);
                    Path source = e.episode().scenario().source();
                    List<Object> row = new java.util.ArrayList<>(List.of(e.name(), source == null ? "" : source.toString(),
                            e.episode().observed().grade().name().toLowerCase(java.util.Locale.ROOT), n(e.weight()),
                            e.points().size(), e.covered(), n(e.coverage()), n(e.meanAbsLog10Error()), e.replicates(),
                            n(e.wallSeconds())));
                    if (facts != null) {
                        row.addAll(List.of(n(NullPredictors.nobodyError(facts.get(i))), n(shareLeftOut[i][0]),
                                n(shareLeftOut[i][1])));
                    }
                    csv.printRecord(CsvCells.row(row));
                }
            }
        });
    }

    public static void writeBand(Path file, EpisodeResult e) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                csv.printRecord(CsvCells.row("hours", "median", "p5", "p95"));
                for (int i = 0; i < e.hours().length; i++) {
                    csv.printRecord(CsvCells.row(n(e.hours()[i]), n(e.median()[i]), n(e.p5()[i]), n(e.p95()[i])));
                }
            }
        });
    }

    public static void writeCoverage(Path file, List<List<Coverage.Row>> ways) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                csv.printRecord(CsvCells.row("way", "episode", "members", "points", "insideRuns", "insideWithModelError",
                        "coverageRuns", "coverageWithModelError", "widthRuns", "widthWithModelError"));
                for (List<Coverage.Row> rows : ways) {
                    if (rows.isEmpty()) {
                        continue;
                    }
                    List<Coverage.Row> all = new java.util.ArrayList<>(rows);
                    all.add(Coverage.total(rows, rows.get(0).way()));
                    for (Coverage.Row r : all) {
                        csv.printRecord(CsvCells.row(r.way().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                                r.episode(), r.members(), r.points(), r.insideRuns(), r.insideWithError(),
                                n(r.points() == 0 ? Double.NaN : (double) r.insideRuns() / r.points()),
                                n(r.points() == 0 ? Double.NaN : (double) r.insideWithError() / r.points()),
                                n(r.widthRuns()), n(r.widthWithError())));
                    }
                }
            }
        });
    }

    /** A file-safe form of an episode's name. */
    public static String slug(String name) {
        return FileNames.slug(name, "episode");
    }

    private static String n(double v) {
        return RunWriter.number(v);
    }
}
