package org.safepassage.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safepassage.scenario.Ensemble;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.YamlNode;

/**
 * The leave-one-episode-out ensembles (docs/UNCERTAINTY.md): for each episode, the calibration's
 * candidates rescored without it ({@link EnsembleBuilder#without}) and kept within the tolerance
 * of the best of those scores, so that the runs tried on the episode come from parameter sets
 * chosen without it.
 */
public final class Folds {

    /**
     * One episode's fold.
     *
     * @param episode the episode left out
     * @param ensemble the candidates chosen without it
     * @param sameAsShipped whether they are the shipped ensemble's members (then its runs serve)
     */
    public record Fold(String episode, Ensemble ensemble, boolean sameAsShipped) {
    }

    private Folds() {
    }

    /** The fold of every episode, in order. */
    public static List<Fold> of(Path calibration, List<Episode> episodes, Ensemble shipped, double tolerance)
            throws IOException {
        List<String> calibrated = new ArrayList<>();
        List<EnsembleBuilder.Candidate> candidates = EnsembleBuilder.read(calibration, calibrated);
        if (candidates.isEmpty()) {
            throw new IOException(calibration + ": no scored candidate");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        episodes.forEach(e -> weights.put(e.name(), e.observed().weight()));
        Set<Map<String, String>> shippedSets = sets(shipped);
        List<Fold> out = new ArrayList<>();
        for (Episode e : episodes) {
            List<EnsembleBuilder.Candidate> rescored = EnsembleBuilder.without(candidates, e.name(), weights);
            EnsembleBuilder.Built b = EnsembleBuilder.build(rescored, tolerance, calibrated);
            Set<Map<String, String>> fold = new HashSet<>();
            b.members().forEach(c -> fold.add(c.values()));
            out.add(new Fold(e.name(), EnsembleBuilder.ensemble(b, calibration, "without " + e.name()),
                    fold.equals(shippedSets)));
        }
        return out;
    }

    private static Set<Map<String, String>> sets(Ensemble e) {
        Set<Map<String, String>> out = new HashSet<>();
        for (Ensemble.Member m : e.members()) {
            Map<String, String> values = new LinkedHashMap<>();
            m.sets().forEach((k, v) -> values.put(k, ((YamlNode) v).text()));
            out.add(values);
        }
        return out;
    }

    /** The tolerance an ensemble was built with (its provenance), or null when it does not say. */
    public static Double tolerance(Ensemble e) {
        String t = e.provenance().get("tolerance");
        try {
            return t == null ? null : Double.valueOf(t);
        } catch (NumberFormatException x) {
            return null;
        }
    }
}
