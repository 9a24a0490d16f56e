package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.safepassage.scenario.TinyFiles.LAYER;
import static org.safepassage.scenario.TinyFiles.MAP;
import static org.safepassage.scenario.TinyFiles.SCENARIO;
import static org.safepassage.scenario.TinyFiles.assertProblems;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of mistake in a scenario file or its map is reported once, at its exact line and
 * column, as {@code FILE:LINE:COL: error: KEY.PATH: found; expected}. The cases edit a copy of
 * the tiny scenario (src/test/resources/org/safepassage/scenario/tiny); the positions refer
 * to that file's lines.
 */
class BadScenarioTest {

    @TempDir
    Path dir;

    /** A broken variant: which file to edit, the text replacements, and every expected line. */
    record Case(String name, String file, List<String> fromTo, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case scenario(String name, String from, String to, String... expected) {
        return new Case(name, SCENARIO, List.of(from, to), List.of(expected));
    }

    private static Case map(String name, String file, String from, String to, String... expected) {
        return new Case(name, file, List.of(from, to), List.of(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            scenario("unknown key suggests the nearest valid one", "  tickMinutes: 5", "  tickMinuts: 5",
                "tiny.yaml:7:3: error: clock.tickMinuts: unknown key 'tickMinuts'; did you mean 'tickMinutes'?"),
            scenario("unknown section suggests the nearest, and the real one is then missing", "corridors:", "coridors:",
                "tiny.yaml:32:1: error: coridors: unknown key 'coridors'; did you mean 'corridors'?",
                "tiny.yaml:2:1: error: corridors: missing; a list"),
            scenario("unknown key with nothing close lists the valid ones", "  persons: 200",
                "  persons: 200\n  zzz: 1",
                "tiny.yaml:25:3: error: population.zzz: unknown key 'zzz'; one of persons, household, trust,"
                    + " attachment, initialAwareness, hardship, preparation, patience, cars"),
            scenario("text where a whole number is expected", "  persons: 200", "  persons: many",
                "tiny.yaml:24:12: error: population.persons: found 'many'; a whole number from 1 to 50000000"),
            scenario("fraction where a whole number is expected", "  persons: 200", "  persons: 200.5",
                "tiny.yaml:24:12: error: population.persons: found '200.5'; a whole number from 1 to 50000000"),
            scenario("mapping where a duration is expected", "    duration: PT4H", "    duration: {hours: 4}",
                "tiny.yaml:30:15: error: pauses[0].duration: found a mapping; an ISO-8601 duration such as PT11H or P4D"),
            scenario("duration not in ISO-8601", "    duration: PT4H", "    duration: 4 hours",
                "tiny.yaml:30:15: error: pauses[0].duration: found '4 hours'; an ISO-8601 duration such as PT11H or P4D"),
            scenario("duration out of range", "    duration: PT4H", "    duration: PT0S",
                "tiny.yaml:30:15: error: pauses[0].duration: found PT0S; a duration from PT1M to PT8784H"),
            scenario("date-time not local ISO", "    start: 2016-10-20T08:00", "    start: 20/10/2016 08:00",
                "tiny.yaml:29:12: error: pauses[0].start: found '20/10/2016 08:00'; a local date-time such as"
                    + " 2016-10-20T08:00"),
            scenario("number out of range", "    credibility: 0.5", "    credibility: 1.5",
                "tiny.yaml:28:18: error: pauses[0].credibility: found 1.5; a number from 0 to 1"),
            scenario("list where a number is expected", "    credibility: 0.5", "    credibility: [0.5]",
                "tiny.yaml:28:18: error: pauses[0].credibility: found a list; a number from 0 to 1"),
            scenario("bad choice", "    leadsTo: west", "    leadsTo: west\n    monitoring: neutrall",
                "tiny.yaml:36:17: error: corridors[0].monitoring: found 'neutrall'; one of none, neutral"),
            scenario("bad boolean", "    leadsTo: west", "    leadsTo: west\n    destinationChoice: yes",
                "tiny.yaml:36:24: error: corridors[0].destinationChoice: found 'yes'; true or false"),
            scenario("missing required key, reported at its mapping", "    credibility: 0.5\n", "",
                "tiny.yaml:26:5: error: pauses[0].credibility: missing; a number from 0 to 1"),
            scenario("required key left empty, reported where it is written", "    leadsTo: west", "    leadsTo:",
                "tiny.yaml:35:13: error: corridors[0].leadsTo: missing; a non-empty text"),
            scenario("missing required section, reported at the top", "population:\n  persons: 200\n", "",
                "tiny.yaml:2:1: error: population.persons: missing; a whole number from 1 to 50000000"),
            scenario("section that is not a mapping", "population:\n  persons: 200\n", "population: 200\n",
                "tiny.yaml:23:13: error: population: found '200'; a mapping with keys persons, household, trust,"
                    + " attachment, initialAwareness, hardship, preparation, patience, cars"),
            scenario("horizon not a whole number of ticks", "  horizon: PT12H", "  horizon: PT12H7M",
                "tiny.yaml:8:12: error: clock.horizon: horizon PT12H7M is not a whole number of 5-minute ticks;"
                    + " a multiple of clock.tickMinutes"),
            scenario("bad tick reported alone (no cascade into the horizon check)", "  tickMinutes: 5",
                "  tickMinutes: five",
                "tiny.yaml:7:16: error: clock.tickMinutes: found 'five'; a whole number from 1 to 60"),
            scenario("duplicate key", "  tickMinutes: 5", "  tickMinutes: 5\n  tickMinutes: 10",
                "tiny.yaml:8:3: error: duplicate key 'tickMinutes'; each key once"),
            scenario("YAML syntax error", "  horizon: PT12H", "  horizon: [PT12H",
                "tiny.yaml:9:4: error: YAML syntax: expected ',' or ']', but got :; well-formed YAML"),
            scenario("newer schema version", "schemaVersion: 1", "schemaVersion: 2",
                "tiny.yaml:2:16: error: schemaVersion: version 2; version 1"),
            scenario("corridor on a safe cell", "    entryCell: [2, 1]", "    entryCell: [0, 0]",
                "tiny.yaml:34:16: error: corridors[0].entryCell: cell [0, 0] is safe; a passable cell (street, built,"
                    + " rubble or front) inside the enclave"),
            scenario("corridor on a blocked cell", "    entryCell: [2, 1]", "    entryCell: [5, 4]",
                "tiny.yaml:34:16: error: corridors[0].entryCell: cell [5, 4] is blocked; a passable cell (street,"
                    + " built, rubble or front) inside the enclave"),
            scenario("corridor outside the map", "    entryCell: [2, 1]", "    entryCell: [8, 1]",
                "tiny.yaml:34:16: error: corridors[0].entryCell: cell [8, 1] is outside the 8 x 6 map; a cell inside"
                    + " the map"),
            scenario("corridor cell malformed", "    entryCell: [2, 1]", "    entryCell: [2]",
                "tiny.yaml:34:16: error: corridors[0].entryCell: found a list; [column, row] of a map cell, counted"
                    + " from 0 at the top left"),
            scenario("reference to an unknown safe area", "    leadsTo: west", "    leadsTo: wset",
                "tiny.yaml:35:14: error: corridors[0].leadsTo: no safe area named 'wset'; did you mean 'west'?"),
            scenario("reference to an unknown pause", "    leadsTo: west", "    leadsTo: west\n    pauses: [paws]",
                "tiny.yaml:36:14: error: corridors[0].pauses[0]: no pause named 'paws'; did you mean 'pause'?"),
            scenario("population shares not summing to 1", "populationShare: 0.6", "populationShare: 0.5",
                "tiny.yaml:21:5: error: map.neighbourhoods: population shares sum to 0.9; shares that sum to 1"),
            scenario("a share out of range is not summed into a misleading total", "populationShare: 0.6",
                "populationShare: 1.6",
                "tiny.yaml:22:49: error: map.neighbourhoods[1].populationShare: found 1.6; a number from 0 to 1"),
            scenario("unknown terrain in the legend", "\"%\": rubble", "\"%\": rubbel",
                "tiny.yaml:16:10: error: map.legend.%: terrain 'rubbel'; did you mean 'rubble'? one of street, built,"
                    + " rubble, blocked, front, safe"),
            scenario("legend key longer than one character", "\"%\": rubble", "\"%%\": rubble",
                "tiny.yaml:16:5: error: map.legend.%%: key '%%'; a single character"),
            scenario("safe terrain without a safe area", "{terrain: safe, safeArea: west}", "safe",
                "tiny.yaml:19:10: error: map.legend.W: safe terrain without a safe area; {terrain: safe, safeArea: NAME}"),
            scenario("map file not found", "file: maps/tiny.txt", "file: maps/nope.txt",
                "tiny.yaml:10:9: error: map.file: map file maps/nope.txt not found; a text map next to the scenario"),
            scenario("duplicate names", "    - {name: South, symbol: b", "    - {name: North, symbol: b",
                "tiny.yaml:22:14: error: map.neighbourhoods[1].name: neighbourhood 'North' twice; unique names"),
            scenario("event with an unknown type is reported alone", "seed: 7", "events:\n"
                    + "  - {at: 2016-10-20T09:00, type: suspendd, target: pause, duration: PT1H}\nseed: 7",
                "tiny.yaml:37:34: error: events[0].type: found 'suspendd'; one of front-shift, suspend, deal,"
                    + " front-regain, evacuation-order, bombardment"),
            scenario("regain of an unknown neighbourhood", "seed: 7", "events:\n"
                    + "  - {at: 2016-10-20T09:00, type: front-regain, target: Sout}\nseed: 7",
                "tiny.yaml:37:56: error: events[0].target: no neighbourhood named 'Sout'; did you mean 'South'?"),
            scenario("a moving front that stops before it starts, an outward share above 1", "seed: 7", "front:\n"
                    + "  movingFrom: 2016-10-21T00:00\n  movingUntil: 2016-10-20T00:00\n  outwardShare: 1.5\nseed: 7",
                "tiny.yaml:38:16: error: front.movingUntil: movingUntil 2016-10-20T00:00 is not after movingFrom"
                    + " 2016-10-21T00:00; a date-time after front.movingFrom",
                "tiny.yaml:39:17: error: front.outwardShare: found 1.5; a number from 0 to 1"),
            scenario("front shift without a safe area", "seed: 7", "events:\n"
                    + "  - {at: 2016-10-20T09:00, type: front-shift, target: South}\nseed: 7",
                "tiny.yaml:37:5: error: events[0].safeArea: missing; a non-empty text"),
            scenario("suspension of an unknown pause, and without a duration", "seed: 7", "events:\n"
                    + "  - {at: 2016-10-20T09:00, type: suspend, target: paws}\nseed: 7",
                "tiny.yaml:37:5: error: events[0].duration: missing; an ISO-8601 duration such as PT11H or P4D",
                "tiny.yaml:37:51: error: events[0].target: no pause named 'paws'; did you mean 'pause'?"),
            scenario("fighters: unknown neighbourhood, civilian corridor to leave by", "seed: 7", "fighters:\n"
                    + "  - {name: g, size: 10, controls: [Nort], leavesBy: gate}\nseed: 7",
                "tiny.yaml:37:36: error: fighters[0].controls[0]: no neighbourhood named 'Nort'; did you mean 'North'?",
                "tiny.yaml:37:53: error: fighters[0].leavesBy: corridor 'gate' is civilian; a corridor of kind fighter"),
            scenario("only fighter corridors", "    leadsTo: west", "    leadsTo: west\n    kind: fighter",
                "tiny.yaml:33:3: error: corridors: no civilian or medical corridor; at least one corridor civilians can"
                    + " use"),
            map("map row of the wrong size", MAP, "##.##.##", "##.##.#",
                "maps/tiny.txt:3:8: error: map.file: row 3 has 7 cells; 8 cells like the first row"),
            map("map character not in the legend", MAP, "........", "...?....",
                "maps/tiny.txt:4:4: error: map.legend: character '?' is not in the legend; one of '#' '%' '.' 'F' 'W' 'X'"),
            map("a character missing from the legend is reported once, with its count", MAP, "##.##.##\n........\n",
                "##.##.##\n...??...\n",
                "maps/tiny.txt:4:4: error: map.legend: character '?' is not in the legend (2 cells, the first here);"
                    + " one of '#' '%' '.' 'F' 'W' 'X'"),
            map("an invisible character is shown by its code point", MAP, "........", "...\u00a0....",
                "maps/tiny.txt:4:4: error: map.legend: character U+00A0 is not in the legend; one of '#' '%' '.' 'F'"
                    + " 'W' 'X'"),
            map("a space is named", MAP, "........", "... ....",
                "maps/tiny.txt:4:4: error: map.legend: character ' ' (a space) is not in the legend; one of '#' '%' '.'"
                    + " 'F' 'W' 'X'"),
            map("a byte order mark at the start of a map is ignored", MAP, "WWWWWWWW", "\uFEFFWWWWWWWW"),
            map("rows of another length are reported once, with their count", MAP, "##.##X##\n##.##%##\n",
                "##.##X#\n##.##%#\n",
                "maps/tiny.txt:5:8: error: map.file: row 5 has 7 cells (2 rows of another length, the first here);"
                    + " 8 cells like the first row"),
            scenario("a broken neighbourhood item is not reported again cell by cell in the layer",
                "symbol: a,", "symbol: ab,",
                "tiny.yaml:21:29: error: map.neighbourhoods[0].symbol: found 'ab'; a single character other than '.'"
                    + " and space"),
            scenario("a terrain missing from the legend is reported once", "    \"#\": built\n", "",
                "maps/tiny.txt:3:1: error: map.legend: character '#' is not in the legend (18 cells, the first here);"
                    + " one of '%' '.' 'F' 'W' 'X'"),
            map("neighbourhood layer with another number of rows", LAYER, "bbbbbbbb\nbbbbbbbb\n", "bbbbbbbb\n",
                "tiny.yaml:11:22: error: map.neighbourhoodFile: layer has 5 rows; 6 rows like maps/tiny.txt"),
            map("neighbourhood layer with an unknown symbol", LAYER, "bbbbbbbb\nbbbbbbbb\n", "bbbbbbbb\nbbbcbbbb\n",
                "maps/tiny-neighbourhoods.txt:6:4: error: map.neighbourhoods: symbol 'c' is no neighbourhood's;"
                    + " a symbol listed in map.neighbourhoods, or '.'"),
            map("neighbourhood unreachable from any corridor", MAP, "........", "XXXXXXXX",
                "tiny.yaml:22:7: error: map.neighbourhoods[1]: neighbourhood 'South' cannot reach any civilian"
                    + " corridor on foot; a passable path from its built-up cells to a corridor entry"),
            map("neighbourhood without a built-up cell", LAYER, "bbbbbbbb\nbbbbbbbb\n", "........\n........\n",
                "tiny.yaml:22:7: error: map.neighbourhoods[1]: neighbourhood 'South' has no built-up cell; built-up"
                    + " cells to place its population on (or populationShare 0)")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMistakeIsReportedOnceAtItsPosition(Case c) {
        Path scenario = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, c.file(), c.fromTo().toArray(String[]::new));
        assertProblems(c.expected(), TinyFiles.problems(dir, scenario));
    }

    @Test
    void theUneditedFixtureIsValid() {
        assertEquals(List.of(), TinyFiles.problems(dir, TinyFiles.copyTo(dir)));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        Path scenario = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, SCENARIO,
                "  tickMinutes: 5", "  tickMinuts: 5",
                "  persons: 200", "  persons: many",
                "    credibility: 0.5", "    credibility: 1.5",
                "    entryCell: [2, 1]", "    entryCell: [0, 0]",
                "populationShare: 0.6", "populationShare: 0.5");
        TinyFiles.edit(dir, MAP, "##.##.##", "##.##.#");
        assertProblems(List.of(
                "tiny.yaml:7:3: error: clock.tickMinuts: unknown key 'tickMinuts'; did you mean 'tickMinutes'?",
                "tiny.yaml:24:12: error: population.persons: found 'many'; a whole number from 1 to 50000000",
                "tiny.yaml:28:18: error: pauses[0].credibility: found 1.5; a number from 0 to 1",
                "tiny.yaml:21:5: error: map.neighbourhoods: population shares sum to 0.9; shares that sum to 1",
                "maps/tiny.txt:3:8: error: map.file: row 3 has 7 cells; 8 cells like the first row"),
                TinyFiles.problems(dir, scenario));
    }

    @Test
    void problemsComeInReadingOrder() {
        Path scenario = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, SCENARIO, "seed: 7", "seed: x", "  tickMinutes: 5", "  tickMinutes: 0",
                "  - name: gate", "  - name: gate\n    kind: bus");
        TinyFiles.edit(dir, MAP, "##.##.##", "##.##.#");
        assertEquals(List.of(
                "tiny.yaml:7:16: error: clock.tickMinutes: found 0; a whole number from 1 to 60",
                "tiny.yaml:34:11: error: corridors[0].kind: found 'bus'; one of civilian, fighter, medical",
                "tiny.yaml:37:7: error: seed: found 'x'; a whole number",
                "maps/tiny.txt:3:8: error: map.file: row 3 has 7 cells; 8 cells like the first row"),
                TinyFiles.problems(dir, scenario));
    }

    @Test
    void aProblemInABaseIsReportedInTheBaseFile() {
        TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, SCENARIO, "    credibility: 0.5", "    credibility: 1.5");
        Path child = TinyFiles.write(dir.resolve("child.yaml"), "extends: tiny.yaml\nmeta:\n  name: child\n  nmae: x\n");
        assertProblems(List.of(
                "tiny.yaml:28:18: error: pauses[0].credibility: found 1.5; a number from 0 to 1",
                "child.yaml:4:3: error: meta.nmae: unknown key 'nmae'; did you mean 'name'?"),
                TinyFiles.problems(dir, child));
    }

    @Test
    void extendsProblemsAreReported() {
        TinyFiles.copyTo(dir);
        Path missing = TinyFiles.write(dir.resolve("a.yaml"), "extends: nope.yaml\n");
        assertProblems(List.of("a.yaml:1:10: error: extends: base 'nope.yaml': file not found; an existing YAML file"),
                TinyFiles.problems(dir, missing));
        TinyFiles.write(dir.resolve("b.yaml"), "extends: c.yaml\n");
        Path cycle = TinyFiles.write(dir.resolve("c.yaml"), "extends: b.yaml\n");
        assertProblems(List.of("b.yaml:1:10: error: extends: 'c.yaml' extends itself in a cycle; a chain of bases"
                + " that ends"), TinyFiles.problems(dir, cycle));
    }
}
