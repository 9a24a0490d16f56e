package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safepassage sweep and merge end to end on tiny studies over scenarios/teaching.yaml (one-day
 * horizon): outputs, determinism across thread counts, crash and resume, shards and merge,
 * refusal of bad input.
 */
class SweepCommandTest {

    @TempDir
    Path tmp;

    private Path factorial;
    private Path sobol;

    /** Result of one command. */
    record Exit(int code, String out, String err) {
    }

    @BeforeEach
    void studies() throws IOException {
        String base = Path.of("scenarios/teaching.yaml").toAbsolutePath().toString();
        factorial = write("factorial.yaml", """
                schemaVersion: 1
                name: tiny-factorial
                base: %s
                design: factorial
                parameters:
                  - path: pauses[pause].duration
                    values: [PT6H, PT11H, PT16H]
                  - path: corridors[West gate].monitoring
                    values: [none, neutral]
                  - path: clock.horizon
                    values: [P1D]
                replicates: 3
                seed: 5
                outputs: [evacuated, killed]
                """.formatted(base));
        sobol = write("sobol.yaml", """
                schemaVersion: 1
                name: tiny-sobol
                base: %s
                design: sobol
                samples: 4
                parameters:
                  - path: pauses[pause].credibility
                    min: 0.2
                    max: 0.9
                  - path: behaviour.weights.timePressure
                    min: 0
                    max: 8
                  - path: population.persons
                    min: 1000
                    max: 3000
                replicates: 2
                seed: 9
                outputs: [evacuated, peakQueue]
                """.formatted(base));
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static Exit sweep(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Exit(code, out.toString(), err.toString());
    }

    private Exit run(Path study, Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", study.toString(), "--out", dir.toString(), "-q"));
        args.addAll(List.of(more));
        return sweep(args.toArray(String[]::new));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static void assertSameOutputs(Path expected, Path actual, String... files) throws IOException {
        for (String f : files) {
            assertEquals(read(expected.resolve(f)), read(actual.resolve(f)), f + " differs");
        }
    }

    @Test
    void factorialSweepWritesOneRowPerRunSummaryChartsAndManifest() throws IOException {
        Path dir = tmp.resolve("out");
        Exit e = run(factorial, dir);
        assertEquals(ExitCode.OK, e.code(), e.err());
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(1 + 3 * 2 * 3, runs.size());
        assertTrue(runs.get(0).startsWith("point,replicate,seed,pauses[pause].duration,"
                + "corridors[West gate].monitoring,clock.horizon,initialPersons,evacuated,"));
        assertTrue(runs.get(1).startsWith("0,0,"));
        assertTrue(runs.get(18).startsWith("5,2,"));
        // Common random numbers: replicate r has the same seed at every point.
        assertEquals(runs.get(1).split(",")[2], runs.get(4).split(",")[2]);
        assertNotEquals(runs.get(1).split(",")[2], runs.get(2).split(",")[2]);
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("point,pauses[pause].duration,corridors[West gate].monitoring,clock.horizon,figure,n,mean,sd,"
                + "ciLow,ciHigh,median,p5,p95", summary.get(0));
        assertEquals(1 + 6 * 2, summary.size());
        assertTrue(summary.get(1).startsWith("0,PT6H,none,P1D,evacuated,3,"));
        for (String chart : List.of("evacuated-vs-pauses-pause-duration", "killed-vs-corridors-west-gate-monitoring",
                "heatmap")) {
            assertTrue(Files.size(dir.resolve(chart + ".png")) > 1000, chart);
            assertTrue(Files.size(dir.resolve(chart + ".svg")) > 1000, chart);
        }
        assertFalse(Files.exists(dir.resolve("sensitivity.csv")));
        // Paired with point 0 replicate by replicate: the mean difference is the difference of the means.
        List<String> paired = Files.readAllLines(dir.resolve("paired.csv"));
        assertEquals("point,pauses[pause].duration,corridors[West gate].monitoring,clock.horizon,baseline,figure,n,"
                + "meanDifference,sd,ciLow,ciHigh", paired.get(0));
        assertEquals(1 + 5 * 2, paired.size());
        String[] p5 = paired.get(9).split(",");
        assertEquals("5", p5[0]);
        assertEquals("evacuated", p5[5]);
        double mean5 = Double.parseDouble(summary.get(11).split(",")[6]);
        double mean0 = Double.parseDouble(summary.get(1).split(",")[6]);
        assertEquals(mean5 - mean0, Double.parseDouble(p5[7]), 1e-5);
        assertFalse(Files.exists(dir.resolve("sweep-state.json")));
        assertTrue(read(dir.resolve("report.html")).contains("evacuated"));
        String manifest = read(dir.resolve("manifest.json"));
        assertTrue(manifest.contains("\"studySha256\"") && manifest.contains("\"replicateSeeds\""));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        assertEquals(ExitCode.OK, run(sobol, one, "--threads", "1").code());
        assertEquals(ExitCode.OK, run(sobol, three, "--threads", "3").code());
        assertSameOutputs(one, three, "runs.csv", "summary.csv", "sensitivity.csv");
        List<String> sensitivity = Files.readAllLines(one.resolve("sensitivity.csv"));
        assertEquals("figure,parameter,first,firstLow,firstHigh,total,totalLow,totalHigh", sensitivity.get(0));
        assertEquals(1 + 2 * 3, sensitivity.size());
        assertEquals(1 + 4 * 5 * 2, Files.readAllLines(one.resolve("runs.csv")).size());
    }

    @Test
    void aKilledSweepResumesToTheSameFilesAsAStraightRun() throws IOException {
        Path straight = tmp.resolve("straight");
        assertEquals(ExitCode.OK, run(sobol, straight).code());

        Path crashed = tmp.resolve("crashed");
        Exit stopped = run(sobol, crashed, "--threads", "2", "--stop-after", "7");
        assertEquals(ExitCode.FAILED, stopped.code());
        assertTrue(Files.exists(crashed.resolve("sweep-state.json")));
        assertEquals(1 + 7, Files.readAllLines(crashed.resolve("runs.csv")).size());
        // The crash also cut a line short.
        Files.writeString(crashed.resolve("runs.csv"), "3,1,51234,0.4", StandardOpenOption.APPEND);
        // ... and left a temporary file of an atomic write behind.
        Files.writeString(crashed.resolve(".summary.csv.123.tmp"), "point,");

        Exit refused = run(sobol, crashed);
        assertEquals(ExitCode.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("unfinished sweep"), refused.err());

        Exit resumed = run(sobol, crashed, "--resume");
        assertEquals(ExitCode.OK, resumed.code(), resumed.err());
        assertSameOutputs(straight, crashed, "runs.csv", "summary.csv", "sensitivity.csv");
        assertFalse(Files.exists(crashed.resolve("sweep-state.json")));
        assertFalse(Files.exists(crashed.resolve(".summary.csv.123.tmp")));
        assertTrue(read(crashed.resolve("manifest.json")).contains("\"resumedFromRuns\" : 7"));
    }

    @Test
    void resumeRefusesAnotherStudysRuns() throws IOException {
        Path dir = tmp.resolve("mixed");
        assertEquals(ExitCode.FAILED, run(factorial, dir, "--stop-after", "2").code());
        Files.delete(dir.resolve("sweep-state.json"));
        Exit e = run(sobol, dir, "--resume");
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().contains("cannot resume"), e.err());
    }

    @Test
    void shardsMergedEqualTheWholeSweep() throws IOException {
        Path whole = tmp.resolve("whole");
        assertEquals(ExitCode.OK, run(sobol, whole).code());
        List<String> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path shard = tmp.resolve("shard" + i);
            Exit e = run(sobol, shard, "--shard", i + "/3");
            assertEquals(ExitCode.OK, e.code(), e.err());
            assertFalse(Files.exists(shard.resolve("summary.csv")));
            shards.add(shard.toString());
        }
        Path merged = tmp.resolve("merged");
        Exit missing = sweep("merge", shards.get(0), shards.get(2), "--out", merged.toString(), "-q");
        assertEquals(ExitCode.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("shards 2 of 3 are missing"), missing.err());

        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shards);
        args.addAll(List.of("--out", merged.toString(), "-q"));
        Exit e = sweep(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, e.code(), e.err());
        assertSameOutputs(whole, merged, "runs.csv", "summary.csv", "sensitivity.csv");
        assertTrue(Files.size(merged.resolve("sensitivity.png")) > 1000);
        assertTrue(Files.exists(merged.resolve("report.html")));
    }

    @Test
    void badStudyFilesAreRefusedWithPositionsAndNothingWritten() throws IOException {
        Path dir = tmp.resolve("bad-out");
        Path unknownKey = write("bad1.yaml", read(factorial).replace("replicates: 3", "replicate: 3"));
        Exit e = run(unknownKey, dir);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().matches("(?s).*bad1\\.yaml:12:1: error: replicate: unknown key 'replicate'.*"), e.err());

        Path badValue = write("bad2.yaml", read(factorial).replace("values: [none, neutral]", "values: [none, sometimes]"));
        e = run(badValue, dir);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().matches("(?s).*bad2\\.yaml:9:\\d+: error: parameters\\[1\\]: value 'sometimes'.*"), e.err());

        Path badRange = write("bad3.yaml", read(sobol).replace("max: 0.9", "max: 0.1"));
        e = run(badRange, dir);
        assertEquals(ExitCode.BAD_INPUT, e.code());
        assertTrue(e.err().matches("(?s).*bad3\\.yaml:9:\\d+: error: parameters\\[0\\]\\.max: .*"), e.err());
        assertFalse(Files.exists(dir));

        Exit shard = run(factorial, dir, "--shard", "4/3");
        assertEquals(ExitCode.BAD_INPUT, shard.code());
        assertTrue(shard.err().contains("--shard"), shard.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void aDesignPointTheLoaderRefusesStopsTheSweepWithItsProblem() throws IOException {
        // Each value is valid alone (the study loads), but 35 minutes are not a whole number of 10-minute ticks.
        Path study = write("ticks.yaml", """
                schemaVersion: 1
                name: ticks
                base: %s
                parameters:
                  - path: clock.tickMinutes
                    values: [5, 10]
                  - path: clock.horizon
                    values: [PT1H, PT35M]
                replicates: 2
                """.formatted(Path.of("scenarios/teaching.yaml").toAbsolutePath()));
        Exit e = run(study, tmp.resolve("ticks-out"), "--threads", "1");
        assertEquals(ExitCode.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains("design point 3 (clock.tickMinutes=10, clock.horizon=PT35M) is not a valid scenario"),
                e.err());
        assertTrue(e.err().contains("clock.horizon"), e.err());
    }
}
