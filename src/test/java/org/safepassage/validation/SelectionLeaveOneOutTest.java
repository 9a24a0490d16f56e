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

    @Test
    void oneFoldScoreForBothWaysAndACandidateMissingAnotherEpisodesErrorIsSkippedNotScoredOnFewer() {
        Map<String, Double> full = new LinkedHashMap<>(Map.of("a", 0.2, "b", 0.4, "c", 0.9));
        full.put(CmaesCalibration.PATTERNS, 0.1);
        Map<String, Double> noB = new LinkedHashMap<>(Map.of("a", 0.0, "b", Double.NaN, "c", 0.0));
        List<String> names = List.of("a", "b", "c");
        double[] w = {1, 3, 1};
        // Without c: (1 x 0.2 + 3 x 0.4) / 4 + 0.1; c's own 0.9 plays no part.
        assertEquals(0.45, SelectionLeaveOneOut.scoreWithout(full, names, w, "c"), 1e-12);
        // An episode not among the names: the mean over all of them.
        assertEquals((0.2 + 1.2 + 0.9) / 5 + 0.1, SelectionLeaveOneOut.scoreWithout(full, names, w, "elsewhere"),
                1e-12);
        // Missing b's error: skipped in every fold that counts b, not scored on a and c alone ...
        assertEquals(Double.NaN, SelectionLeaveOneOut.scoreWithout(noB, names, w, "a"));
        assertEquals(Double.NaN, SelectionLeaveOneOut.scoreWithout(noB, names, w, "c"));
        // ... and scored where b is the episode left out.
        assertEquals(0.0, SelectionLeaveOneOut.scoreWithout(noB, names, w, "b"), 0);
        // The fold ensembles use the same rule: the candidate missing b is out of the folds of a and c.
        EnsembleBuilder.Candidate good = new EnsembleBuilder.Candidate(1, "cma-es", 1, 0.5, Map.of("k", "1"), full);
        EnsembleBuilder.Candidate partial = new EnsembleBuilder.Candidate(2, "cma-es", 1, 0.0, Map.of("k", "2"), noB);
        Map<String, Double> weights = Map.of("a", 1.0, "b", 3.0, "c", 1.0);
        for (String leftOut : names) {
            List<EnsembleBuilder.Candidate> fold = EnsembleBuilder.without(List.of(good, partial), leftOut, weights);
            assertEquals(SelectionLeaveOneOut.scoreWithout(full, names, w, leftOut), fold.get(0).score(), 0, leftOut);
            assertEquals(leftOut.equals("b") ? List.of(1, 2) : List.of(1),
                    fold.stream().map(EnsembleBuilder.Candidate::index).toList(), leftOut);
        }
        // By selection the candidate missing b is skipped in b's fold too: it has no error there to report.
        List<Journal.Entry> entries = List.of(new Journal.Entry("all", new double[] {0}, 0, 0, noB),
                new Journal.Entry("all", new double[] {0}, 0, 0, full));
        for (SelectionLeaveOneOut.Fold f : SelectionLeaveOneOut.folds(entries, names, w)) {
            assertEquals(1, f.chosen(), f.episode());
        }
    }
}
