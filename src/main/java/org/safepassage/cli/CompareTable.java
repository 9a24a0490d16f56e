package org.safepassage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.experiment.CompareStatistics;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.Sample;
import org.safepassage.report.Numbers;

/** The table a planner reads in the terminal after {@code compare}. */
final class CompareTable {

    private CompareTable() {
    }

    static String text(Comparison.Result result) {
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

    private static String mean(double[] values) {
        Sample s = Sample.of(values);
        return Numbers.rounded(s.mean(), Numbers.step((s.ciHigh() - s.ciLow()) / 2, 1));
    }
}
