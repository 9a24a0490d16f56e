package org.safepassage.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leave-one-episode-out by selection (docs/CALIBRATION.md): for each episode, the candidate of an
 * existing search that scores best on the other episodes alone (their weighted mean error plus
 * the pattern penalty), and that candidate's error on the episode left out. No new runs: the
 * candidates and their per-episode errors are the search's journal. Weaker than refitting each
 * fold ({@code --leave-one-out}), because the search that proposed the candidates saw every
 * episode; stronger than the in-sample error, because the left-out episode has no say in which
 * candidate is chosen.
 */
public final class SelectionLeaveOneOut {

    /**
     * One fold.
     *
     * @param episode the episode left out
     * @param chosen index (in the order scored) of the candidate chosen without it
     * @param leftOutError that candidate's error on the episode
     * @param foldScore that candidate's score on the other episodes
     */
    public record Fold(String episode, int chosen, double leftOutError, double foldScore) {
    }

    private SelectionLeaveOneOut() {
    }

    /**
     * The folds, one per episode in {@code episodes}' order.
     *
     * @param entries the scored candidates of one search, in the order scored (entries without
     *        every episode's error are skipped)
     * @param episodes the episodes' names as in the entries' errors
     * @param weights their weights in the score
     */
    public static List<Fold> folds(List<Journal.Entry> entries, List<String> episodes, double[] weights) {
        List<Fold> out = new ArrayList<>();
        for (int e = 0; e < episodes.size(); e++) {
            int chosen = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < entries.size(); c++) {
                double s = scoreWithout(entries.get(c).errors(), episodes, weights, e);
                if (s < best) {
                    best = s;
                    chosen = c;
                }
            }
            if (chosen < 0) {
                throw new IllegalArgumentException("no candidate has errors for every episode");
            }
            out.add(new Fold(episodes.get(e), chosen, entries.get(chosen).errors().get(episodes.get(e)), best));
        }
        return out;
    }

    /** Weighted mean error over the episodes but {@code leftOut}, plus the pattern penalty; NaN when one is missing. */
    static double scoreWithout(Map<String, Double> errors, List<String> episodes, double[] weights, int leftOut) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < episodes.size(); i++) {
            Double err = errors.get(episodes.get(i));
            if (err == null || !Double.isFinite(err)) {
                return Double.NaN;
            }
            if (i != leftOut) {
                num += weights[i] * err;
                den += weights[i];
            }
        }
        double penalty = errors.getOrDefault(CmaesCalibration.PATTERNS, 0.0);
        return den > 0 ? num / den + penalty : Double.NaN;
    }
}
