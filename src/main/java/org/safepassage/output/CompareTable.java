package org.safepassage.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.experiment.CompareStatistics;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.Sample;
import org.safepassage.experiment.Spread;
import org.safepassage.report.Numbers;

/** The table a planner reads in the terminal after {@code compare}. */
public final class CompareTable {

    private CompareTable() {
    }

    public static String text(Comparison.Result result) {
        int k = result.scenarios().size();
        String baseline = result.name(0);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "left the enclave (95 % CI)", "killed", "still inside", "longest queue",
            k > 1 ? "left, vs " + baseline + " (95 % CI)" : ""});
        for (int s = 0; s < k; s++) {
            Sample left = Sample.of(result.figure(s, "evacuated"));
            String diff = "";
            if (s > 0) {
                Sample d = CompareStatistics.pairedDifference(result.figure(s, "evacuated"), result.figure(0, "evacuated"));
                diff = Numbers.difference(d.mean(), d.ciLow(), d.ciHigh(), 1);
            }
            rows.add(new String[] {result.name(s), Numbers.estimate(left.mean(), left.ciLow(), left.ciHigh(), " to "),
                mean(result.figure(s, "killed")), mean(result.figure(s, "remaining")),
                mean(result.figure(s, "peakQueue")), diff});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "%d scenario(s) x %d replicate(s), common random numbers (base seed %d); means over replicates%n",
                k, result.replicates(), result.baseSeed()));
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                // names left-aligned, numbers right-aligned
                line.append(c == 0 || r == 0 ? cell + pad : pad + cell).append(c < row.length - 1 ? "   " : "");
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /**
     * The spread and its sources, one row per scenario: median and 5th-95th percentile of persons
     * out, the chance of at least N, the runs where the pause held against those cut short, the
     * killed on the way against at home, and the variance split.
     */
    public static String spread(List<Spread> spreads) {
        List<String[]> rows = new ArrayList<>();
        double n = spreads.get(0).atLeast();
        boolean error = spreads.stream().anyMatch(s -> s.withError() != null);
        List<String> head = new ArrayList<>(List.of("scenario", "left: median (5-95 %), runs",
                "chance of " + Numbers.rounded(n, 1) + "+"));
        if (error) {
            head.addAll(List.of("with model error: median (5-95 %)", "chance, with model error"));
        }
        head.addAll(List.of("pause held: runs, median", "cut short: runs, median", "killed on the way / at home (median)",
                error ? "variance: seeds / parameters / inputs / model error" : "variance: seeds / parameters / inputs"));
        rows.add(head.toArray(String[]::new));
        for (Spread s : spreads) {
            List<String> row = new ArrayList<>(List.of(s.scenario(), percentiles(s.evacuated()),
                    String.format(Locale.ROOT, "%.0f %%", 100 * s.chanceAtLeast())));
            if (error) {
                Spread.WithError e = s.withError();
                row.add(e == null ? "-" : Numbers.significant(e.median()) + " (" + Numbers.significant(e.p5()) + " to "
                        + Numbers.significant(e.p95()) + ")");
                row.add(e == null ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * e.chanceAtLeast()));
            }
            row.addAll(List.of(runs(s.held()), runs(s.cutShort()),
                    count(s.killedOnTheWay().median()) + " / " + count(s.killedAtHome().median()), shares(s, error)));
            rows.add(row.toArray(String[]::new));
        }
        return "The spread over the runs (seeds, behaviour ensemble members and the scenarios' ranges drawn per run)"
                + (error ? ", and with the model's error on the observed episodes added (docs/UNCERTAINTY.md):" : ":")
                + System.lineSeparator() + align(rows);
    }

    private static String shares(Spread s, boolean error) {
        if (Double.isNaN(s.shareSeeds())) {
            return "-";
        }
        String three = String.format(Locale.ROOT, "%.0f / %.0f / %.0f", 100 * s.shareSeeds(), 100 * s.shareParameters(),
                100 * s.shareInputs());
        return three + (error ? String.format(Locale.ROOT, " / %.0f", 100 * s.shareModelError()) : "") + " %";
    }

    private static String percentiles(Sample s) {
        return percentiles(s.median(), s.p5(), s.p95());
    }

    private static String percentiles(double median, double p5, double p95) {
        double step = Numbers.step((p95 - p5) / 4, 1);
        return Numbers.rounded(median, step) + " (" + Numbers.rounded(p5, step) + " to "
                + Numbers.rounded(p95, step) + ")";
    }

    private static String runs(Sample s) {
        return s.n() == 0 ? "0" : s.n() + ", " + count(s.median());
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String align(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < rows.get(r).length; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 || r == 0 ? cell + pad : pad + cell).append("   ");
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String mean(double[] values) {
        Sample s = Sample.of(values);
        return Numbers.rounded(s.mean(), Numbers.step((s.ciHigh() - s.ciLow()) / 2, 1));
    }
}
