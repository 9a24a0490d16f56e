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
     *        every episode's error are skipped: see {@link #scoreWithout})
     * @param episodes the episodes' names as in the entries' errors
     * @param weights their weights in the score
     */
    public static List<Fold> folds(List<Journal.Entry> entries, List<String> episodes, double[] weights) {
        List<Fold> out = new ArrayList<>();
        for (int e = 0; e < episodes.size(); e++) {
            int chosen = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < entries.size(); c++) {
                Double own = entries.get(c).errors().get(episodes.get(e));
                if (own == null || !Double.isFinite(own)) {
                    continue; // no error to report on the episode left out
                }
                double s = scoreWithout(entries.get(c).errors(), episodes, weights, episodes.get(e));
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

    /**
     * A candidate's score on a leave-one-out fold, the one rule for both ways of leaving an
     * episode out (by selection here, the fold ensembles in {@link EnsembleBuilder#without}): the
     * weighted mean of its errors on every episode but {@code leftOut}, plus its pattern penalty
     * (0 when it has none). A candidate without a finite error on one of those episodes gets NaN
     * and is skipped, never scored on the episodes it has: it was not scored on the same footing
     * as the others. {@code leftOut} need not be one of {@code episodes} (then the mean is over
     * all of them); its own error plays no part.
     *
     * @param errors the candidate's error per episode name, and the penalty under
     *        {@link CmaesCalibration#PATTERNS}
     * @param episodes the episodes' names
     * @param weights their weights, in {@code episodes}' order
     */
    public static double scoreWithout(Map<String, Double> errors, List<String> episodes, double[] weights,
            String leftOut) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < episodes.size(); i++) {
            if (episodes.get(i).equals(leftOut)) {
                continue;
            }
            Double err = errors.get(episodes.get(i));
            if (err == null || !Double.isFinite(err)) {
                return Double.NaN;
            }
            num += weights[i] * err;
            den += weights[i];
        }
        double penalty = errors.getOrDefault(CmaesCalibration.PATTERNS, 0.0);
        return den > 0 ? num / den + penalty : Double.NaN;
    }
}
