package org.safepassage.advisor;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.experiment.RunsFile;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.scenario.DesignSpec;

/**
 * The tidy files of a design search: {@code evaluations.csv} (every run, in candidate and state
 * order), {@code candidates.csv} (every design considered, on the states it was run in),
 * {@code front.csv} (the Pareto front of robust designs with the spread of each objective's
 * figure) and {@code regret.csv} (the recommended design's regret in each state of the world).
 * Each is written whole and atomically, in an order that depends on nothing but the runs.
 */
public final class DesignOutput {

    private DesignOutput() {
    }

    /** Writes the CSV files into {@code dir}. */
    public static void write(Advisor.Result result, Path dir) throws IOException {
        DesignSpec spec = result.spec();
        AtomicFiles.writeText(dir.resolve("evaluations.csv"), w -> evaluations(result, w));
        AtomicFiles.writeText(dir.resolve("candidates.csv"), w -> designs(result, result.considered(), w));
        AtomicFiles.writeText(dir.resolve("front.csv"), w -> designs(result, result.front(), w));
        if (result.regret() != null) {
            AtomicFiles.writeText(dir.resolve("regret.csv"), w -> {
                try (CSVPrinter p = new CSVPrinter(w, RunsFile.FORMAT)) {
                    p.printRecord("replicate", "seed", "regret " + result.regret().figure());
                    double[] r = result.regret().perState();
                    for (int i = 0; i < r.length; i++) {
                        p.printRecord(i, result.runs().get(result.recommended().candidate()).get(i).seed(), num(r[i]));
                    }
                }
            });
        }
        if (spec.levers().isEmpty()) {
            throw new IllegalStateException("no levers");
        }
    }

    /** Figure names of the runs, in run order (the same in every run). */
    static List<String> figureNames(Advisor.Result result) {
        Set<String> names = new LinkedHashSet<>();
        for (TreeMap<Integer, Evaluation> runs : result.runs().values()) {
            for (Evaluation e : runs.values()) {
                names.addAll(e.outcome().figures().keySet());
                return new ArrayList<>(names);
            }
        }
        return List.of();
    }

    private static List<String> quantileNames(Advisor.Result result) {
        Set<String> names = new LinkedHashSet<>();
        for (TreeMap<Integer, Evaluation> runs : result.runs().values()) {
            for (Evaluation e : runs.values()) {
                names.addAll(e.outcome().quantiles().keySet());
            }
        }
        return new ArrayList<>(names);
    }

    private static void evaluations(Advisor.Result result, Writer w) throws IOException {
        DesignSpec spec = result.spec();
        List<String> figures = figureNames(result);
        List<String> quantiles = quantileNames(result);
        try (CSVPrinter p = new CSVPrinter(w, RunsFile.FORMAT)) {
            List<Object> header = new ArrayList<>(List.of("design"));
            spec.levers().forEach(l -> header.add(l.path()));
            header.addAll(List.of("replicate", "seed", "member"));
            quantiles.forEach(q -> header.add("quantile " + q));
            header.addAll(figures);
            p.printRecord(header);
            for (Map.Entry<Candidate, TreeMap<Integer, Evaluation>> e : result.runs().entrySet()) {
                List<String> values = e.getKey().values(spec);
                for (Evaluation ev : e.getValue().values()) {
                    List<Object> row = new ArrayList<>();
                    row.add(e.getKey().key());
                    row.addAll(values);
                    row.add(ev.replicate());
                    row.add(ev.seed());
                    row.add(ev.outcome().member());
                    for (String q : quantiles) {
                        Double v = ev.outcome().quantiles().get(q);
                        row.add(v == null ? "" : num(v));
                    }
                    for (String f : figures) {
                        Double v = ev.outcome().figures().get(f);
                        row.add(v == null ? "" : num(v));
                    }
                    p.printRecord(row);
                }
            }
        }
    }

    /** The spread columns of a design: p5, median and p95 of each objective's figure. */
    public static List<String> spreadFigures(DesignSpec spec) {
        Set<String> figures = new LinkedHashSet<>();
        spec.objectives().forEach(o -> figures.add(o.figure()));
        spec.constraints().forEach(c -> figures.add(c.figure()));
        return new ArrayList<>(figures);
    }

    /** p5, median, p95 of a figure over a design's runs. */
    public static double[] spread(Advisor.Result result, Candidate c, String figure, int replicates) {
        double[] v = new double[replicates];
        TreeMap<Integer, Evaluation> runs = result.runs().get(c);
        for (int r = 0; r < replicates; r++) {
            v[r] = runs.get(r).outcome().figures().getOrDefault(figure, Double.NaN);
        }
        return new double[] {Evaluator.statistic("p5", v), Evaluator.statistic("p50", v),
            Evaluator.statistic("p95", v)};
    }

    private static void designs(Advisor.Result result, List<Advisor.Scored> designs, Writer w) throws IOException {
        DesignSpec spec = result.spec();
        List<String> spreads = spreadFigures(spec);
        try (CSVPrinter p = new CSVPrinter(w, RunsFile.FORMAT)) {
            List<Object> header = new ArrayList<>(List.of("design"));
            spec.levers().forEach(l -> header.add(l.path()));
            header.add("replicates");
            spec.objectives().forEach(o -> header.add(o.figure() + " " + o.statistic()));
            spec.constraints().forEach(c -> header.add("share " + c.label()));
            header.add("withinBounds");
            header.add("recommended");
            for (String f : spreads) {
                header.addAll(List.of(f + " p5", f + " median", f + " p95"));
            }
            p.printRecord(header);
            for (Advisor.Scored s : designs) {
                List<Object> row = new ArrayList<>();
                row.add(s.candidate().key());
                row.addAll(s.candidate().values(spec));
                row.add(s.replicates());
                Arrays.stream(s.objectives()).forEach(v -> row.add(num(v)));
                Arrays.stream(s.shares()).forEach(v -> row.add(num(v)));
                row.add(s.feasible());
                row.add(result.recommended() != null && result.recommended().candidate().equals(s.candidate()));
                for (String f : spreads) {
                    for (double v : spread(result, s.candidate(), f, s.replicates())) {
                        row.add(num(v));
                    }
                }
                p.printRecord(row);
            }
        }
    }

    /** A number as the files write it: whole numbers without a decimal point, others to 6 significant digits. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The manifest's fields about the search (the command adds program and input facts). */
    /** The manifest's words for how the search ran. */
    public static String searchAlgorithm(DesignSpec design) {
        return "NSGA-II (MOEA Framework 4.5), population " + design.search().population()
                + ", seeded with Seeds.stream(seed, " + Advisor.SEARCH_STREAM + "); successive halving keeping "
                + design.search().keep() + " of each stage but the last, always its first front, and at most as "
                + "many designs a one-sided paired t-test (level " + Advisor.DROP_LEVEL + ") over the common states "
                + "cannot show worse than the leader on the first objective (the largest p-values first); the last "
                + "stage runs the first front of the stage before it";
    }

    /** The manifest's words for which seed each run gets. */
    public static final String SEED_FUNCTION = "state of the world r (from 0) runs with Seeds.runSeed(seed, r), the "
            + "same for every design (common random numbers); the seed draws the ensemble member and every "
            + "uncertain input's quantile";

    public static Map<String, Object> manifest(Advisor.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        DesignSpec spec = result.spec();
        m.put("seed", spec.search().seed());
        m.put("stages", result.stages().stream()
                .map(s -> {
                    Map<String, Object> stage = new LinkedHashMap<>();
                    stage.put("replicates", s.replicates());
                    stage.put("designs", s.designs());
                    stage.put("keptAsContenders", s.contenders());
                    return stage;
                }).toList());
        m.put("start", spec.search().start().stream().map(DesignSpec.Start::name).toList());
        m.put("designsConsidered", result.considered().size());
        m.put("invalidDesigns", result.invalid().size());
        m.put("frontDesigns", result.front().size());
        m.put("runs", result.runsKept());
        m.put("runsWithoutRacing", result.runsWithoutRacing());
        m.put("recommended", result.recommended() == null ? null : result.recommended().candidate().key());
        return m;
    }
}
