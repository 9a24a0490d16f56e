package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.experiment.Seeds;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Variation;

/**
 * The tidy per-run tables of sweep and compare ({@code --outputs corridors,neighbourhoods,hourly}),
 * the ensemble member of each run, {@code sweep --ensemble} and {@code sweep --bom}: columns, row
 * counts, size bounded by the hourly step, the same bytes on 1 and 2 threads, after a crash and
 * resume, and after shards and merge, with and without byte-order marks.
 */
class TidyOutputsTest {

    private static final String ALL = "corridors,neighbourhoods,hourly";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** teaching.yaml: 2 corridors, 3 neighbourhoods, a horizon of 58 hours. */
    private static final int CORRIDORS = 2;
    private static final int NEIGHBOURHOODS = 3;
    private static final int HORIZON_HOURS = 58;

    @TempDir
    Path tmp;

    private Path study;

    @BeforeEach
    void study() throws IOException {
        study = tmp.resolve("study.yaml");
        Files.writeString(study, """
                schemaVersion: 1
                name: tidy
                base: %s
                design: factorial
                parameters:
                  - path: corridors[West gate].monitoring
                    values: [none, neutral]
                replicates: 3
                seed: 5
                outputs: [evacuated, killed]
                """.formatted(Path.of("scenarios/teaching.yaml").toAbsolutePath()));
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        if (code != ExitCode.OK && code != ExitCode.FAILED) {
            System.err.println(err);
        }
        return code;
    }

    private int sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", study.toString(), "--out", out.toString(), "-q"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static List<String> lines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return List.of((text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n"));
    }

    private static byte[] withoutBom(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        return startsWithBom(b) ? java.util.Arrays.copyOfRange(b, 3, b.length) : b;
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    private static void assertSameTables(Path a, Path b) throws IOException {
        for (String f : List.of("runs.csv", "corridors.csv", "neighbourhoods.csv", "hourly.csv")) {
            assertArrayEquals(withoutBom(a.resolve(f)), withoutBom(b.resolve(f)), f + " differs");
        }
    }

    @Test
    void eachTableHasItsColumnsAndOneRowPerRunAndItem() throws IOException {
        Path out = tmp.resolve("one");
        assertEquals(ExitCode.OK, sweep(out, "--threads", "1", "--outputs", ALL, "--hourly-step", "6"));
        int runs = 2 * 3;
        List<String> corridors = lines(out.resolve("corridors.csv"));
        assertEquals("point,replicate,corridor,kind,evacuated,detained,fightersEvacuated,peakQueue,clashes",
                corridors.get(0));
        assertEquals(1 + runs * CORRIDORS, corridors.size());
        List<String> neighbourhoods = lines(out.resolve("neighbourhoods.csv"));
        assertEquals("point,replicate,neighbourhood,initialPersons,evacuated,killed,detained,remaining,lostToFrontShift",
                neighbourhoods.get(0));
        assertEquals(1 + runs * NEIGHBOURHOODS, neighbourhoods.size());
        List<String> hourly = lines(out.resolve("hourly.csv"));
        assertEquals("point,replicate,hours,pauseOpen,staying,preparing,moving,queued,evacuated,"
                + "evacuatedThroughCorridors,leftAcrossFront,killed,detained,meanTrust", hourly.get(0));
        assertEquals(1 + runs * (HORIZON_HOURS / 6), hourly.size());
        // keyed and ordered by run; the corridors of a run add up to its runs.csv figure
        List<String> runsCsv = lines(out.resolve("runs.csv"));
        List<String> header = List.of(runsCsv.get(0).split(","));
        int evacuated = header.indexOf("evacuatedThroughCorridors");
        for (int r = 1; r < runsCsv.size(); r++) {
            String[] cells = runsCsv.get(r).split(",");
            String key = cells[0] + "," + cells[1] + ",";
            long sum = corridors.stream().filter(l -> l.startsWith(key)).mapToLong(l -> Long.parseLong(l.split(",")[4]))
                    .sum();
            assertEquals(Long.parseLong(cells[evacuated]), sum, "run " + key);
            List<String> hours = hourly.stream().filter(l -> l.startsWith(key)).toList();
            assertEquals(HORIZON_HOURS / 6, hours.size());
            assertTrue(Long.parseLong(hours.get(hours.size() - 1).split(",")[8])
                    <= Long.parseLong(cells[header.indexOf("evacuated")]),
                    "the last hourly row, at hour 54 of 58, counts no more than the end figure");
        }
    }

    @Test
    void theHourlyStepBoundsTheSizeAndNothingIsWrittenUnlessAsked() throws IOException {
        Path every = tmp.resolve("every");
        Path sixth = tmp.resolve("sixth");
        Path none = tmp.resolve("none");
        assertEquals(ExitCode.OK, sweep(every, "--outputs", "hourly"));
        assertEquals(ExitCode.OK, sweep(sixth, "--outputs", "hourly", "--hourly-step", "6"));
        assertEquals(ExitCode.OK, sweep(none));
        assertEquals(1 + 6 * HORIZON_HOURS, lines(every.resolve("hourly.csv")).size());
        assertTrue(Files.size(sixth.resolve("hourly.csv")) * 5 < Files.size(every.resolve("hourly.csv")));
        for (String f : List.of("corridors.csv", "neighbourhoods.csv", "hourly.csv")) {
            assertFalse(Files.exists(none.resolve(f)), f);
        }
        assertFalse(Files.exists(every.resolve("corridors.csv")));
        assertEquals(ExitCode.BAD_INPUT, sweep(tmp.resolve("bad"), "--outputs", "corridors,queues"));
        assertEquals(ExitCode.BAD_INPUT, sweep(tmp.resolve("bad"), "--outputs", "hourly", "--hourly-step", "0"));
    }

    @Test
    void theSameBytesOnOneAndTwoThreadsAfterAResumeAndAfterAMergeWithByteOrderMarks() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Path crashed = tmp.resolve("crashed");
        assertEquals(ExitCode.OK, sweep(one, "--threads", "1", "--outputs", ALL, "--hourly-step", "6"));
        assertEquals(ExitCode.OK, sweep(two, "--threads", "2", "--outputs", ALL, "--hourly-step", "6", "--bom"));
        assertSameTables(one, two);
        for (String f : List.of("runs.csv", "summary.csv", "paired.csv", "corridors.csv", "hourly.csv")) {
            assertTrue(startsWithBom(Files.readAllBytes(two.resolve(f))), f + " has no byte-order mark");
        }
        assertFalse(startsWithBom(Files.readAllBytes(one.resolve("runs.csv"))));

        assertEquals(ExitCode.FAILED, sweep(crashed, "--threads", "2", "--outputs", ALL, "--hourly-step", "6", "--bom",
                "--stop-after", "3"));
        // a crash in the middle of a run's rows: a partial line and the rows of a run not in runs.csv
        Files.writeString(crashed.resolve("hourly.csv"), "1,2,6,0,19", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(ExitCode.BAD_INPUT, sweep(crashed, "--outputs", "corridors", "--resume"),
                "a resume with other --outputs is refused");
        assertEquals(ExitCode.OK, sweep(crashed, "--threads", "2", "--outputs", ALL, "--hourly-step", "6", "--bom",
                "--resume"));
        assertSameTables(one, crashed);
        // resuming a finished folder whose files start with a byte-order mark reads them right
        assertEquals(ExitCode.OK, sweep(crashed, "--threads", "2", "--outputs", ALL, "--hourly-step", "6", "--bom",
                "--resume"));
        assertSameTables(one, crashed);

        Path s1 = tmp.resolve("s1");
        Path s2 = tmp.resolve("s2");
        assertEquals(ExitCode.OK, sweep(s1, "--outputs", ALL, "--hourly-step", "6", "--bom", "--shard", "1/2"));
        assertEquals(ExitCode.OK, sweep(s2, "--outputs", ALL, "--hourly-step", "6", "--bom", "--shard", "2/2"));
        Path merged = tmp.resolve("merged");
        assertEquals(ExitCode.OK, run("merge", s2.toString(), s1.toString(), "--out", merged.toString(), "-q"));
        assertSameTables(one, merged);
        assertArrayEquals(withoutBom(one.resolve("summary.csv")), withoutBom(merged.resolve("summary.csv")));

        Path s3 = tmp.resolve("s3");
        assertEquals(ExitCode.OK, sweep(s3, "--shard", "2/2"));
        assertEquals(ExitCode.BAD_INPUT, run("merge", s1.toString(), s3.toString(), "--out",
                tmp.resolve("m2").toString(), "-q"), "shards with different --outputs are not merged");
    }

    @Test
    void compareWritesTheTablesKeyedByScenarioAndTheSameOnAnyThreadCount() throws IOException {
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, "extends: " + Path.of("scenarios/teaching.yaml").toAbsolutePath()
                + "\nmeta:\n  name: teaching-neutral\ncorridors:\n  - name: West gate\n    monitoring: neutral\n");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String teaching = Path.of("scenarios/teaching.yaml").toString();
        assertEquals(ExitCode.OK, run("compare", teaching, other.toString(), "--replicates", "2", "--threads", "1",
                "--outputs", ALL, "--hourly-step", "12", "--out", a.toString(), "-q"));
        assertEquals(ExitCode.OK, run("compare", teaching, other.toString(), "--replicates", "2", "--threads", "2",
                "--outputs", ALL, "--hourly-step", "12", "--out", b.toString(), "-q", "--bom"));
        for (String f : List.of("runs.csv", "corridors.csv", "neighbourhoods.csv", "hourly.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), withoutBom(b.resolve(f)), f);
        }
        List<String> corridors = lines(a.resolve("corridors.csv"));
        assertEquals("scenario,replicate,corridor,kind,evacuated,detained,fightersEvacuated,peakQueue,clashes",
                corridors.get(0));
        assertEquals(1 + 2 * 2 * CORRIDORS, corridors.size());
        assertTrue(corridors.get(1).startsWith("teaching,0,"));
        assertTrue(corridors.get(corridors.size() - 1).startsWith("teaching-neutral,1,"));
        assertEquals(1 + 2 * 2 * NEIGHBOURHOODS, lines(a.resolve("neighbourhoods.csv")).size());
        assertEquals(1 + 2 * 2 * (HORIZON_HOURS / 12), lines(a.resolve("hourly.csv")).size());
        assertTrue(lines(a.resolve("runs.csv")).get(0).endsWith(",ensembleMember"));
    }

    @Test
    void runsCsvNamesTheEnsembleMemberEachRunDrewAndEnsembleNoneTurnsItOff() throws Exception {
        Path base = tmp.resolve("with-ensemble.yaml");
        Files.writeString(base, "extends: " + Path.of("scenarios/teaching.yaml").toAbsolutePath()
                + "\nensemble: " + Path.of("scenarios/ensembles/behaviour.yaml").toAbsolutePath() + "\n");
        Files.writeString(study, Files.readString(study).replace(
                Path.of("scenarios/teaching.yaml").toAbsolutePath().toString(), base.toString()));
        Path drawn = tmp.resolve("drawn");
        Path none = tmp.resolve("none");
        assertEquals(ExitCode.OK, sweep(drawn));
        assertEquals(ExitCode.OK, sweep(none, "--ensemble", "none"));
        Variation v = ScenarioLoader.load(base, List.of()).variation();
        List<String> rows = lines(drawn.resolve("runs.csv"));
        assertTrue(rows.get(0).endsWith(",ensembleMember"));
        java.util.Set<String> members = new java.util.HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            int replicate = Integer.parseInt(cells[1]);
            assertEquals(Seeds.runSeed(5, replicate), Long.parseLong(cells[2]));
            String member = cells[cells.length - 1];
            assertEquals(Integer.toString(v.draw(Long.parseLong(cells[2])).member()), member);
            members.add(member);
        }
        assertTrue(members.size() > 1, "three seeds drew one member only: " + members);
        for (String row : lines(none.resolve("runs.csv")).subList(1, 7)) {
            assertTrue(row.endsWith(","), "a run without an ensemble names no member: " + row);
        }
        // the same choice both ways is refused, not silently resolved
        Files.writeString(study, Files.readString(study).replace("replicates: 3",
                "  - path: ensemble\n    values: [none]\nreplicates: 3"));
        assertEquals(ExitCode.BAD_INPUT, sweep(tmp.resolve("both"), "--ensemble", "none"));
    }
}
