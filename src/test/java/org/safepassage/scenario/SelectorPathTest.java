package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key paths that select several list items: {@code [*]} every item, {@code [key=value]} the items
 * whose key has that value. One override then reaches, say, every civilian corridor.
 */
class SelectorPathTest {

    private static final Path FILE = Path.of("scenarios/pause-24h.yaml");

    private static Scenario load(String... sets) throws InvalidInputException {
        return ScenarioLoader.load(FILE, List.of(sets)).scenario();
    }

    @Test
    void keyEqualsValueReachesExactlyTheMatchingItems() throws InvalidInputException {
        Scenario base = load();
        Scenario s = load("corridors[kind=civilian].monitoring=neutral");
        assertEquals(base.corridors().size(), s.corridors().size());
        int civilian = 0;
        for (int i = 0; i < s.corridors().size(); i++) {
            Corridor before = base.corridors().get(i);
            Corridor after = s.corridors().get(i);
            if (after.kind() == Corridor.Kind.CIVILIAN) {
                civilian++;
                assertEquals(Corridor.Monitoring.NEUTRAL, after.monitoring(), after.name());
            } else {
                assertEquals(before.monitoring(), after.monitoring(), after.name() + " is not civilian");
            }
        }
        assertTrue(civilian >= 2, "the base has several civilian corridors");
    }

    @Test
    void starReachesEveryItemAndEachGetsItsOwnCopyOfTheValue() throws InvalidInputException {
        Scenario s = load("corridors[*].clashPerHour=0", "corridors[Castello road].clashPerHour=0.5");
        for (Corridor c : s.corridors()) {
            if (c.name().equals("Castello road")) {
                assertEquals(0.5, c.clashPerHour(), 0);
            } else {
                assertEquals(0, c.clashPerHour(), 0, c.name());
            }
        }
    }

    @Test
    void anEqualsSignInsideBracketsIsPartOfThePathNotTheValue() {
        assertEquals(35, ScenarioTree.assignment("corridors[kind=civilian].monitoring=neutral"));
        assertEquals(4, ScenarioTree.assignment("seed=7=8"));
        assertEquals(-1, ScenarioTree.assignment("corridors[kind=civilian]"));
        assertEquals(21, ScenarioTree.assignment("pauses[pause.duration=PT2H"), "unclosed: the path's mistake shows");
    }

    @Test
    void aSelectorThatMatchesNothingIsRefusedWithTheItemsThere() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load("corridors[kind=bus].monitoring=neutral"));
        String message = e.problems().get(0).format();
        assertEquals("--set:1:1: error: corridors[kind=bus].monitoring: no item of 'corridors' matches [kind=bus]: "
                + String.join(", ", corridorNames()) + "; [*] or [key=value] where some item has that value written in the file (defaults are not matched)",
                message);
    }

    @Test
    void valuesSetThroughASelectorAreCheckedLikeAnyOther() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load("corridors[kind=civilian].monitoring=everyone"));
        assertTrue(e.problems().stream().allMatch(p -> p.format().contains("monitoring")), e.getMessage());
        assertNotEquals(0, e.problems().size());
    }

    private static List<String> corridorNames() {
        try {
            return load().corridors().stream().map(Corridor::name).toList();
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }
}
