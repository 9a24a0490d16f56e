package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranges and distributions in scenario files (issue 18, item 2). */
class UncertainTest {

    @TempDir
    Path dir;

    private Path child(String name, String text) {
        TinyFiles.copyTo(dir);
        return TinyFiles.write(dir.resolve(name), "extends: tiny.yaml\n" + text);
    }

    private static List<String> problems(Path file) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioLoader.load(file, List.of()));
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    void theQuantileIsAPureFunctionOfSeedAndKeyPath() {
        double q = Uncertain.quantile(42, "pauses[pause].credibility");
        assertEquals(q, Uncertain.quantile(42, "pauses[pause].credibility"));
        assertNotEquals(q, Uncertain.quantile(43, "pauses[pause].credibility"));
        assertNotEquals(q, Uncertain.quantile(42, "population.persons"));
        assertTrue(q >= 0 && q < 1);
    }

    @Test
    void eachDistributionsQuantilesAreRight() {
        assertEquals(0.2, Uncertain.triangular(0, 0.2, 1, 0.2), 1e-12, "the mode at F(mode) = (c - a) / (b - a)");
        assertEquals(0.0, Uncertain.triangular(0, 0.2, 1, 0), 1e-12);
        assertEquals(1.0, Uncertain.triangular(0, 0.2, 1, 1), 1e-12);
        assertEquals(0.0, Uncertain.truncatedNormal(0, 1, -1, 1, 0.5), 1e-9, "median of a symmetric truncation");
        assertEquals(-1.0, Uncertain.truncatedNormal(0, 1, -1, 1, 0), 1e-9);
        assertEquals(1.0, Uncertain.truncatedNormal(0, 1, -1, 1, 1), 1e-9);
    }

    @Test
    void theNominalScenarioTakesEachMedianAndWholeEndsDrawWholeNumbers() throws Exception {
        Path f = child("u.yaml", "population:\n  persons: {triangular: [150, 200, 250]}\n"
                + "pauses:\n  - name: pause\n    credibility: {uniform: [0.1, 0.3]}\n"
                + "    duration: {uniform: [PT2H, PT6H]}\n");
        ScenarioLoader.Loaded l = ScenarioLoader.load(f, List.of());
        assertEquals(200, l.scenario().population().persons());
        assertEquals(0.2, l.scenario().pauses().get(0).credibility(), 1e-12);
        assertEquals(Duration.ofHours(4), l.scenario().pauses().get(0).duration());
        Set<Long> persons = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            Scenario s = l.variation().draw(seed).scenario();
            assertEquals(seed, s.seed());
            assertTrue(s.population().persons() >= 150 && s.population().persons() <= 250);
            double c = s.pauses().get(0).credibility();
            assertTrue(c >= 0.1 && c <= 0.3, "credibility " + c);
            persons.add(s.population().persons());
        }
        assertTrue(persons.size() > 10, "replicates draw different values: " + persons);
    }

    @Test
    void twoScenariosDrawTheSameQuantileForTheSameKeyInTheSameReplicate() throws Exception {
        Variation a = ScenarioLoader.load(child("a.yaml", "pauses:\n  - name: pause\n"
                + "    credibility: {uniform: [0.1, 0.3]}\n"), List.of()).variation();
        Variation b = ScenarioLoader.load(child("b.yaml", "pauses:\n  - name: pause\n    duration: PT8H\n"
                + "    credibility: {uniform: [0.1, 0.3]}\n"), List.of()).variation();
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(a.draw(seed).scenario().pauses().get(0).credibility(),
                    b.draw(seed).scenario().pauses().get(0).credibility(), "common random numbers, seed " + seed);
        }
    }

    @Test
    void aChoiceDrawsItsOptionsByWeight() throws Exception {
        Variation v = ScenarioLoader.load(child("c.yaml", "corridors:\n  - name: gate\n"
                + "    monitoring: {choice: {none: 0.75, neutral: 0.25}}\n"), List.of()).variation();
        int neutral = 0;
        for (long seed = 1; seed <= 400; seed++) {
            neutral += v.draw(seed).scenario().corridors().get(0).monitoring() == Corridor.Monitoring.NEUTRAL ? 1 : 0;
        }
        assertTrue(neutral > 70 && neutral < 130, neutral + " of 400 neutral, expected about 100");
    }

    @Test
    void bothEndsAreCheckedAndEachMistakeSaysWhichEnd() {
        Path f = child("bad.yaml", "pauses:\n  - name: pause\n    credibility: {uniform: [-0.2, 1.3]}\n"
                + "    duration: {normal: [1, 2]}\n"
                + "clock:\n  horizon: {uniform: [PT6H, PT12H]}\n");
        assertEquals(List.of(
                f + ":4:18: error: pauses[0].credibility: found -0.2 (the low end of the uniform); a number from 0 to 1",
                f + ":4:18: error: pauses[0].credibility: found 1.3 (the high end of the uniform); a number from 0 to 1",
                f + ":5:24: error: pauses[pause].duration: found a list; normal: [mean, sd, low, high] with sd above 0 "
                        + "and low below high",
                f + ":7:12: error: clock.horizon: a uniform in clock; a plain value: the clock, map, seed, observations "
                        + "and names are the frame every replicate shares (ranges are for the district's numbers, "
                        + "pauses, corridors, fighters, hazards and behaviour)"), problems(f));
    }

    @Test
    void aFileWithoutRangesDoesNotVary() throws Exception {
        Variation v = ScenarioLoader.load(TinyFiles.copyTo(dir), List.of()).variation();
        assertTrue(!v.varies());
        assertEquals(9, v.draw(9).scenario().seed());
    }
}
