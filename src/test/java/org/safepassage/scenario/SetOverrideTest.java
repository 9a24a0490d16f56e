package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.safepassage.scenario.TinyFiles.assertProblems;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --set KEY.PATH=VALUE} reaches any key (mapping keys, list items by index or by name),
 * its value is checked like the file's, and a bad path or value is refused with a suggestion,
 * located as {@code --set:N:COL} (N counts the overrides from 1).
 */
class SetOverrideTest {

    @TempDir
    Path dir;

    private Scenario with(String... sets) {
        return TinyFiles.load(TinyFiles.copyTo(dir), sets);
    }

    private List<String> problems(String... sets) {
        return TinyFiles.problems(dir, TinyFiles.copyTo(dir), sets);
    }

    @Test
    void scalarKeysOfSections() {
        Scenario s = with("clock.tickMinutes=10", "population.persons=5000", "seed=42",
                "population.household.meanSize=4.5", "meta.name=renamed");
        assertEquals(10, s.clock().tickMinutes());
        assertEquals(5000, s.population().persons());
        assertEquals(42, s.seed());
        assertEquals(4.5, s.population().meanHouseholdSize());
        assertEquals("renamed", s.meta().name());
    }

    @Test
    void listItemsByNameAndByIndex() {
        Scenario s = with("pauses[pause].duration=PT36H", "pauses[0].notice=PT48H", "clock.start=2016-10-18T06:00",
                "corridors[gate].widthMetres=6", "map.neighbourhoods[North].bombardmentFactor=2");
        assertEquals(Duration.ofHours(36), s.pauses().get(0).duration());
        assertEquals(Duration.ofHours(48), s.pauses().get(0).notice());
        assertEquals(6.0, s.corridors().get(0).widthMetres());
        assertEquals(2.0, s.map().neighbourhoods().get(0).bombardmentFactor());
    }

    @Test
    void namesWithSpacesInBrackets() {
        TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "  - name: gate", "  - name: Castello road");
        Scenario s = TinyFiles.load(dir.resolve(TinyFiles.SCENARIO), "corridors[Castello road].widthMetres=7");
        assertEquals(7.0, s.corridors().get(0).widthMetres());
    }

    @Test
    void newKeysSectionsAndFlowValues() {
        Scenario s = with("corridors[gate].transport={vehicles: 4, seatsPerVehicle: 50, roundTrip: PT2H}",
                "corridors[gate].monitoring=neutral", "hazards.deathsPerPersonDay=2e-4",
                "meta.sources=[a, b]", "pauses[pause].extensions=[{announcedAt: 2016-10-20T10:00, by: PT6H}]");
        assertEquals(new Corridor.Transport(4, 50, Duration.ofHours(2)), s.corridors().get(0).transport());
        assertEquals(100.0, s.corridors().get(0).capacityPersonsPerHour(), 1e-9);
        assertEquals(Corridor.Monitoring.NEUTRAL, s.corridors().get(0).monitoring());
        assertEquals(2e-4, s.hazards().deathsPerPersonDay());
        assertEquals(List.of("a", "b"), s.meta().sources());
        assertEquals(Duration.ofHours(6), s.pauses().get(0).extensions().get(0).by());
    }

    @Test
    void anEmptyValueRestoresTheDefault() {
        Scenario s = with("pauses[pause].notice=", "clock.tickMinutes=");
        assertEquals(Duration.ZERO, s.pauses().get(0).notice());
        assertEquals(5, s.clock().tickMinutes());
    }

    @Test
    void laterOverridesWin() {
        assertEquals(Duration.ofHours(3), with("pauses[0].duration=PT5H", "pauses[pause].duration=PT3H")
                .pauses().get(0).duration());
    }

    @Test
    void theEffectiveTreeHoldsTheOverride() throws InvalidInputException {
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(TinyFiles.copyTo(dir), List.of("pauses[pause].duration=PT7H"));
        assertEquals("PT7H", loaded.effective().get("pauses").items().get(0).get("duration").text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pauses[paus].duration=PT2H | --set:1:1: error: pauses[paus].duration: no item [paus] in 'pauses'"
            + " (it has 1 items: pause); did you mean 'pauses[pause]'?",
        "pauses[3].duration=PT2H | --set:1:1: error: pauses[3].duration: no item [3] in 'pauses' (it has 1 items:"
            + " pause); an index from 0 to 0 or the name of an item",
        "clok.tickMinutes=5 | --set:1:18: error: clok: unknown key 'clok'; did you mean 'clock'?",
        "clock.tickMinuts=5 | --set:1:18: error: clock.tickMinuts: unknown key 'tickMinuts'; did you mean 'tickMinutes'?",
        "corridors[gate].widthMeters=6 | --set:1:29: error: corridors[0].widthMeters: unknown key 'widthMeters';"
            + " did you mean 'widthMetres'?",
        "meta.name.first=x | --set:1:1: error: meta.name.first: 'meta.name' is 'tiny', not a mapping; a key path"
            + " that follows the scenario's sections",
        "clock[0]=x | --set:1:1: error: clock[0]: 'clock' is a mapping, not a list; a key path that follows the"
            + " scenario's sections",
        "pauses..duration=PT2H | --set:1:1: error: pauses..duration: empty key at position 8; a key path such as"
            + " pauses[0].duration",
        "pauses[pause.duration=PT2H | --set:1:1: error: pauses[pause.duration: '[' at position 7 is not closed; a key"
            + " path such as pauses[0].duration",
        "pauses[pause].duration | --set:1:1: error: 'pauses[pause].duration'; key.path=value",
        "=PT2H | --set:1:1: error: '=PT2H'; key.path=value",
        "pauses[pause].duration=11h | --set:1:24: error: pauses[0].duration: found '11h'; an ISO-8601 duration such"
            + " as PT11H or P4D",
        "pauses[pause].credibility=2 | --set:1:27: error: pauses[0].credibility: found 2; a number from 0 to 1",
        "corridors[gate].entryCell=[0, 0] | --set:1:27: error: corridors[0].entryCell: cell [0, 0] is safe;"
            + " a passable cell (street, built, rubble or front) inside the enclave",
        "corridors[gate].entryCell=[1, | --set:1:30: error: YAML syntax: expected the node content, but found"
            + " '<stream end>'; well-formed YAML",
        "pauses[pause].duration=!!java.net.URL [x] | --set:1:24: error: YAML tag 'tag:yaml.org,2002:java.net.URL'"
            + " refused (no types are created from input); plain values without tags"
    })
    void badPathsAndValuesAreRefusedWithASuggestion(String set, String expected) {
        assertProblems(List.of(expected), problems(set));
    }

    @Test
    void everyBadOverrideIsReportedWithItsNumber() {
        assertProblems(List.of(
                "--set:1:1: error: pauses[paus].duration: no item [paus] in 'pauses' (it has 1 items: pause);"
                        + " did you mean 'pauses[pause]'?",
                "--set:3:18: error: clock.tickMinuts: unknown key 'tickMinuts'; did you mean 'tickMinutes'?"),
                problems("pauses[paus].duration=PT2H", "seed=3", "clock.tickMinuts=5"));
    }

    @Test
    void keyPathsParse() {
        assertEquals(List.of(new KeyPath.Step("corridors", null, null), new KeyPath.Step(null, null, "Castello road"),
                new KeyPath.Step("transport", null, null), new KeyPath.Step("vehicles", null, null)),
                KeyPath.parse("corridors[Castello road].transport.vehicles").steps());
        assertEquals(List.of(new KeyPath.Step("pauses", null, null), new KeyPath.Step(null, 0, null),
                new KeyPath.Step("extensions", null, null), new KeyPath.Step(null, 1, null)),
                KeyPath.parse("pauses[0].extensions[1]").steps());
        assertEquals("pauses[0].duration", KeyPath.parse("pauses[0].duration").toString());
        for (String bad : List.of("", "a.", "a..b", "a[", "a[]", ".a", "a[0].")) {
            assertThrows(IllegalArgumentException.class, () -> KeyPath.parse(bad), bad);
        }
    }
}
