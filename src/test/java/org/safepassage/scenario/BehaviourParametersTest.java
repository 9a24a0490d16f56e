package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour keys are data: one descriptor each drives the loader, check's messages and the ODD table. */
class BehaviourParametersTest {

    /** Rows of docs/ODD.md whose key starts with {@code behaviour.}: key → [default, unit, meaning]. */
    private static Map<String, String[]> oddRows() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs", "ODD.md"))) {
            if (line.startsWith("| `behaviour.")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].trim().replace("`", ""),
                        new String[] {cells[2].trim(), cells[3].trim(), cells[4].trim()});
            }
        }
        return rows;
    }

    @Test
    void theOddTableListsEveryBehaviourKeyWithItsDescriptorsDefaultUnitAndMeaning() throws IOException {
        Map<String, String[]> rows = oddRows();
        for (Parameter p : BehaviourParameters.ALL) {
            String[] row = rows.get(p.path());
            assertNotNull(row, "docs/ODD.md has no row for " + p.path());
            assertEquals(p.defaultValue(), Double.parseDouble(row[0].replace('−', '-')), 0, p.path() + " default");
            assertEquals(p.unit(), row[1], p.path() + " unit");
            assertEquals(p.meaning(), row[2], p.path() + " meaning");
        }
        for (String key : rows.keySet()) {
            assertNotNull(BehaviourParameters.of(key), "docs/ODD.md lists " + key + ", which has no descriptor");
        }
    }

    @Test
    void everyNumberOfBehaviourHasADescriptor() {
        for (Class<?> type : new Class<?>[] {Behaviour.Weights.class, Behaviour.Information.class,
            Behaviour.CorridorChoice.class, Behaviour.Movement.class}) {
            for (RecordComponent c : type.getRecordComponents()) {
                long n = BehaviourParameters.ALL.stream().filter(p -> p.key().equals(c.getName())
                        && p.section().startsWith("behaviour.")).count();
                assertTrue(n >= 1, type.getSimpleName() + "." + c.getName() + " has no descriptor");
            }
        }
    }

    @Test
    void aFileWithoutBehaviourGetsEveryDefault() {
        Scenario s = org.safepassage.sim.TestScenarios.mechanism("base.yaml");
        Behaviour b = s.behaviour();
        assertEquals(BehaviourParameters.of("behaviour.weights.trust").defaultValue(), b.weights().trust());
        assertEquals(BehaviourParameters.of("behaviour.information.newsDecayHours").defaultValue(),
                b.information().newsDecayHours());
        assertEquals(BehaviourParameters.of("behaviour.corridorChoice.perClash").defaultValue(), b.choice().perClash());
        assertEquals(BehaviourParameters.of("behaviour.movement.crowdLimitPersonsPerSquareMetre").defaultValue(),
                b.movement().crowdLimitPersonsPerSquareMetre());
    }

    @Test
    void aValueOutOfRangeIsReportedWithRangeUnitAndMeaning() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> ScenarioLoader.load(org.safepassage.sim.TestScenarios.MECHANISMS.resolve("base.yaml"),
                        java.util.List.of("behaviour.weights.trust=-3")));
        String all = e.problems().stream().map(Problem::format).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(all.contains("behaviour.weights.trust: found -3; a number from 0 to 100 "
                + "(utility per unit trust: belief that the pause and corridor are safe)"), all);
    }
}
