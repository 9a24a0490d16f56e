package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented limits (docs/SCENARIO-FORMAT.md, Limits) are checked by the loaders, before
 * any work: studies of too many points or runs (which overflowed an int), maps and corridors that
 * would need more memory than a run may use, more corridors than a household can name.
 */
class LimitsTest {

    @TempDir
    Path dir;

    private String study(String design, String parameters, long replicates) {
        return """
                schemaVersion: 1
                name: big
                base: tiny.yaml
                design: %s
                parameters:
                %s
                replicates: %d
                """.formatted(design, parameters, replicates);
    }

    private InvalidInputException refused(String text) throws IOException {
        TinyFiles.copyTo(dir);
        Path s = dir.resolve("big-study.yaml");
        Files.writeString(s, text);
        return assertThrows(InvalidInputException.class, () -> StudyLoader.load(s));
    }

    @Test
    void aSobolStudyOfMoreThanTwoToThe31RunsIsRefusedAtItsSamples() throws IOException {
        InvalidInputException e = refused(study("sobol\nsamples: 1000000", """
                  - {path: seed, min: 1, max: 9}
                  - {path: population.persons, min: 10, max: 90}
                """, 1000));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).format().endsWith(":5:10: error: samples: 4000000 design points (1000000 "
                + "samples x 4 points each); at most 1000000 (docs/SCENARIO-FORMAT.md, Limits)"), e.problems().toString());
    }

    @Test
    void aFactorialOfTooManyRunsIsRefusedAtItsReplicates() throws IOException {
        String values = IntStream.range(0, 2000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        InvalidInputException e = refused(study("factorial", "  - {path: seed, values: [" + values + "]}", 100000));
        assertTrue(e.problems().get(0).format().contains("error: replicates: 2000 points x 100000 replicates = "
                + "200000000 runs (runs.csv about "), e.problems().toString());
        String many = "  - {path: seed, values: [" + values + "]}\n  - {path: population.persons, values: [" + values
                + "]}";
        e = refused(study("factorial", many, 1));
        assertTrue(e.problems().get(0).format().contains("error: parameters: 4000000 design points; at most 1000000"),
                e.problems().toString());
    }

    private Path bigScenario(int corridors) throws IOException {
        Files.createDirectories(dir.resolve("maps"));
        int n = 2000;
        Files.writeString(dir.resolve("maps/t.txt"), "W".repeat(n) + "\n" + ".".repeat(n) + "\n"
                + (("#".repeat(n) + "\n").repeat(n - 2)));
        Files.writeString(dir.resolve("maps/n.txt"), ".".repeat(n) + "\n" + (("a".repeat(n) + "\n").repeat(n - 1)));
        String list = IntStream.range(0, corridors).mapToObj(i -> "  - {name: c" + i + ", entryCell: [" + i
                + ", 1], leadsTo: west}").collect(Collectors.joining("\n"));
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, """
                schemaVersion: 1
                meta: {name: big}
                clock: {start: 2016-10-20T06:00, tickMinutes: 5, horizon: PT12H}
                map:
                  file: maps/t.txt
                  neighbourhoodFile: maps/n.txt
                  cellMeters: 50
                  legend: {".": street, "#": built, "W": {terrain: safe, safeArea: west}}
                  neighbourhoods:
                    - {name: A, symbol: a, populationShare: 1}
                population: {persons: 2000}
                pauses:
                  - {name: p, declaredBy: besieger, credibility: 0.5, start: 2016-10-20T08:00, duration: PT4H}
                corridors:
                """ + list + "\n");
        return f;
    }

    @Test
    void aMaximalMapWith400CorridorsIsRefusedBeforeItIsRead() throws IOException {
        Path f = bigScenario(400);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f));
        assertEquals(List.of(f + ":15:3: error: corridors: 400 corridors; at most 127"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void aMaximalMapWith100CorridorsIsRefusedForItsMemory() throws IOException {
        Path f = bigScenario(100);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f));
        assertEquals(List.of(f + ":5:9: error: map.file: one run would need over 3.1 GB of memory for the map alone "
                + "(about 4000000 cells, 100 corridors); at most 2.0 GB a run (a smaller map or fewer corridors)"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void theRunEstimateOfTheTinyScenarioIsSmall() throws Exception {
        Scenario s = ScenarioLoader.load(TinyFiles.copyTo(dir));
        long bytes = Limits.runBytes(s);
        // 48 cells x (24 + 8) + 200 persons / mean size households x 64 + 145 ticks x (16 + 8 x 12)
        assertTrue(bytes > 16_000 && bytes < 40_000, Long.toString(bytes));
        assertEquals("12.8 GB", Limits.bytes(12_800L * (1L << 30) / 1000));
    }
}
