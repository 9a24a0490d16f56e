package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.metrics.SingleRun;

/**
 * {@code corridors[].open: false} leaves a crossing out of the scenario, as if it were not
 * written; a wrong value and a fighter group leaving by a closed corridor are reported where
 * they are written.
 */
class ClosedCorridorTest {

    private static final Path FILE = Path.of("scenarios/pause-24h.yaml");

    private static Scenario load(String... sets) throws InvalidInputException {
        return ScenarioLoader.load(FILE, List.of(sets)).scenario();
    }

    @Test
    void aClosedCorridorIsLeftOutAndTheOthersAreUntouched() throws InvalidInputException {
        Scenario base = load();
        Scenario s = load("corridors[Sheikh Saeed].open=false", "corridors[Salaheddine].open=true");
        assertEquals(base.corridors().size() - 1, s.corridors().size());
        assertEquals(-1, s.corridorIndex("Sheikh Saeed"));
        assertTrue(s.corridorIndex("Salaheddine") >= 0, "open: true changes nothing");
        for (Corridor c : s.corridors()) {
            assertEquals(base.corridors().get(base.corridorIndex(c.name())), c, c.name());
        }
    }

    @Test
    void fewerCrossingsGetNoMoreOutThroughCorridors() throws InvalidInputException {
        Scenario all = load("population.persons=20000", "pauses[pause].credibility=0.9");
        Scenario one = load("population.persons=20000", "pauses[pause].credibility=0.9",
                "corridors[kind=civilian].open=false",
                "corridors[Castello road].open=true");
        assertEquals(1, one.corridors().stream().filter(c -> c.kind() == Corridor.Kind.CIVILIAN).count());
        double throughAll = SingleRun.run(all).summary().figures().get("evacuatedThroughCorridors");
        double throughOne = SingleRun.run(one).summary().figures().get("evacuatedThroughCorridors");
        assertTrue(throughOne < throughAll, "one crossing " + throughOne + ", all " + throughAll);
    }

    @Test
    void aValueOtherThanTrueOrFalseIsReportedAtIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load("corridors[Salaheddine].open=maybe"));
        assertEquals("--set:1:29: error: corridors[4].open: found 'maybe'; true or false",
                e.problems().get(0).format(), "the index of the item as written");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void aFighterGroupCannotLeaveByAClosedCorridor() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> load("corridors[Castello road fighters].open=false"));
        Problem p = e.problems().get(0);
        assertTrue(p.file().endsWith("east-aleppo.yaml"), p.format());
        assertTrue(p.keyPath().endsWith(".leavesBy"), p.format());
        assertEquals("corridor 'Castello road fighters', which is closed (corridors[1].open: false)", p.found());
        assertFalse(e.problems().stream().anyMatch(q -> q.found().startsWith("no corridor named")),
                "reported once, not again as an unknown corridor: " + e.getMessage());
    }
}
