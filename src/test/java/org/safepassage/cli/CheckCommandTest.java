package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.TinyFiles;

/**
 * {@code safepassage check FILE...} through {@link Main#execute}: exit 0 and "ok" lines for
 * good files, exit 2 and every problem as {@code FILE:LINE:COL: error: ...} for bad ones,
 * never a stack trace.
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    /** What a command printed and returned. */
    record Outcome(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    private static void assertNoStackTrace(Outcome o) {
        String all = o.out() + o.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"), all);
    }

    @Test
    void everyShippedScenarioAndStudyPasses() throws IOException {
        List<String> args = new ArrayList<>();
        for (String folder : List.of("scenarios", "scenarios/studies", "scenarios/episodes")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> args.add(f.toString()));
            }
        }
        assertTrue(args.size() >= 9, args.toString());
        Outcome o = execute(Stream.concat(Stream.of("check"), args.stream()).toArray(String[]::new));
        assertEquals("", o.err());
        assertEquals(ExitCode.OK, o.code());
        List<String> expected = args.stream().map(a -> a + ": ok").toList();
        assertEquals(expected, List.of(o.out().split("\n")));
    }

    @Test
    void aBrokenCopyGetsEveryProblemAndExitCode2() {
        Path scenario = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "  tickMinutes: 5", "  tickMinuts: 5",
                "    credibility: 0.5", "    credibility: 1.5",
                "    entryCell: [2, 1]", "    entryCell: [5, 4]");
        Outcome o = execute("check", scenario.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertEquals("", o.out());
        String f = scenario.toString();
        assertEquals(List.of(
                f + ":7:3: error: clock.tickMinuts: unknown key 'tickMinuts'; did you mean 'tickMinutes'?",
                f + ":28:18: error: pauses[0].credibility: found 1.5; a number from 0 to 1",
                f + ":34:16: error: corridors[0].entryCell: cell [5, 4] is blocked; a passable cell (street, built,"
                        + " rubble or front) inside the enclave",
                "1 of 1 file(s) have problems"), o.errLines());
        assertNoStackTrace(o);
    }

    @Test
    void goodAndBadFilesTogether() {
        Path good = TinyFiles.copyTo(dir);
        Path bad = TinyFiles.write(dir.resolve("bad.yaml"), "extends: tiny.yaml\npauses:\n  - {name: pause, notice: soon}\n");
        Outcome o = execute("check", good.toString(), bad.toString(), dir.resolve(TinyFiles.STUDY).toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertEquals(good + ": ok\n" + dir.resolve(TinyFiles.STUDY) + ": ok\n", o.out());
        assertEquals(List.of(bad + ":3:27: error: pauses[0].notice: found 'soon'; an ISO-8601 duration such as PT11H"
                + " or P4D", "1 of 3 file(s) have problems"), o.errLines());
    }

    @Test
    void aBadStudyIsCheckedAsAStudy() {
        TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.STUDY, "design: factorial", "design: factorail");
        Outcome o = execute("check", dir.resolve(TinyFiles.STUDY).toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertEquals(List.of(dir.resolve(TinyFiles.STUDY) + ":5:9: error: design: found 'factorail'; one of factorial,"
                + " lhs, sobol", "1 of 1 file(s) have problems"), o.errLines());
    }

    @Test
    void hostileAndMissingFilesAreRefusedWithoutAStackTrace() throws IOException {
        Path tag = TinyFiles.write(dir.resolve("tag.yaml"), "meta: !!java.net.URL [\"http://localhost:1/\"]\n");
        Path big = TinyFiles.write(dir.resolve("big.yaml"), "#" + "x".repeat(2 << 20));
        Path missing = dir.resolve("missing.yaml");
        Outcome o = execute("check", tag.toString(), big.toString(), missing.toString());
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertEquals(List.of(
                tag + ":1:7: error: YAML tag 'tag:yaml.org,2002:java.net.URL' refused (no types are created from"
                        + " input); plain values without tags",
                big + ": error: file is " + Files.size(big) + " bytes; at most 1048576 bytes",
                missing + ": error: file not found; an existing YAML file",
                "3 of 3 file(s) have problems"), o.errLines());
        assertNoStackTrace(o);
    }

    @Test
    void noFileIsAUsageError() {
        Outcome o = execute("check");
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains("Missing required parameter"), o.err());
        assertNoStackTrace(o);
    }

    @Test
    void runRefusesBadOverridesBeforeWritingAnything() {
        Path scenario = TinyFiles.copyTo(dir);
        Path out = dir.resolve("out");
        Outcome o = execute("run", scenario.toString(), "--out", out.toString(), "-q",
                "--set", "pauses[paus].duration=PT2H", "--set", "clock.tickMinuts=3");
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertEquals(List.of(
                "--set:1:1: error: pauses[paus].duration: no item [paus] in 'pauses' (it has 1 items: pause);"
                        + " did you mean 'pauses[pause]'?",
                "--set:2:18: error: clock.tickMinuts: unknown key 'tickMinuts'; did you mean 'tickMinutes'?"),
                o.errLines());
        assertFalse(Files.exists(out));
        assertNoStackTrace(o);
    }
}
