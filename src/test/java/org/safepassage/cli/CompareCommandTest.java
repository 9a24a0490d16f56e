package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.experiment.Seeds;
import org.safepassage.experiment.Sample;

/**
 * {@code compare} end to end on the teaching district: the files of the contract, common random
 * numbers, the same bytes on one thread and on two, and bad input refused with nothing written.
 */
class CompareCommandTest {

    static final Path TEACHING = Path.of("scenarios/teaching.yaml").toAbsolutePath();
    static final int REPLICATES = 4;
    static final List<String> CSV_FILES =
            List.of("runs.csv", "summary.csv", "paired.csv", "timeseries-mean.csv", "scenarios.csv");

    @TempDir
    static Path tmp;
    static Path longer;
    static Path twin;
    static Path oneThread;
    static Path twoThreads;
    static String table;

    /** Runs {@code compare ARGS}; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), concat(new String[] {"compare"}, args));
        return new Object[] {code, out.toString(), err.toString()};
    }

    static Path scenario(String name, String yaml) throws IOException {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, "extends: " + TEACHING + "\n" + yaml);
        return file;
    }

    @BeforeAll
    static void compareTwiceWithDifferentThreadCounts() throws IOException {
        longer = scenario("longer", "meta: {name: teaching-24h}\npauses:\n  - {name: pause, duration: PT24H}\n");
        twin = scenario("twin", "meta: {name: teaching-twin}\n");
        oneThread = tmp.resolve("one");
        twoThreads = tmp.resolve("two");
        String[] common = {TEACHING.toString(), longer.toString(), twin.toString(), "--replicates",
            String.valueOf(REPLICATES)};
        Object[] a = run(concat(common, "--threads", "1", "--out", oneThread.toString()));
        assertEquals(ExitCode.OK, a[0], () -> (String) a[2]);
        table = (String) a[1];
        Object[] b = run(concat(common, "--threads", "2", "-q", "--out", twoThreads.toString()));
        assertEquals(ExitCode.OK, b[0], () -> (String) b[2]);
        assertEquals("", b[1], "--quiet prints nothing");
    }

    static String[] concat(String[] a, String... b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static List<CSVRecord> rows(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }

    static List<String> header(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getHeaderNames();
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        for (String f : CSV_FILES) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(f)), Files.readAllBytes(twoThreads.resolve(f)), f);
        }
    }

    @Test
    void writesEveryFileOfTheContract() {
        for (String f : List.of("runs.csv", "summary.csv", "paired.csv", "timeseries-mean.csv", "scenarios.csv",
                "manifest.json", "report.html")) {
            assertTrue(Files.isRegularFile(oneThread.resolve(f)), f);
        }
    }

    @Test
    void csvFilesHaveTheContractsShape() throws IOException {
        List<String> runsHeader = header(oneThread.resolve("runs.csv"));
        assertEquals(List.of("scenario", "replicate", "seed"), runsHeader.subList(0, 3));
        assertTrue(runsHeader.containsAll(List.of("evacuated", "killed", "remaining", "peakQueue", "detained",
                "evacuatedFraction")));
        assertEquals(3 * REPLICATES, rows(oneThread.resolve("runs.csv")).size());
        assertEquals(List.of("0", "1", "2", "3"), rows(oneThread.resolve("runs.csv")).subList(0, REPLICATES).stream()
                .map(r -> r.get("replicate")).toList(), "replicates numbered from 0, as in sweeps");

        List<String> sample = List.of("n", "mean", "sd", "ciLow", "ciHigh", "median", "p5", "p95");
        List<String> summaryHeader = new ArrayList<>(List.of("scenario", "figure"));
        summaryHeader.addAll(sample);
        assertEquals(summaryHeader, header(oneThread.resolve("summary.csv")));
        assertEquals("ensembleMember", runsHeader.get(runsHeader.size() - 1), "the member each run drew, last");
        int figures = runsHeader.size() - 4;
        assertEquals(3 * (figures + 2), rows(oneThread.resolve("summary.csv")).size(),
                "every figure, then persons out where the pause held and where it was cut short");
        List<CSVRecord> spread = rows(oneThread.resolve("spread.csv"));
        assertEquals(3, spread.size());
        for (CSVRecord r : spread) {
            assertEquals(REPLICATES, Integer.parseInt(r.get("heldRuns")) + Integer.parseInt(r.get("cutShortRuns")),
                    "every run either held or was cut short");
            double shares = Double.parseDouble(r.get("varianceShareSeeds"))
                    + Double.parseDouble(r.get("varianceShareParameters"))
                    + Double.parseDouble(r.get("varianceShareInputs"));
            assertEquals(1.0, shares, 1e-6, "the variance shares add up");
        }

        assertEquals(List.of("scenario", "baseline", "figure", "n", "meanDifference", "sd", "ciLow", "ciHigh"),
                header(oneThread.resolve("paired.csv")));
        List<CSVRecord> paired = rows(oneThread.resolve("paired.csv"));
        assertEquals(2 * figures, paired.size(), "each scenario after the first, every figure");
        assertTrue(paired.stream().allMatch(r -> r.get("baseline").equals("teaching")));

        assertEquals(List.of("scenario", "hours", "mean", "ciLow", "ciHigh", "p5", "p95"),
                header(oneThread.resolve("timeseries-mean.csv")));
        List<CSVRecord> series = rows(oneThread.resolve("timeseries-mean.csv"));
        assertEquals(3 * 59, series.size(), "hours 0..58 of the 58-hour horizon, per scenario");
        assertEquals("0", series.get(0).get("hours"));
        assertEquals("48", series.get(48).get("hours"));

        assertEquals(List.of("scenario", "file", "pauseWindows", "pauseStart", "pauseEnd", "pauseHoursTotal",
                "noticeHours", "monitoring",
                "corridors", "capacityPersonsPerHour", "transport"), header(oneThread.resolve("scenarios.csv")));
        List<CSVRecord> scenarios = rows(oneThread.resolve("scenarios.csv"));
        assertEquals(List.of("teaching", "teaching-24h", "teaching-twin"),
                scenarios.stream().map(r -> r.get("scenario")).toList());
        assertEquals("11", scenarios.get(0).get("pauseHoursTotal"));
        assertEquals("24", scenarios.get(1).get("pauseHoursTotal"));
        assertEquals("2016-10-20 08:00 to 2016-10-20 19:00 (11 h)", scenarios.get(0).get("pauseWindows"));
        assertEquals("2016-10-20T08:00", scenarios.get(0).get("pauseStart"));
        assertEquals("2016-10-20T19:00", scenarios.get(0).get("pauseEnd"));
        assertEquals("12", scenarios.get(0).get("noticeHours"));
        assertEquals("2 civilian", scenarios.get(0).get("corridors"));
    }

    @Test
    void summaryAndTimeSeriesAgreeWithTheRuns() throws IOException {
        List<CSVRecord> runs = rows(oneThread.resolve("runs.csv"));
        double[] evacuated = runs.stream().filter(r -> r.get("scenario").equals("teaching-24h"))
                .mapToDouble(r -> Double.parseDouble(r.get("evacuated"))).toArray();
        Sample expected = Sample.of(evacuated);
        CSVRecord row = rows(oneThread.resolve("summary.csv")).stream()
                .filter(r -> r.get("scenario").equals("teaching-24h") && r.get("figure").equals("evacuated"))
                .findFirst().orElseThrow();
        assertEquals(expected.mean(), Double.parseDouble(row.get("mean")), 1e-6);
        assertEquals(expected.ciLow(), Double.parseDouble(row.get("ciLow")), 1e-6);
        assertEquals(expected.ciHigh(), Double.parseDouble(row.get("ciHigh")), 1e-6);
        CSVRecord last = rows(oneThread.resolve("timeseries-mean.csv")).stream()
                .filter(r -> r.get("scenario").equals("teaching-24h") && r.get("hours").equals("48"))
                .findFirst().orElseThrow();
        assertEquals(expected.mean(), Double.parseDouble(last.get("mean")), 1e-6,
                "cumulative evacuated at the horizon is the final evacuated");
    }

    @Test
    void replicateRHasTheSameSeedInEveryScenario() throws IOException {
        List<CSVRecord> runs = rows(oneThread.resolve("runs.csv"));
        for (CSVRecord r : runs) {
            int replicate = Integer.parseInt(r.get("replicate"));
            assertEquals(Seeds.runSeed(CompareCommand.DEFAULT_SEED, replicate), Long.parseLong(r.get("seed")));
        }
        Set<String> seeds = new HashSet<>();
        runs.forEach(r -> seeds.add(r.get("seed")));
        assertEquals(REPLICATES, seeds.size(), "one seed per replicate, shared by the scenarios");
    }

    @Test
    void aScenarioThatDiffersOnlyInNameGivesTheSameRunsReplicateByReplicate() throws IOException {
        // common random numbers: same seed, same scenario => identical draws => zero paired differences
        List<CSVRecord> paired = rows(oneThread.resolve("paired.csv"));
        for (CSVRecord r : paired) {
            if (r.get("scenario").equals("teaching-twin") && !r.get("meanDifference").isEmpty()) {
                assertEquals(0.0, Double.parseDouble(r.get("meanDifference")), 0.0, r.get("figure"));
                assertEquals(0.0, Double.parseDouble(r.get("sd")), 0.0, r.get("figure"));
            }
        }
        // ...while replicates themselves differ, and the longer pause changes the outcome
        Set<String> evacuated = new HashSet<>();
        rows(oneThread.resolve("runs.csv")).stream().filter(r -> r.get("scenario").equals("teaching"))
                .forEach(r -> evacuated.add(r.get("evacuated")));
        assertTrue(evacuated.size() > 1, "replicates have different outcomes");
        CSVRecord longerPause = paired.stream()
                .filter(r -> r.get("scenario").equals("teaching-24h") && r.get("figure").equals("evacuated"))
                .findFirst().orElseThrow();
        assertNotEquals(0.0, Double.parseDouble(longerPause.get("meanDifference")));
    }

    @Test
    void theManifestSaysHowToReproduceTheComparison() throws IOException {
        com.fasterxml.jackson.databind.JsonNode m =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(oneThread.resolve("manifest.json").toFile());
        assertTrue(m.path("command").asText().startsWith("safepassage compare "), m.path("command").asText());
        assertEquals(REPLICATES, m.path("replicates").asInt());
        assertEquals(CompareCommand.DEFAULT_SEED, m.path("baseSeed").asLong());
        for (int r = 0; r < REPLICATES; r++) {
            assertEquals(Seeds.runSeed(CompareCommand.DEFAULT_SEED, r), m.path("seeds").get(r).asLong());
        }
        assertEquals(3, m.path("scenarios").size());
        com.fasterxml.jackson.databind.JsonNode first = m.path("scenarios").get(0);
        assertEquals("teaching", first.path("name").asText());
        assertEquals(org.safepassage.metrics.Manifest.sha256(TEACHING), first.path("sha256").asText());
        assertEquals(64, first.path("effectiveParametersSha256").asText().length());
        assertNotEquals(first.path("effectiveParametersSha256").asText(),
                m.path("scenarios").get(1).path("effectiveParametersSha256").asText(), "the 24-hour pause differs");
        assertTrue(m.path("wallSeconds").isNumber());
        assertTrue(m.path("javaVersion").isTextual());
    }

    @Test
    void theTablePrintsEveryScenarioWithItsInterval() {
        assertTrue(table.contains("left the enclave (95 % CI)"), table);
        for (String name : List.of("teaching", "teaching-24h", "teaching-twin")) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(name + " ")), name + " in\n" + table);
        }
        assertTrue(table.contains("vs teaching"), table);
    }

    // --- bad input: exit 2, a clear message, nothing written -------------------------------------

    static void assertRefused(Path out, String expectedInMessage, String... args) throws IOException {
        Object[] r = run(concat(args, "--out", out.toString()));
        assertEquals(ExitCode.BAD_INPUT, r[0], () -> "stderr: " + r[2]);
        assertTrue(((String) r[2]).contains(expectedInMessage), () -> "stderr: " + r[2]);
        assertFalse(((String) r[2]).contains("Exception"), () -> "no stack trace: " + r[2]);
        assertFalse(Files.exists(out), "nothing written");
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("." + out.getFileName())),
                    "no temporary folder left");
        }
    }

    @Test
    void aMissingFileIsRefused() throws IOException {
        Path out = tmp.resolve("bad-missing");
        assertRefused(out, "no-such.yaml", TEACHING.toString(), tmp.resolve("no-such.yaml").toString());
    }

    @Test
    void aBrokenScenarioIsRefusedWithItsPosition() throws IOException {
        Path broken = scenario("broken", "meta: {name: broken}\npauses:\n  - {name: pause, duration: eleven hours}\n");
        Path out = tmp.resolve("bad-broken");
        assertRefused(out, broken + ":4:", TEACHING.toString(), broken.toString());
    }

    @Test
    void anUnknownKeyInSetIsRefused() throws IOException {
        Path out = tmp.resolve("bad-set");
        assertRefused(out, "error", TEACHING.toString(), "--set", "pauses[pause].lenght=PT5H");
    }

    @Test
    void badCountsAreRefused() throws IOException {
        assertRefused(tmp.resolve("bad-replicates"), "--replicates", TEACHING.toString(), "--replicates", "0");
        assertRefused(tmp.resolve("bad-threads"), "--threads", TEACHING.toString(), "--threads", "0");
    }

    @Test
    void twoScenariosWithOneNameAreRefused() throws IOException {
        assertRefused(tmp.resolve("bad-names"), "meta.name", TEACHING.toString(), TEACHING.toString());
    }

    @Test
    void anOutputPathThatIsAFileIsRefused() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "keep me");
        Object[] r = run(TEACHING.toString(), "--out", file.toString());
        assertEquals(ExitCode.BAD_INPUT, r[0]);
        assertTrue(((String) r[2]).contains("--out"), (String) r[2]);
        assertEquals("keep me", Files.readString(file));
    }
}
