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
        assertEquals(5, d.levers().size());
        assertEquals(List.of("PT0S", "PT12H", "PT24H", "PT36H", "PT48H", "PT60H", "PT72H"), d.levers().get(2).values());
        assertEquals("{vehicles: 5, seatsPerVehicle: 50, roundTrip: PT2H}", d.levers().get(4).values().get(0));
        assertEquals(new DesignSpec.Objective("evacuated", "p10", true), d.objectives().get(1));
        assertEquals(new DesignSpec.Constraint("peakQueue", true, 20000, 0.95), d.constraints().get(0));
        assertEquals(List.of(5, 15, 50), d.search().stages());
        assertEquals(200, d.search().candidates());
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
