package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --design points.csv}: an external sampler's points, run like the study's own. */
class ExternalDesignTest {

    @TempDir
    Path tmp;

    private Path study() throws Exception {
        Path study = tmp.resolve("study.yaml");
        Files.writeString(study, String.join("\n", "schemaVersion: 1", "name: ext",
                "base: " + Path.of("scenarios", "teaching.yaml").toAbsolutePath(), "design: factorial", "parameters:",
                "  - path: pauses[0].duration", "    values: [PT6H]", "replicates: 2", "seed: 3",
                "outputs: [evacuated]", ""));
        return study;
    }

    @Test
    void eachRowIsAPointAndEachRunIsTheRunOfItsValuesAndSeed() throws Exception {
        Path points = tmp.resolve("points.csv");
        Files.writeString(points, "\uFEFFpauses[0].duration,behaviour.weights.trust\nPT6H,2\nPT24H,3.5\n");
        Path out = tmp.resolve("out");
        RunCommandTest.Outcome o = RunCommandTest.execute("sweep", study().toString(), "--design", points.toString(),
                "--out", out.toString(), "-q", "--threads", "1");
        assertEquals(ExitCode.OK, o.code(), o.err());
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertTrue(runs.get(0).startsWith("point,replicate,seed,pauses[0].duration,behaviour.weights.trust,"), runs.get(0));
        assertEquals(5, runs.size());
        String[] last = runs.get(4).split(",");
        assertEquals(List.of("1", "1", "PT24H", "3.5"), List.of(last[0], last[1], last[3], last[4]));
        // the same run alone, from its seed and values
        Path one = tmp.resolve("one");
        assertEquals(ExitCode.OK, RunCommandTest.execute("run", "scenarios/teaching.yaml", "--seed", last[2],
                "--set", "pauses[0].duration=PT24H", "--set", "behaviour.weights.trust=3.5", "--out", one.toString(),
                "-q").code());
        String summary = Files.readString(one.resolve("summary.json"));
        assertTrue(summary.contains("\"evacuated\" : " + last[6] + ","), summary + "\n" + runs.get(4));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"designSha256\""));
    }

    @Test
    void badPointsAreRefusedAtTheirCellsAndNothingIsWritten() throws Exception {
        Path points = tmp.resolve("bad.csv");
        Files.writeString(points, "pauses[0].duration,colour\nPT6H,1\nPT6X,2\nPT6H\n");
        Path out = tmp.resolve("out");
        RunCommandTest.Outcome o = RunCommandTest.execute("sweep", study().toString(), "--design", points.toString(),
                "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains(points + ":4:1: error: 1 value(s); 2 values, one per column of the header"), o.err());
        Files.writeString(points, "pauses[0].duration,colour\nPT6H,1\nPT6X,2\n");
        o = RunCommandTest.execute("sweep", study().toString(), "--design", points.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains(points + ":3:1: error: pauses[0].duration: value 'PT6X': found 'PT6X'"), o.err());
        assertTrue(o.err().contains(points + ":2:2: error: colour: value '1': unknown key 'colour'"), o.err());
        assertEquals(2, o.err().lines().count(), o.err());
        assertFalse(Files.exists(out));
    }
}
