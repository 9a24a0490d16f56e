package org.safepassage.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.BehaviourParameters;
import org.safepassage.scenario.Parameter;
import org.safepassage.scenario.ScenarioLoader;

/**
 * The parameter inspector: one row per behaviour descriptor with the scenario's value, values
 * outside the descriptor's range refused with a message naming range and unit, and accepted
 * changes turned into the overrides {@code run --set} takes, which load into the same scenario.
 */
class ParameterTableTest {

    private static ParameterTable table(List<String> sets) throws Exception {
        return new ParameterTable(ScenarioLoader.load(Path.of("scenarios", "teaching.yaml"), sets).effective().toPlain());
    }

    @Test
    void everyDescriptorIsARowWithTheScenariosValueOrItsDefault() throws Exception {
        Object effective = ScenarioLoader.load(Path.of("scenarios", "teaching.yaml"), List.of("behaviour.weights.trust=9.5"))
                .effective().toPlain();
        Parameter trust = BehaviourParameters.of("behaviour.weights.trust");
        assertEquals(9.5, ParameterTable.valueIn(effective, trust));
        Parameter radius = BehaviourParameters.of("behaviour.information.wordOfMouthRadiusCells");
        assertEquals(radius.defaultValue(), ParameterTable.valueIn(Map.of(), radius));
        assertTrue(table(List.of()).overrides().isEmpty(), "nothing changed, nothing overridden");
    }

    @Test
    void valuesOutsideTheRangeAreRefusedWithRangeAndUnit() {
        Parameter rate = BehaviourParameters.of("behaviour.maxDecisionRatePerHour");
        assertEquals("maxDecisionRatePerHour: 61 is outside 0 to 60 1/h", ParameterTable.problem(rate, "61"));
        assertEquals("maxDecisionRatePerHour: -0.1 is outside 0 to 60 1/h", ParameterTable.problem(rate, " -0.1 "));
        assertEquals("maxDecisionRatePerHour: 'fast' is not a number; expected 0 to 60 1/h",
                ParameterTable.problem(rate, "fast"));
        assertTrue(ParameterTable.problem(rate, "NaN").contains("outside"));
        assertNull(ParameterTable.problem(rate, "60"));
        assertNull(ParameterTable.problem(rate, "0"));
    }

    @Test
    void acceptedChangesBecomeOverridesThatLoad() throws Exception {
        ParameterTable t = table(List.of());
        assertTrue(t.type("behaviour.weights.trust", "15.25"));
        assertFalse(t.type("behaviour.movement.builtFactor", "2"), "outside 0.01 to 1");
        assertTrue(t.type("behaviour.information.newsDecayHours", "12"));
        List<String> sets = t.overrides();
        assertEquals(List.of("behaviour.weights.trust=15.25", "behaviour.information.newsDecayHours=12"), sets);
        var s = ScenarioLoader.load(Path.of("scenarios", "teaching.yaml"), sets).scenario();
        assertEquals(15.25, s.behaviour().weights().trust());
        assertEquals(12.0, s.behaviour().information().newsDecayHours());
        ParameterTable back = table(List.of());
        back.restore(t.changed());
        assertEquals(sets, back.overrides());
    }

    @Test
    void theScenariosFactsAreListedBySectionPerItemAndReadOnly() throws Exception {
        ParameterTable t = table(List.of("corridors[West gate].widthMetres=6",
                "corridors[East gate].transport={vehicles: 3, seatsPerVehicle: 40, roundTrip: PT1H}"));
        assertEquals(List.of("behaviour", "clock", "map", "population", "pauses", "corridors", "hazards", "front"),
                t.sections(), "the file has no fighters and no events: no heading for them");
        assertEquals("6", t.shown("corridors[West gate].widthMetres"), "the scenario's value, by the corridor's name");
        assertEquals("4", t.shown("corridors[East gate].widthMetres"), "the default where the file has none");
        assertEquals("3", t.shown("corridors[East gate].transport.vehicles"));
        assertEquals("0", t.shown("corridors[East gate].transport.trips"), "a default inside a mapping the item has");
        assertNull(t.shown("corridors[West gate].transport.vehicles"), "no row for a mapping the item lacks");
        assertEquals("2000", t.shown("population.persons"));
        assertEquals("0.0001", t.shown("hazards.deathsPerPersonDay"), "a section the file leaves out: its defaults");
        assertFalse(t.type("corridors[West gate].widthMetres", "8"), "read-only");
        assertEquals("6", t.shown("corridors[West gate].widthMetres"));
        assertTrue(t.type("behaviour.weights.trust", "15.25"));
        assertEquals(List.of("behaviour.weights.trust=15.25"), t.overrides(), "only behaviour becomes overrides");
    }
}
