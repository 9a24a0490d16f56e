package org.safepassage.validation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safepassage.scenario.Ensemble;
import org.safepassage.scenario.YamlNode;

/**
 * Builds a behaviour ensemble from a calibration's candidates (docs/CALIBRATION.md, "Ensemble"):
 * every candidate whose score is within {@code tolerance} of the best (in the score's own unit,
 * mean |log10 error|), each with the same weight. A parameter set scored more than once (the
 * confirmation runs it again, with more replicates, under a new candidate number) counts once,
 * with its most-replicated score.
 */
public final class EnsembleBuilder {

    /**
     * One candidate as calibration.csv holds it.
     *
     * @param errors its error per episode ({@code error[EPISODE]} columns), for the leave-one-episode-out folds
     */
    public record Candidate(int index, String stage, int replicates, double score, Map<String, String> values,
            Map<String, Double> errors) {
    }

    /** The members chosen, best first, and what the file needs to say where they come from. */
    public record Built(List<Candidate> members, double bestScore, double tolerance, int candidates,
            List<String> episodes) {
    }

    private EnsembleBuilder() {
    }

    /** Reads calibration.csv: per candidate the row with the most replicates; behaviour.* columns only. */
    public static List<Candidate> read(Path csv, List<String> episodes) throws IOException {
        Map<Integer, Candidate> byIndex = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(csv);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> keys = p.getHeaderNames().stream().filter(h -> h.startsWith("behaviour.")).toList();
            p.getHeaderNames().stream().filter(h -> h.startsWith("error[")).forEach(
                    h -> episodes.add(h.substring(6, h.length() - 1)));
            if (keys.isEmpty() || !p.getHeaderNames().contains("score")) {
                throw new IOException(csv + ": no score and behaviour.* columns; expected the calibration.csv "
                        + "that 'safepassage calibrate' writes");
            }
            for (CSVRecord row : p) {
                double score = Double.parseDouble(row.get("score"));
                if (!Double.isFinite(score)) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String k : keys) {
                    if (!row.get(k).isEmpty()) {
                        values.put(k, row.get(k));
                    }
                }
                if (values.isEmpty()) {
                    continue; // the defaults' row: their values are the scenario's own, counted by their confirmation
                }
                Map<String, Double> errors = new LinkedHashMap<>();
                for (String e : episodes) {
                    String cell = row.get("error[" + e + "]");
                    errors.put(e, cell.isEmpty() ? Double.NaN : Double.parseDouble(cell));
                }
                if (p.getHeaderNames().contains("patternPenalty") && !row.get("patternPenalty").isEmpty()) {
                    errors.put(CmaesCalibration.PATTERNS, Double.parseDouble(row.get("patternPenalty")));
                }
                Candidate c = new Candidate(Integer.parseInt(row.get("candidate")), row.get("stage"),
                        Integer.parseInt(row.get("replicates")), score, values, errors);
                Candidate old = byIndex.get(c.index());
                if (old == null || c.replicates() > old.replicates()) {
                    byIndex.put(c.index(), c);
                }
            }
        }
        // The confirmation runs a candidate again under a new number: one parameter set counts once,
        // with its most-replicated score.
        Map<Map<String, String>, Candidate> bySet = new LinkedHashMap<>();
        for (Candidate c : byIndex.values()) {
            Candidate old = bySet.get(c.values());
            if (old == null || c.replicates() > old.replicates()
                    || c.replicates() == old.replicates() && c.score() < old.score()) {
                bySet.put(c.values(), c);
            }
        }
        return new ArrayList<>(bySet.values());
    }

    /** The candidates within {@code tolerance} of the best score, best first. */
    public static Built build(List<Candidate> candidates, double tolerance, List<String> episodes) {
        double best = candidates.stream().mapToDouble(Candidate::score).min().orElseThrow();
        List<Candidate> members = candidates.stream().filter(c -> c.score() <= best + tolerance)
                .sorted(Comparator.comparingDouble(Candidate::score).thenComparingInt(Candidate::index)).toList();
        return new Built(members, best, tolerance, candidates.size(), episodes);
    }

    /**
     * The candidates rescored without {@code leftOut}: each one's score becomes its fold score,
     * {@link SelectionLeaveOneOut#scoreWithout} (the weighted mean of its errors on the other
     * episodes, {@code weights} by episode name, 1 for an episode not named, plus the pattern
     * penalty where the calibration scored one), so that the fold's ensemble ({@link #build} on
     * them) never saw the episode it is tried on. A candidate without an error on one of the other
     * episodes is left out of the fold.
     */
    public static List<Candidate> without(List<Candidate> candidates, String leftOut, Map<String, Double> weights) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            List<String> episodes = c.errors().keySet().stream().filter(k -> !k.equals(CmaesCalibration.PATTERNS))
                    .toList();
            double[] w = episodes.stream().mapToDouble(e -> weights.getOrDefault(e, 1.0)).toArray();
            double score = SelectionLeaveOneOut.scoreWithout(c.errors(), episodes, w, leftOut);
            if (!Double.isNaN(score)) {
                out.add(new Candidate(c.index(), c.stage(), c.replicates(), score, c.values(), c.errors()));
            }
        }
        return out;
    }

    /** The members as an ensemble that runs can draw from, equal weights, labelled as in the file. */
    public static Ensemble ensemble(Built b, Path file, String name) {
        List<Ensemble.Member> members = new ArrayList<>();
        for (Candidate c : b.members()) {
            Map<String, YamlNode> sets = new LinkedHashMap<>();
            c.values().forEach((k, v) -> sets.put(k, YamlNode.scalar(v, false, file.toString(), 0, 0)));
            members.add(new Ensemble.Member(1.0 / b.members().size(), "candidate " + c.index(), sets));
        }
        return new Ensemble(file, name, Map.of("tolerance", fmt(b.tolerance()), "bestScore", fmt(b.bestScore())),
                members);
    }

    /** The ensemble file's text. */
    public static String yaml(Built b, Map<String, String> provenance) {
        StringBuilder y = new StringBuilder();
        y.append("# Behaviour ensemble: every calibration candidate within ").append(fmt(b.tolerance()))
                .append(" of the best score (").append(fmt(b.bestScore())).append("), equal weights.\n")
                .append("# Written by 'safepassage ensemble'; regenerate it, do not edit it (docs/CALIBRATION.md).\n")
                .append("schemaVersion: 1\nname: behaviour\n")
                .append("description: >-\n  ").append(b.members().size()).append(" behaviour parameter sets of ")
                .append(b.candidates()).append(" calibration candidates that reproduce the episodes (")
                .append(String.join(", ", b.episodes())).append(") about equally well.\n");
        y.append("provenance:\n");
        provenance.forEach((k, v) -> y.append("  ").append(k).append(": ").append(quote(v)).append('\n'));
        y.append("members:\n");
        double w = 1.0 / b.members().size();
        for (Candidate c : b.members()) {
            y.append("  - label: ").append(quote("candidate " + c.index() + " (" + c.stage() + ", "
                    + c.replicates() + " run" + (c.replicates() == 1 ? "" : "s") + " per episode)")).append('\n')
                    .append("    weight: ").append(fmt(w)).append('\n')
                    .append("    score: ").append(fmt(c.score())).append('\n')
                    .append("    set:\n");
            c.values().forEach((k, v) -> y.append("      ").append(k).append(": ").append(v).append('\n'));
        }
        return y.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
