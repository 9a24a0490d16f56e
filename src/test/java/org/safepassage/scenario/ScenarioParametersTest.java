package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safepassage.sim.TestScenarios;

/**
 * The numbers of a scenario's facts are data: one descriptor each drives the loader's default,
 * range check and message, and docs/SCENARIO-FORMAT.md's row says the same.
 */
class ScenarioParametersTest {

    /**
     * Numbers the loader still reads with their default and range written inline (not yet
     * described): corridors[] and its transport, screening, road, control and rescue, events[],
     * schemaVersion and seed.
     */
    private static final Set<String> NOT_YET_DESCRIBED = Set.of("schemaVersion", "seed");

    /** Rows of docs/SCENARIO-FORMAT.md's key tables: "section key" → cells (type, unit, default, range). */
    private static Map<String, String[]> formatRows() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        String section = "";
        for (String line : Files.readAllLines(Path.of("docs", "SCENARIO-FORMAT.md"))) {
            if (line.startsWith("### ")) {
                section = line.substring(4).trim().split(" ")[0];
            } else if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                if (cells.length > 5) {
                    rows.putIfAbsent(section + " " + cells[1].trim().replace("`", ""), new String[] {cells[2].trim(),
                        cells[3].trim(), cells[4].trim().replace("`", ""), cells[5].trim()});
                }
            }
        }
        return rows;
    }

    /**
     * The section heading and the key of a descriptor's row: "pauses[].credibility" → "pauses
     * credibility", "population.household.meanSize" → "population household.meanSize",
     * "map.neighbourhoods[].populationShare" → "map populationShare" (the items' own table),
     * "corridors[].control[].detainedShare" → "corridors control[].detainedShare" (the table of the
     * numbers in a corridor's mappings).
     */
    private static String rowKey(Parameter p) {
        String path = p.path();
        int dot = path.indexOf('.');
        int item = path.indexOf("[].");
        return path.substring(0, dot).replace("[]", "") + " " + (item >= 0 ? path.substring(item + 3)
                : path.substring(dot + 1));
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replace('−', '-'));
    }

    @Test
    void everyDescriptorHasARowInTheFormatWithItsTypeUnitDefaultAndRange() throws IOException {
        Map<String, String[]> rows = formatRows();
        for (Parameter p : ScenarioParameters.ALL) {
            String[] row = rows.get(rowKey(p));
            assertNotNull(row, "docs/SCENARIO-FORMAT.md has no row for " + p.path());
            assertEquals(p.whole() ? "whole number" : "number", row[0], p.path() + " type");
            assertEquals(p.unit(), row[1], p.path() + " unit");
            if (p.required()) {
                assertTrue(row[2].startsWith("required") || row[2].startsWith("absent"), p.path() + " default " + row[2]);
            } else {
                assertEquals(p.defaultValue(), number(row[2]), 0, p.path() + " default");
            }
            String[] range = row[3].split(" to ");
            assertEquals(2, range.length, p.path() + " range " + row[3]);
            assertEquals(p.min(), number(range[0]), 0, p.path() + " min");
            assertEquals(p.max(), number(range[1]), 0, p.path() + " max");
        }
    }

    @Test
    void aValueOutsideItsRangeIsRefusedWhereItIsWrittenWithTheDescriptorsRange() {
        for (Parameter p : ScenarioParameters.ALL) {
            String path = p.path().replace("[]", "[0]");
            double outside = p.max() + (p.whole() ? 1 : Math.max(1, p.max()));
            String value = p.whole() ? Long.toString((long) outside) : Fields.fmt(outside);
            // A list inside an item, or the events, must exist before --set reaches into it.
            List<String> sets = new ArrayList<>();
            if (path.startsWith("events[0].")) {
                sets.add("events=[{type: bombardment}]");
            }
            int inner = path.indexOf("[0]", path.indexOf("[0]") + 3);
            if (inner > 0) {
                sets.add(path.substring(0, inner) + "=[{}]");
            }
            sets.add(path + "=" + value);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ScenarioLoader.load(TestScenarios.MECHANISMS.resolve("blocking.yaml"), sets), path);
            String all = e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
            String expected = path + ": found " + value + "; " + (p.whole() ? "a whole number from " + (long) p.min()
                    + " to " + (long) p.max() : "a number from " + Fields.fmt(p.min()) + " to " + Fields.fmt(p.max()));
            assertTrue(all.contains("--set:" + sets.size() + ":") && all.contains(expected), path + ":\n" + all);
        }
    }

    @Test
    void aFileWithoutTheKeysGetsTheDescriptorsDefaults() {
        Scenario s = TestScenarios.mechanism("base.yaml");
        assertEquals(ScenarioParameters.of("hazards.movingExposure").defaultValue(), s.hazards().movingExposure());
        assertEquals(ScenarioParameters.of("population.household.meanSize").defaultValue(),
                s.population().meanHouseholdSize());
        assertEquals(ScenarioParameters.of("front.outwardShare").defaultValue(), Front.NONE.outwardShare());
        assertEquals(ScenarioParameters.of("front.detentionProbability").defaultValue(),
                Front.NONE.detentionProbability());
        assertEquals(ScenarioParameters.of("population.attachment.stayShare").defaultValue(),
                Population.DEFAULT_STAY_SHARE);
    }

    @Test
    void theLoaderReadsNoOtherNumberWithItsRangeWrittenInline() throws IOException {
        Path dir = Path.of("src", "main", "java", "org", "safepassage", "scenario");
        StringBuilder source = new StringBuilder();
        for (String file : List.of("ScenarioLoader.java", "MapReader.java", "TransportFacts.java")) {
            if (Files.exists(dir.resolve(file))) {
                source.append(Files.readString(dir.resolve(file)));
            }
        }
        Matcher m = Pattern.compile("\\.(number|integer)\\(\"(\\w+)\"").matcher(source);
        Set<String> inline = new TreeSet<>();
        while (m.find()) {
            inline.add(m.group(2));
        }
        assertTrue(inline.contains("schemaVersion"), "the scan finds the loader's reads: " + inline);
        inline.removeAll(NOT_YET_DESCRIBED);
        assertEquals(Set.of(), inline, "a number read by the loader without a descriptor: add it to ScenarioParameters");
    }
}
