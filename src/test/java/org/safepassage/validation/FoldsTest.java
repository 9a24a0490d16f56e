package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The leave-one-episode-out ensembles: candidates chosen on the other episodes' errors only. */
class FoldsTest {

    private static EnsembleBuilder.Candidate candidate(int index, double errorA, double errorB, double errorC) {
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("a", errorA);
        errors.put("b", errorB);
        errors.put("c", errorC);
        return new EnsembleBuilder.Candidate(index, "cma-es", 1, (errorA + errorB + 0.5 * errorC) / 2.5,
                Map.of("behaviour.weights.trust", Integer.toString(index)), errors);
    }

    private static List<Integer> members(List<EnsembleBuilder.Candidate> candidates, double tolerance) {
        return EnsembleBuilder.build(candidates, tolerance, List.of("a", "b", "c")).members().stream()
                .map(EnsembleBuilder.Candidate::index).toList();
    }

    @Test
    void aFoldChoosesCandidatesOnTheOtherEpisodesErrorsOnly() {
        // candidate 1 is best only thanks to episode a; candidate 2 is good everywhere
        List<EnsembleBuilder.Candidate> all = List.of(candidate(1, 0.0, 0.6, 0.6), candidate(2, 0.3, 0.3, 0.3),
                candidate(3, 0.9, 0.9, 0.9));
        Map<String, Double> weights = Map.of("a", 1.0, "b", 1.0, "c", 0.5);
        assertEquals(List.of(2, 1), members(all, 0.1), "all episodes: 0.30 and 0.36 within 0.1, best first");
        List<EnsembleBuilder.Candidate> withoutA = EnsembleBuilder.without(all, "a", weights);
        assertEquals(0.6, withoutA.get(0).score(), 1e-12, "weighted mean of b and c: (0.6 + 0.5 x 0.6) / 1.5");
        assertEquals(List.of(2), members(withoutA, 0.1), "without a, candidate 1 is 0.3 worse: out of the fold");
        assertEquals(List.of(1, 2), members(EnsembleBuilder.without(all, "c", weights), 0.1), "0.30 each: by index");
        assertEquals(all.get(0).errors(), withoutA.get(0).errors(), "the errors are kept for other folds");
    }

    @Test
    void anEpisodeTheCalibrationDidNotSeeLeavesTheScoresAsTheyWere() {
        List<EnsembleBuilder.Candidate> all = List.of(candidate(1, 0.2, 0.4, 0.6), candidate(2, 0.1, 0.1, 0.1));
        List<EnsembleBuilder.Candidate> same = EnsembleBuilder.without(all, "not-calibrated",
                Map.of("a", 1.0, "b", 1.0, "c", 0.5));
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i).score(), same.get(i).score(), 1e-12);
        }
    }
}
