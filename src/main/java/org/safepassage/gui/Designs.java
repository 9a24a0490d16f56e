package org.safepassage.gui;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;

/**
 * The one or two designs the GUI shows: where each comes from, its overrides, its name on screen
 * and its loaded scenario (the first with the seed given, if any).
 *
 * @param sources where each design is loaded from (again at every start)
 * @param sets each design's key-path overrides: the shared ones, and for the second its own too
 * @param names each design's name on screen
 * @param loaded each design as loaded now
 */
public record Designs(List<ScenarioSource> sources, List<List<String>> sets, List<String> names,
        List<ScenarioLoader.Loaded> loaded) {

    /** Two designs side by side that step at different tick lengths (lockstep needs the same). */
    public static final class TickMismatch extends Exception {
        TickMismatch(String message) {
            super(message);
        }
    }

    /**
     * Loads each source with the shared {@code sets}, the second also with {@code setsB}; every
     * problem of both is reported together.
     *
     * @param labels each source's name on screen (the file's name, or the standard input's label)
     * @param seed the first design's seed instead of its file's, or null
     */
    public static Designs load(List<ScenarioSource> sources, List<String> labels, List<String> sets,
            List<String> setsB, Long seed) throws InvalidInputException, TickMismatch {
        List<List<String>> designSets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ScenarioLoader.Loaded> loaded = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            List<String> own = new ArrayList<>(sets);
            if (i == 1) {
                own.addAll(setsB);
            }
            try {
                loaded.add(sources.get(i).load(own));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
            designSets.add(own);
            names.add(i == 1 && !setsB.isEmpty() ? labels.get(i) + " + " + String.join(", ", setsB) : labels.get(i));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (loaded.size() == 2) {
            long a = loaded.get(0).scenario().clock().tickMinutes();
            long b = loaded.get(1).scenario().clock().tickMinutes();
            if (a != b) {
                // lockstep moves both one tick a step: the same tick length keeps them at the same hour
                throw new TickMismatch("the two designs have ticks of " + a + " and " + b + " minutes "
                        + "(clock.tickMinutes); side by side needs the same, e.g. --set-b clock.tickMinutes=" + a);
            }
        }
        if (seed != null) {
            ScenarioLoader.Loaded first = loaded.get(0);
            loaded.set(0, new ScenarioLoader.Loaded(first.scenario().withSeed(seed), first.effective(), first.variation()));
        }
        return new Designs(List.copyOf(sources), designSets, names, loaded);
    }
}
