package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.TinyFiles;

/**
 * Hostile inputs of issue 22: each gives exit 2 with a located message that names the file and
 * the cause, never a stack trace, and leaves nothing on disk.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private static void assertClean(CheckCommandTest.Outcome o) {
        String all = o.out() + o.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"), all);
        assertFalse(all.chars().anyMatch(c -> c < 0x20 && c != '\n'), "raw control character in: " + all);
    }

    private Path study(String parameters) throws IOException {
        TinyFiles.copyTo(dir);
        Path s = dir.resolve("hostile-study.yaml");
        Files.writeString(s, """
                schemaVersion: 1
                name: hostile
                base: tiny.yaml
                parameters:
                %s
                replicates: 1
                outputs: [evacuated]
                """.formatted(parameters));
        return s;
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aFactorialValueWithANewlineIsRefusedByCheckAndSweepAtItsPosition() throws IOException {
        Path s = study("""
                  - path: meta.name
                    values: ["a", "line1\\nline2"]
                """);
        CheckCommandTest.Outcome c = CheckCommandTest.execute("check", s.toString());
        assertEquals(ExitCode.BAD_INPUT, c.code(), c.out() + c.err());
        assertTrue(c.err().startsWith(s + ":6:19: error: parameters[0].values[1]: 'line1\\nline2' holds a control "
                + "character (\\n)"), c.err());
        assertClean(c);
        Path out = dir.resolve("out");
        CheckCommandTest.Outcome w = CheckCommandTest.execute("sweep", s.toString(), "--out", out.toString(), "-q");
        assertEquals(ExitCode.BAD_INPUT, w.code(), w.err());
        assertFalse(Files.exists(out));
        assertClean(w);
    }

    @Test
    void controlCharactersInNamesKeysAndPathsAreRefusedAndPrintedEscaped() throws IOException {
        Path scenario = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "  name: tiny", "  name: \"tiny\\e[31mred\"");
        CheckCommandTest.Outcome o = CheckCommandTest.execute("check", scenario.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains(scenario + ":4:9: error: meta.name: 'tiny\\u001b[31mred' holds a control character"),
                o.err());
        assertClean(o);
        Path s = study("""
                  - path: "pauses[pause].duration\\t"
                    values: [PT2H]
                """);
        o = CheckCommandTest.execute("check", s.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains(s + ":5:11: error: parameters[0].path: 'pauses[pause].duration\\t' holds a control"),
                o.err());
        assertClean(o);
    }

    @Test
    void aNulInAPathIsALocatedErrorAndCheckGoesOnToTheNextFile() throws IOException {
        Path scenario = TinyFiles.copyTo(dir);
        Path nul = dir.resolve("nul.yaml");
        Files.writeString(nul, "extends: \"a\\u0000\"\n");
        Path nulMap = dir.resolve("nul-map.yaml");
        Files.writeString(nulMap, "extends: tiny.yaml\nmap:\n  file: \"maps/\\0tiny.txt\"\n");
        Path nulBase = dir.resolve("nul-base.yaml");
        Files.writeString(nulBase, "schemaVersion: 1\nname: n\nbase: \"tiny\\0.yaml\"\nparameters:\n"
                + "  - path: seed\n    values: [1]\n");
        CheckCommandTest.Outcome o = CheckCommandTest.execute("check", nul.toString(), nulMap.toString(),
                nulBase.toString(), scenario.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains(nul + ":1:10: error: extends: 'a\\u0000' is not a file path"), o.err());
        assertTrue(o.err().contains(nulMap + ":3:9: error: map.file: "), o.err());
        assertTrue(o.err().contains(nulBase + ":3:7: error: base: "), o.err());
        assertTrue(o.out().contains(scenario + ": ok"), o.out());
        assertTrue(o.err().contains("3 of 4 file(s) have problems"), o.err());
        assertClean(o);
    }

    @Test
    void devZeroAFifoAndAFolderAreRefusedAtOnce() throws Exception {
        TinyFiles.copyTo(dir);
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        Files.createDirectories(dir.resolve("folder"));
        for (String target : List.of("/dev/zero", fifo.toString(), dir.resolve("folder").toString())) {
            Path f = dir.resolve("ext.yaml");
            Files.writeString(f, "extends: " + target + "\n");
            CheckCommandTest.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> CheckCommandTest.execute("check", f.toString()));
            assertEquals(ExitCode.BAD_INPUT, o.code(), target);
            assertTrue(o.err().contains(f + ":1:10: error: extends: base '" + target + "': not a regular file"),
                    o.err());
            assertClean(o);
            // the same file named on the command line, and as a map
            o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CheckCommandTest.execute("check", target));
            assertEquals(ExitCode.BAD_INPUT, o.code(), target);
            assertTrue(o.err().startsWith(target + ": error: not a regular file"), o.err());
            Path m = dir.resolve("map.yaml");
            Files.writeString(m, "extends: tiny.yaml\nmap:\n  file: " + target + "\n");
            o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CheckCommandTest.execute("check", m.toString()));
            assertEquals(ExitCode.BAD_INPUT, o.code(), target);
            assertTrue(o.err().contains(m + ":3:9: error: map.file: map file " + target + " is not a regular file"),
                    o.err());
        }
    }

    @Test
    void namesOfDotsAndSlashesStayInsideTheOutputRoot() {
        for (String name : List.of("..", ".", "../../etc", "a/../../b", "/abs", ".hidden", "...")) {
            String slug = Names.slug(name);
            assertFalse(slug.isEmpty() || slug.startsWith(".") || slug.contains("/") || slug.equals(".."), slug);
            Path d = Path.of("results").resolve(slug).normalize();
            assertTrue(d.startsWith("results") && !d.equals(Path.of("results")), name + " -> " + d);
        }
        assertEquals("scenario", Names.slug(".."));
        assertEquals("etc", Names.slug("../../etc"));
    }

    @Test
    void formulaLikeCellsAreNeutralisedInRunsCsvAndReadBackOnResume() throws IOException {
        Path s = study("""
                  - path: meta.name
                    values: ["=cmd|' /C calc'!A0", "+A1", "plain"]
                  - path: seed
                    values: [-5, 7]
                """);
        Path straight = dir.resolve("straight");
        CheckCommandTest.Outcome o = CheckCommandTest.execute("sweep", s.toString(), "--out", straight.toString(), "-q");
        assertEquals(ExitCode.OK, o.code(), o.err());
        String runs = Files.readString(straight.resolve("runs.csv"));
        assertTrue(runs.contains(",'=cmd|' /C calc'!A0,-5,"), runs);
        assertTrue(runs.contains(",'+A1,7,"), runs);
        assertTrue(runs.contains(",plain,-5,"), runs);
        for (String line : runs.split("\n")) {
            for (String cell : line.split(",")) {
                assertFalse(cell.matches("[\"]?[=+@].*"), "formula cell " + cell + " in " + line);
            }
        }
        String summary = Files.readString(straight.resolve("summary.csv"));
        assertTrue(summary.contains("'=cmd") && !summary.contains(",=cmd") && !summary.contains("\"=cmd"), summary);
        Path crashed = dir.resolve("crashed");
        assertEquals(ExitCode.FAILED, CheckCommandTest.execute("sweep", s.toString(), "--out", crashed.toString(), "-q",
                "--stop-after", "2").code());
        o = CheckCommandTest.execute("sweep", s.toString(), "--out", crashed.toString(), "-q", "--resume");
        assertEquals(ExitCode.OK, o.code(), o.err());
        assertEquals(runs, Files.readString(crashed.resolve("runs.csv")));
    }
}

