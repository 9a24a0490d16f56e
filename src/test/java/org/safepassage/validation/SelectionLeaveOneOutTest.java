package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leave-one-out by selection: the candidate chosen for a fold is the best on the other
 * episodes (weighted, with the pattern penalty), whatever its error on the episode left out,
 * and that error is what the fold reports.
 */
class SelectionLeaveOneOutTest {

    private static Journal.Entry entry(double a, double b, double c, double patterns) {
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("a", a);
        errors.put("b", b);
        errors.put("c", c);
        errors.put(CmaesCalibration.PATTERNS, patterns);
        return new Journal.Entry("all", new double[] {0}, Double.NaN, 0, errors);
    }

    @Test
    void eachFoldChoosesWithoutTheEpisodeItLeavesOut() {
        List<Journal.Entry> entries = List.of(
                entry(0.1, 0.1, 2.0, 0), // best on a and b, bad on c
                entry(0.5, 0.5, 0.1, 0), // best overall
                entry(0.0, 0.3, 0.1, 0.5)); // best on a and c but for its pattern penalty
        List<SelectionLeaveOneOut.Fold> folds = SelectionLeaveOneOut.folds(entries, List.of("a", "b", "c"),
                new double[] {1, 1, 1});
        // Without c, candidate 0 wins (0.1 against 0.5 and 0.65), and c's left-out error is its 2.0.
        assertEquals(0, folds.get(2).chosen());
        assertEquals(2.0, folds.get(2).leftOutError(), 0);
        assertEquals(0.1, folds.get(2).foldScore(), 1e-12);
        // Without a: (0.1 + 2.0) / 2 = 1.05, (0.5 + 0.1) / 2 = 0.3, (0.3 + 0.1) / 2 + 0.5 = 0.7: candidate 1.
        assertEquals(1, folds.get(0).chosen());
        assertEquals(0.5, folds.get(0).leftOutError(), 0);
    }

    @Test
    void theLeftOutEpisodesOwnErrorsNeverChangeTheChoice() {
        List<String> names = List.of("a", "b", "c");
        double[] w = {1, 0.5, 1};
        List<Journal.Entry> entries = List.of(entry(0.2, 0.4, 0.9, 0), entry(0.3, 0.1, 0.2, 0), entry(0.9, 0.9, 0.0, 0));
        List<Journal.Entry> changed = List.of(entry(0.2, 0.4, 0.0, 0), entry(0.3, 0.1, 3.0, 0), entry(0.9, 0.9, 0.0, 0));
        assertEquals(SelectionLeaveOneOut.folds(entries, names, w).get(2).chosen(),
                SelectionLeaveOneOut.folds(changed, names, w).get(2).chosen());
    }

    @Test
    void candidatesMissingAnEpisodeAreSkipped() {
        Map<String, Double> partial = new LinkedHashMap<>(Map.of("a", 0.0, "b", 0.0));
        List<Journal.Entry> entries = List.of(new Journal.Entry("all", new double[] {0}, 0, 0, partial),
                entry(0.4, 0.4, 0.4, 0));
        assertEquals(1, SelectionLeaveOneOut.folds(entries, List.of("a", "b", "c"), new double[] {1, 1, 1}).get(0)
                .chosen());
    }
}
