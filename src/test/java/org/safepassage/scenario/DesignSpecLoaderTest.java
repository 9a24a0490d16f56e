package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Design files: the shipped one, a small one field by field, and mistakes at their positions. */
class DesignSpecLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDesignLoads() throws InvalidInputException {
        DesignSpec d = DesignSpecLoader.load(Path.of("scenarios/designs/aleppo-2016.yaml"));
        assertEquals("aleppo-2016", d.name());
        assertEquals(6, d.levers().size());
        assertEquals(List.of("PT0S", "PT12H", "PT24H", "PT36H", "PT48H", "PT60H", "PT72H"), d.levers().get(2).values());
        assertEquals("{vehicles: 5, seatsPerVehicle: 50, roundTrip: PT2H}", d.levers().get(4).values().get(0));
        // repeatDays matters only for windows under a day (PT3H, PT4H, PT8H, PT11H of the nine)
        DesignSpec.Condition c = d.levers().get(1).onlyWhen();
        assertEquals(0, c.lever());
        assertEquals(List.of(true, true, true, true, false, false, false, false, false), c.active());
        // which of the six civilian crossings open: 63 subsets, one crossing first, all six last
        DesignSpec.Lever corridors = d.levers().get(5);
        assertEquals("corridors", corridors.path());
        assertEquals(63, corridors.values().size());
        assertEquals("Castello road", corridors.values().get(0));
        assertEquals(List.of("corridors[Masakin Hanano].open=false", "corridors[Sheikh Saeed].open=false",
                "corridors[Salaheddine].open=false", "corridors[Bustan al-Qasr].open=false",
                "corridors[Sheikh Maqsoud].open=false"), corridors.sets(0));
        assertEquals("Castello road + Masakin Hanano + Sheikh Saeed + Salaheddine + Bustan al-Qasr + Sheikh Maqsoud",
                corridors.values().get(62));
        assertEquals(List.of(), corridors.sets(62));
        assertEquals(new DesignSpec.Objective("evacuated", "p10", true), d.objectives().get(1));
        assertEquals(new DesignSpec.Constraint("peakQueue", true, 20000, 0.95), d.constraints().get(0));
        assertEquals(List.of(5, 8, 16, 50), d.search().stages());
        assertEquals(200, d.search().candidates());
        // the five planner designs start the search, each as lever value indices
        assertEquals(List.of("UN 2016 ask", "Russia's offer", "October 2016", "daily 4 h windows", "December 2016"),
                d.search().start().stream().map(DesignSpec.Start::name).toList());
        assertEquals(List.of(5, 0, 6, 1, 1, 62), d.search().start().get(0).index(), "48 h, 72 h notice, neutral, all six");
        assertEquals(List.of(0, 3, 2, 0, 1, 62), d.search().start().get(1).index(), "3 h on four days, 24 h, none");
        assertTrue(d.inputs().contains("pauses[pause].credibility={uniform: [0.1, 0.4]}"), d.inputs().toString());
        assertNull(d.ensemble(), "the base's ensemble");
    }

    @Test
    void numericRangesAndSelectorPaths() throws InvalidInputException {
        TinyFiles.copyTo(dir);
        Path f = TinyFiles.write(dir.resolve("d.yaml"), """
                schemaVersion: 1
                name: d
                base: tiny.yaml
                levers:
                  - {path: "pauses[pause].credibility", min: 0.1, max: 0.5, step: 0.2}
                  - {path: "corridors[*].monitoring", values: [none, neutral]}
                objectives:
                  - minimise: killed
                uncertainty: {ensemble: none}
                """);
        DesignSpec d = DesignSpecLoader.load(f);
        assertEquals(List.of("0.1", "0.3", "0.5"), d.levers().get(0).values());
        assertEquals("mean", d.objectives().get(0).statistic());
        assertEquals("none", d.ensemble());
        assertEquals(List.of(5, 15, 50), d.search().stages());
    }

    @Test
    void corridorLeversAndConditions() throws InvalidInputException {
        Path f = TinyFiles.write(dir.resolve("c.yaml"), """
                schemaVersion: 1
                name: c
                base: %s
                levers:
                  - {path: "pauses[pause].duration", values: [PT4H, PT11H, PT24H, PT48H]}
                  - path: "pauses[pause].repeatDays"
                    values: [1, 2, 3]
                    onlyWhen: {lever: "pauses[pause].duration", below: PT24H}
                  - {corridors: [Castello road, Sheikh Saeed, Salaheddine], atMost: 2}
                objectives:
                  - maximise: evacuated
                  - minimise: corridorsOpen
                uncertainty: {ensemble: none}
                """.formatted(Path.of("scenarios/pause-24h.yaml").toAbsolutePath()));
        DesignSpec d = DesignSpecLoader.load(f);
        assertEquals(List.of(true, true, false, false), d.levers().get(1).onlyWhen().active());
        assertEquals(List.of("Castello road", "Sheikh Saeed", "Salaheddine", "Castello road + Sheikh Saeed",
                "Castello road + Salaheddine", "Sheikh Saeed + Salaheddine"), d.levers().get(2).values());
        assertEquals(List.of("corridors[Castello road].open=false"), d.levers().get(2).sets(5));
    }

    @Test
    void corridorAndConditionMistakesAreReportedWhereTheyAre() {
        Path f = TinyFiles.write(dir.resolve("c.yaml"), """
                schemaVersion: 1
                name: c
                base: %s
                levers:
                  - {path: "pauses[pause].duration", values: [PT4H, PT48H]}
                  - {path: "pauses[pause].repeatDays", values: [1, 2]}
                  - {path: "pauses[pause].notice", values: [PT0S, PT1H], onlyWhen: {lever: duration, below: PT24H}}
                  - {corridors: [Castello road, Nowhere]}
                  - {corridors: [Sheikh Saeed, Sheikh Saeed]}
                objectives:
                  - maximise: evacuated
                uncertainty: {ensemble: none}
                """.formatted(Path.of("scenarios/pause-24h.yaml").toAbsolutePath()));
        try {
            DesignSpecLoader.load(f);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            String all = String.join("\n", e.problems().stream().map(Problem::format).toList());
            assertTrue(all.contains("c.yaml:6:12: error: levers[1]: repeatDays beside windows of a day or more "
                    + "(PT48H): such a window repeated on the next days overlaps itself and is one longer block, a "
                    + "design counted twice; onlyWhen: {lever: \"pauses[pause].duration\", below: PT24H}"), all);
            assertTrue(all.contains("c.yaml:7:76: error: levers[2].onlyWhen.lever: 'duration'; the path of another, "
                    + "unconditional lever: pauses[pause].duration, pauses[pause].repeatDays, corridors"), all);
            assertTrue(all.contains("c.yaml:9:17: error: levers[4].corridors: 2 name(s), some twice; from 1 to 12 "
                    + "different corridor names of the base scenario"), all);
        }
    }

    @Test
    void startDesignsAreReadAsLeverValuesAndMistakesReportedWhereTheyAre() throws InvalidInputException {
        String levers = """
                schemaVersion: 1
                name: s
                base: %s
                levers:
                  - {path: "pauses[pause].duration", values: [PT4H, PT11H, PT48H]}
                  - {corridors: [Castello road, Sheikh Saeed, Salaheddine]}
                objectives:
                  - maximise: evacuated
                uncertainty: {ensemble: none}
                search:
                  population: 4
                  start:
                """.formatted(Path.of("scenarios/pause-24h.yaml").toAbsolutePath());
        Path good = TinyFiles.write(dir.resolve("good.yaml"), levers + """
                    - {name: two, "pauses[pause].duration": PT48H, corridors: [Salaheddine, Castello road]}
                    - {name: one, "pauses[pause].duration": PT4H, corridors: Sheikh Saeed}
                """);
        DesignSpec d = DesignSpecLoader.load(good);
        // the crossings in any order; the subset's index among the lever's values (Castello road + Salaheddine: 4)
        assertEquals(List.of(new DesignSpec.Start("two", List.of(2, 4)), new DesignSpec.Start("one", List.of(0, 1))),
                d.search().start());
        Path bad = TinyFiles.write(dir.resolve("bad.yaml"), levers + """
                    - {name: a, "pauses[pause].duration": PT5H, corridors: [Castello road]}
                    - {name: b, corridors: [Castello road], notice: PT1H}
                    - just a name
                """);
        try {
            DesignSpecLoader.load(bad);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            String all = String.join("\n", e.problems().stream().map(Problem::format).toList());
            assertTrue(all.contains("bad.yaml:13:43: error: search.start[0].pauses[pause].duration: 'PT5H'; one of the "
                    + "lever's values: PT4H; PT11H; PT48H"), all);
            assertTrue(all.contains("bad.yaml:14:7: error: search.start[1]: no value for lever pauses[pause].duration; "
                    + "a value for every lever (pauses[pause].duration, corridors)"), all);
            assertTrue(all.contains("bad.yaml:14:45: error: search.start[1].notice: 'notice', which is no lever; name or "
                    + "a lever's path"), all);
            assertTrue(all.contains("bad.yaml:15:7: error: search.start[2]: found "), all);
        }
    }

    @Test
    void aCorridorTheBaseDoesNotHaveIsReportedAtTheLever() {
        Path f = TinyFiles.write(dir.resolve("c.yaml"), """
                schemaVersion: 1
                name: c
                base: %s
                levers:
                  - {corridors: [Castello road, Nowhere]}
                objectives:
                  - maximise: evacuated
                uncertainty: {ensemble: none}
                """.formatted(Path.of("scenarios/pause-24h.yaml").toAbsolutePath()));
        try {
            DesignSpecLoader.load(f);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            String first = e.problems().get(0).format();
            assertTrue(first.endsWith("c.yaml:5:33: error: levers[0].corridors[1]: no corridor named 'Nowhere' in the "
                    + "base; one of Castello road, Castello road fighters, Masakin Hanano, Sheikh Saeed, Salaheddine, "
                    + "Bustan al-Qasr, Bustan al-Qasr fighters, Sheikh Maqsoud"), first);
        }
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        TinyFiles.copyTo(dir);
        Path f = TinyFiles.write(dir.resolve("bad.yaml"), """
                schemaVersion: 1
                name: bad
                base: tiny.yaml
                levers:
                  - {path: "pauses[pause].duration", values: [PT2H, 11h]}
                  - {path: "pauses[pause].notice", values: [PT1H]}
                objectives:
                  - maximise: evacuated p100
                constraints:
                  - {figure: kiled, atMost: 20}
                search: {stages: [15, 5]}
                """);
        try {
            DesignSpecLoader.load(f);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            List<String> lines = e.problems().stream().map(Problem::format).toList();
            String all = String.join("\n", lines);
            assertTrue(all.contains("bad.yaml:6:44: error: levers[1].values: 1 value(s)"), all);
            assertTrue(all.contains("bad.yaml:8:15: error: objectives[0].maximise: 'evacuated p100'"), all);
            assertTrue(all.contains("bad.yaml:10:14: error: constraints[0].figure: 'kiled'; did you mean 'killed'?"), all);
            assertTrue(all.contains("bad.yaml:11:23: error: search.stages: found '5'; increasing"), all);
        }
    }

    @Test
    void aLeverValueTheBaseRefusesIsReportedAtTheValue() {
        TinyFiles.copyTo(dir);
        Path f = TinyFiles.write(dir.resolve("bad.yaml"), """
                schemaVersion: 1
                name: bad
                base: tiny.yaml
                levers:
                  - path: pauses[pause].duration
                    values: [PT2H, 11h]
                objectives:
                  - maximise: evacuated
                """);
        try {
            DesignSpecLoader.load(f);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            String first = e.problems().get(0).format();
            assertTrue(first.startsWith(dir.resolve("bad.yaml") + ":6:20: error: levers[0]: value '11h' for pauses[pause].duration: found '11h'"), first);
        }
    }
}
