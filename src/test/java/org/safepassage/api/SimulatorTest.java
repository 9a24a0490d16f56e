package org.safepassage.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.ScenarioLoader;

/** The stable API gives what the command line gives, and refuses bad input with check's messages. */
class SimulatorTest {

    private static final Path TEACHING = Path.of("scenarios", "teaching.yaml");

    @Test
    void aRunThroughTheApiIsTheRunOfTheModelWithThatSeed() throws Exception {
        Model m = Simulator.load(TEACHING, List.of("pauses[0].duration=PT24H"));
        RunResult r = m.run(7);
        SingleRun.Result direct = SingleRun.run(
                ScenarioLoader.load(TEACHING, List.of("pauses[0].duration=PT24H")).scenario().withSeed(7));
        assertEquals(direct.summary().figures(), r.summary());
        assertEquals(7, r.seed());
        assertEquals(direct.timeSeries().columns(), r.timeSeries().columns());
        assertEquals(direct.timeSeries().rows().size(), r.timeSeries().size());
        assertArrayEquals(direct.timeSeries().series("evacuated"), r.timeSeries().column("evacuated"));
    }

    /**
     * A scenario that names a behaviour ensemble: the API draws the member from the seed exactly as
     * {@code safepassage run --seed} does (it ran the calibrated defaults alone, once).
     */
    @Test
    void aRunDrawsTheEnsembleMemberAsTheRunCommandDoes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path scenario = Path.of("scenarios", "aleppo-2016-12.yaml");
        List<String> sets = List.of("clock.horizon=PT12H");
        for (long seed : new long[] {3, 4}) {
            RunResult api = Simulator.load(scenario, sets).run(seed);
            java.util.List<String> args = new java.util.ArrayList<>(List.of("run", scenario.toString(), "--seed",
                    Long.toString(seed), "--out", dir.resolve("s" + seed).toString(), "-q"));
            for (String s : sets) {
                args.add("--set");
                args.add(s);
            }
            int code = org.safepassage.cli.Main.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()), args.toArray(String[]::new));
            assertEquals(0, code);
            com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(dir.resolve("s" + seed).resolve("summary.json").toFile());
            assertEquals(summary.get("evacuated").asDouble(), api.summary().get("evacuated"), 0.0, "seed " + seed);
            assertEquals(summary.get("killed").asDouble(), api.summary().get("killed"), 0.0, "seed " + seed);
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndTheScenarioSeedIsTheDefault() throws Exception {
        Model m = Simulator.load(TEACHING, List.of());
        assertEquals(m.run(m.seed()).summary(), m.run().summary());
        assertEquals(m.run(3).summary(), m.run(3).summary());
    }

    @Test
    void textLoadsLikeTheFileWithPathsFromTheLabelsFolder() throws Exception {
        String text = Files.readString(TEACHING);
        Model fromText = Simulator.parse(text, "scenarios/(text)", List.of());
        assertEquals(Simulator.load(TEACHING, List.of()).run(2).summary(), fromText.run(2).summary());
        assertEquals("teaching", fromText.name());
        assertEquals("teaching", ((java.util.Map<?, ?>) fromText.parameters().get("meta")).get("name"));
    }

    @Test
    void badInputIsRefusedWithCheckMessages() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Simulator.load(TEACHING, List.of("clock.tickMinutes=500")));
        assertEquals(List.of("--set:1:19: error: clock.tickMinutes: found 500; a whole number from 1 to 60"),
                e.problems());
        ScenarioException missing = assertThrows(ScenarioException.class,
                () -> Simulator.load(Path.of("no-such.yaml"), List.of()));
        assertTrue(missing.problems().get(0).startsWith("no-such.yaml: error: file not found"), missing.getMessage());
    }

    @Test
    void anUnknownColumnSaysWhichExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulator.load(TEACHING, List.of()).run(1).timeSeries().column("nope"));
        assertTrue(e.getMessage().contains("evacuated"), e.getMessage());
    }
}
