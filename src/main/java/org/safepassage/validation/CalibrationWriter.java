package org.safepassage.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.CsvCells;
import org.safepassage.metrics.RunWriter;
import org.safepassage.scenario.CalibrationPlan;

/**
 * Writes a calibration's tables, atomically: {@code calibration.csv} (one row per scored
 * candidate: index, stage, replicates, score, episodeScore, then per episode its mean |log10
 * error| and coverage, per pattern check its penalty and what it measured, then one column per
 * searched key path) and {@code best.yaml} (the chosen values
 * as a {@code behaviour:} block to paste into a scenario or use as loader defaults).
 */
public final class CalibrationWriter {

    private CalibrationWriter() {
    }

    public static void writeCandidates(Path file, Calibration.Outcome o) throws IOException {
        List<Calibration.Candidate> rows = new ArrayList<>(o.candidates());
        rows.add(o.defaultsConfirmed());
        rows.addAll(o.confirmed());
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                List<String> header = new ArrayList<>(List.of("candidate", "stage", "replicates", "score",
                        "episodeScore"));
                for (EpisodeResult r : o.defaults().results()) {
                    header.add("error[" + r.name() + "]");
                    header.add("coverage[" + r.name() + "]");
                }
                for (Patterns.Check p : o.defaults().patterns()) {
                    header.add("penalty[" + p.name() + "]");
                    header.add("pattern[" + p.name() + "]");
                }
                o.space().forEach(p -> header.add(p.path()));
                csv.printRecord(CsvCells.row(header));
                for (Calibration.Candidate c : rows) {
                    List<String> row = new ArrayList<>(List.of(Integer.toString(c.index()), c.stage(),
                            Integer.toString(c.replicates()), RunWriter.number(c.score()),
                            RunWriter.number(c.episodeScore())));
                    for (EpisodeResult r : c.results()) {
                        row.add(RunWriter.number(r.meanAbsLog10Error()));
                        row.add(RunWriter.number(r.coverage()));
                    }
                    for (Patterns.Check p : c.patterns()) {
                        row.add(RunWriter.number(p.penalty()));
                        row.add(p.detail());
                    }
                    for (double v : c.values()) {
                        row.add(Double.isNaN(v) ? "" : Calibration.format(v));
                    }
                    csv.printRecord(CsvCells.row(row));
                }
            }
        });
    }

    /**
     * The candidates of a plan's search (one fold of its journal) as calibration.csv, the form
     * {@code safepassage ensemble} reads: candidate (0 the defaults, 1 the plan's start, then the
     * optimiser's in the order scored), stage, replicates, weighted score, per-episode errors and
     * the parameter values (empty for the defaults, which set nothing).
     */
    public static void writePlanCandidates(Path file, List<CalibrationPlan.Parameter> parameters,
            List<Journal.Entry> entries, int replicates) throws IOException {
        AtomicFiles.writeText(file, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                List<String> episodes = entries.isEmpty() ? new ArrayList<>() : new ArrayList<>(entries.get(0).errors().keySet());
                boolean patterns = episodes.remove(CmaesCalibration.PATTERNS);
                List<String> header = new ArrayList<>(List.of("candidate", "stage", "replicates", "score"));
                if (patterns) {
                    header.add("patternPenalty");
                }
                episodes.forEach(e -> header.add("error[" + e + "]"));
                parameters.forEach(p -> header.add(p.path()));
                csv.printRecord(CsvCells.row(header));
                for (int i = 0; i < entries.size(); i++) {
                    Journal.Entry e = entries.get(i);
                    boolean defaults = Arrays.stream(e.values()).allMatch(Double::isNaN);
                    List<String> row = new ArrayList<>(List.of(Integer.toString(i),
                            defaults ? "defaults" : i == 1 ? "start" : "cma-es", Integer.toString(replicates),
                            RunWriter.number(e.score())));
                    if (patterns) {
                        Double p = e.errors().get(CmaesCalibration.PATTERNS);
                        row.add(p == null ? "" : RunWriter.number(p));
                    }
                    for (String ep : episodes) {
                        Double err = e.errors().get(ep);
                        row.add(err == null ? "" : RunWriter.number(err));
                    }
                    for (double v : e.values()) {
                        row.add(Double.isNaN(v) ? "" : Calibration.format(v));
                    }
                    csv.printRecord(CsvCells.row(row));
                }
            }
        });
    }

    /** The best candidate's values as YAML, nested by key path. */
    public static String bestYaml(Calibration.Outcome o) {
        StringBuilder b = new StringBuilder("# best of a calibration: score ")
                .append(RunWriter.number(o.best().score())).append(" over ").append(o.best().replicates())
                .append(" runs per episode (candidate ").append(o.best().index()).append(", ")
                .append(o.gated().stream().anyMatch(g -> g.gate().passed()) ? "passed the pattern gate"
                        : "no pattern gate passed").append(")\n");
        String lastGroup = null;
        for (int i = 0; i < o.space().size(); i++) {
            String path = o.space().get(i).path();
            double v = o.best().values()[i];
            if (Double.isNaN(v)) {
                continue;
            }
            String[] parts = path.split("\\.");
            if (i == 0 || !"behaviour".equals(lastGroup)) {
                b.append(parts[0]).append(":\n");
                lastGroup = parts[0];
            }
            if (parts.length == 2) {
                b.append("  ").append(parts[1]).append(": ").append(Calibration.format(v)).append('\n');
            } else {
                String group = parts[1];
                String previous = i > 0 ? o.space().get(i - 1).path().split("\\.")[1] : "";
                if (!group.equals(previous) || o.space().get(i - 1).path().split("\\.").length == 2) {
                    b.append("  ").append(group).append(":\n");
                }
                b.append("    ").append(parts[2]).append(": ").append(Calibration.format(v)).append('\n');
            }
        }
        return b.toString();
    }
}
