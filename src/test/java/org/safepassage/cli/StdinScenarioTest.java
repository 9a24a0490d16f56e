package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -} for {@code compare} and {@code gui}: the scenario read from standard input, named (stdin) in messages. */
class StdinScenarioTest {

    @TempDir
    Path tmp;

    /** The teaching scenario as text whose map paths work from the project's folder. */
    private static String teaching() throws Exception {
        return Files.readString(Path.of("scenarios", "teaching.yaml")).replace("maps/teaching", "scenarios/maps/teaching");
    }

    private static String[] withStdin(String text, String... args) {
        InputStream saved = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setIn(saved);
        }
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void compareReadsOneScenarioFromStandardInputLikeItsFile() throws Exception {
        Path fromFile = tmp.resolve("file");
        Path fromStdin = tmp.resolve("stdin");
        String twin = teaching().replace("name: teaching", "name: teaching-b");
        String[] a = withStdin("", "compare", "scenarios/teaching.yaml", "scenarios/teaching.yaml", "--set",
                "corridors[*].monitoring=neutral", "--replicates", "2", "--threads", "1", "--out", fromFile.toString(), "-q");
        String[] b = withStdin(twin, "compare", "scenarios/teaching.yaml", "-", "--set", "corridors[*].monitoring=neutral",
                "--replicates", "2", "--threads", "1", "--out", fromStdin.toString(), "-q");
        // a scenario compared with itself is refused for its name; the stdin copy has its own name
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), a[0], a[2]);
        assertEquals(Integer.toString(ExitCode.OK), b[0], b[2]);
        java.util.List<String> runs = Files.readAllLines(fromStdin.resolve("runs.csv"));
        java.util.List<String> first = runs.stream().filter(l -> l.contains("teaching,") || l.startsWith("teaching")).toList();
        java.util.List<String> second = runs.stream().filter(l -> l.contains("teaching-b")).toList();
        assertEquals(2, second.size(), runs.toString());
        assertEquals(first.get(0).replace("teaching", ""), second.get(0).replace("teaching-b", ""),
                "the same scenario read from a file and from standard input gives the same runs");
        String manifest = Files.readString(fromStdin.resolve("manifest.json"));
        assertTrue(manifest.contains("\"file\" : \"-\""), manifest);
    }

    @Test
    void compareNamesStandardInputInPositionedErrorsAndTakesItOnce() throws Exception {
        String bad = teaching().replace("tickMinutes: 5\n", "tickMinutes: 500\n");
        int line = bad.substring(0, bad.indexOf("tickMinutes: 500")).split("\n", -1).length;
        String[] r = withStdin(bad, "compare", "scenarios/teaching.yaml", "-", "--out", tmp.resolve("x").toString());
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), r[0]);
        assertTrue(r[2].contains("(stdin):" + line + ":16: error: clock.tickMinutes: found 500"), r[2]);
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing written");
        String[] twice = withStdin(teaching(), "compare", "-", "-", "--out", tmp.resolve("y").toString());
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), twice[0]);
        assertTrue(twice[2].contains("'-' (standard input) is given more than once"), twice[2]);
    }

    @Test
    void guiReadsStandardInputAndNamesItInErrors() throws Exception {
        String bad = teaching().replace("tickMinutes: 5\n", "tickMinutes: 500\n");
        String[] r = withStdin(bad, "gui", "-");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), r[0]);
        assertTrue(r[2].contains("(stdin):") && r[2].contains("clock.tickMinutes: found 500"), r[2]);
        String[] b = withStdin(bad, "gui", "scenarios/teaching.yaml", "-");
        assertTrue(b[2].contains("(stdin):"), "the second design from standard input: " + b[2]);
        String[] good = withStdin(teaching(), "gui", "-", "--set-b", "corridors[*].monitoring=neutral");
        // the tests run without a display: the scenario was read and checked, then the missing display is said
        assertEquals(Integer.toString(ExitCode.FAILED), good[0], good[2]);
        assertTrue(good[2].contains("no display"), good[2]);
        String[] both = withStdin(teaching(), "gui", "-", "-");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), both[0]);
    }
}
