package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.metrics.Manifest;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.SingleRun;
import org.safepassage.sim.TestScenarios;

/** {@code safepassage run} end to end through {@link Main#execute}, on the teaching scenario. */
class RunCommandTest {

    private static final Path TEACHING = Path.of("scenarios", "teaching.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one command. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runWritesTheTimeSeriesSummaryManifestAndChart() throws Exception {
        Path dir = tmp.resolve("teaching");
        Outcome o = execute("run", TEACHING.toString(), "--out", dir.toString());
        assertEquals(ExitCode.OK, o.code(), o.err());
        assertEquals(List.of("evacuated.png", "evacuated.svg", "manifest.json", "summary.json", "timeseries.csv"),
                files(dir), "exactly the run's files, no temporary ones");
        assertTrue(o.out().contains("wrote " + dir), o.out());

        JsonNode summary = json(dir.resolve("summary.json"));
        for (String key : List.of("initialPersons", "evacuated", "evacuatedThroughCorridors", "leftAcrossFront",
                "killed", "detained", "remaining", "evacuatedFraction", "fightersEvacuated", "peakQueue", "byCorridor",
                "byNeighbourhood")) {
            assertTrue(summary.has(key), "summary.json has " + key);
        }
        long initial = summary.get("initialPersons").asLong();
        assertEquals(2000, initial);
        assertEquals(initial, summary.get("evacuated").asLong() + summary.get("killed").asLong()
                + summary.get("detained").asLong() + summary.get("remaining").asLong(), "conservation in summary.json");
        assertTrue(summary.get("evacuated").asLong() > 0);
        assertEquals(2, summary.get("byCorridor").size());
        assertEquals(3, summary.get("byNeighbourhood").size());

        JsonNode manifest = json(dir.resolve("manifest.json"));
        assertEquals(Manifest.sha256(TEACHING), manifest.get("scenarioSha256").asText());
        assertEquals(64, manifest.get("scenarioSha256").asText().length());
        assertEquals(1, manifest.get("seed").asLong());
        assertEquals(2000, manifest.at("/effectiveParameters/population/persons").asLong());
        assertEquals("PT11H", manifest.at("/effectiveParameters/pauses/0/duration").asText());
        for (String key : List.of("projectVersion", "javaVersion", "wallSeconds", "scenarioFile", "command")) {
            assertTrue(manifest.has(key), "manifest.json has " + key);
        }

        // the time series: one row per tick, the columns of issue 4, the same bytes as the library writes
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("timeseries.csv")))) {
            List<String> header = csv.getHeaderNames();
            for (String c : List.of("tick", "hours", "pauseOpen", "staying", "preparing", "moving", "queued", "evacuated",
                    "killed", "detained", "fightersPresent", "evacuated[West gate]", "queue[West gate]", "meanTrust",
                    "decisions")) {
                assertTrue(header.contains(c), "column " + c + " in " + header);
            }
            List<CSVRecord> rows = csv.getRecords();
            assertEquals((2 * 24 + 10) * 12, rows.size(), "teaching.yaml: P2DT10H of 5-minute ticks");
            assertEquals(summary.get("evacuated").asLong(), Long.parseLong(rows.get(rows.size() - 1).get("evacuated")));
        }
        Path library = tmp.resolve("library.csv");
        RunWriter.writeTimeSeries(library, SingleRun.run(TestScenarios.load(TEACHING)).timeSeries());
        assertArrayEquals(Files.readAllBytes(library), Files.readAllBytes(dir.resolve("timeseries.csv")));
        assertTrue(Files.size(dir.resolve("evacuated.png")) > 1000);
    }

    @Test
    void seedAndSetChangeTheRunAndAreRecorded() throws Exception {
        Path one = tmp.resolve("one");
        Path seven = tmp.resolve("seven");
        assertEquals(ExitCode.OK, execute("run", TEACHING.toString(), "--out", one.toString(), "-q").code());
        Outcome o = execute("run", TEACHING.toString(), "--seed", "7", "--set", "population.persons=1000",
                "--set", "pauses[pause].duration=PT24H", "--out", seven.toString(), "-q");
        assertEquals(ExitCode.OK, o.code(), o.err());
        assertEquals("", o.out(), "quiet");
        JsonNode summary = json(seven.resolve("summary.json"));
        assertEquals(7, summary.get("seed").asLong());
        assertEquals(1000, summary.get("initialPersons").asLong());
        JsonNode manifest = json(seven.resolve("manifest.json"));
        assertEquals(7, manifest.get("seed").asLong());
        assertEquals(1000, manifest.at("/effectiveParameters/population/persons").asLong());
        assertEquals("PT24H", manifest.at("/effectiveParameters/pauses/0/duration").asText());
        assertEquals("population.persons=1000", manifest.at("/overrides/0").asText());
        assertFalse(Files.readString(one.resolve("timeseries.csv")).equals(Files.readString(seven.resolve("timeseries.csv"))));
        // the default folder is results/<scenario>/seed-<N>/, relative to where it runs: not tested here to keep
        // the project folder clean; --out is what the other tests use
    }

    @Test
    void aBadSetIsReportedWithItsKeyPathAndExitCode2AndWritesNothing() throws Exception {
        Path dir = tmp.resolve("bad-set");
        Outcome o = execute("run", TEACHING.toString(), "--set", "population.persons=lots", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--set:1:"), o.err());
        assertTrue(o.err().contains("population.persons"), o.err());
        assertTrue(o.err().contains("error:"), o.err());
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
        assertEquals(List.of(), files(dir));

        Outcome unknown = execute("run", TEACHING.toString(), "--set", "population.persns=5", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("population.persns"), unknown.err());
        assertEquals(List.of(), files(dir));

        Outcome noEquals = execute("run", TEACHING.toString(), "--set", "population.persons", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, noEquals.code());
        assertTrue(noEquals.err().contains("key.path=value"), noEquals.err());
    }

    @Test
    void aMissingScenarioIsReportedWithExitCode2AndWritesNothing() throws Exception {
        Path dir = tmp.resolve("missing");
        Outcome o = execute("run", "scenarios/no-such-scenario.yaml", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains("no-such-scenario.yaml"), o.err());
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aFailedRunLeavesAnEarlierRunsFilesAsTheyWere() throws Exception {
        Path dir = tmp.resolve("kept");
        assertEquals(ExitCode.OK, execute("run", TEACHING.toString(), "--out", dir.toString(), "-q").code());
        byte[] before = Files.readAllBytes(dir.resolve("summary.json"));
        List<String> filesBefore = files(dir);
        Outcome o = execute("run", TEACHING.toString(), "--set", "clock.tickMinutes=0", "--out", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("summary.json")));
        assertEquals(filesBefore, files(dir));
    }

    @Test
    void anOutputFolderThatIsAFileIsABadUsageNotACrash() throws Exception {
        Path file = tmp.resolve("not-a-folder");
        Files.writeString(file, "x");
        Outcome o = execute("run", TEACHING.toString(), "--out", file.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("not-a-folder"), o.err());
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
        Outcome below = execute("run", TEACHING.toString(), "--out", file.resolve("run").toString());
        assertEquals(ExitCode.BAD_INPUT, below.code(), below.err());
        assertTrue(below.err().startsWith("--out: error: "), below.err());
        assertEquals("x", Files.readString(file));
        assertEquals(List.of("not-a-folder"), files(tmp));
    }
}
