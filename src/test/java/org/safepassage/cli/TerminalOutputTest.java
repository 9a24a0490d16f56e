package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches logs and terminals: UTF-8 whatever the locale, progress as lines outside a terminal. */
class TerminalOutputTest {

    @TempDir
    Path tmp;

    @Test
    void nonAsciiScenarioNamePrintsAsUtf8WithNoLocale() throws Exception {
        String name = "حلب الشرقية";
        Path scenario = tmp.resolve("ar.yaml");
        String teaching = Files.readString(Path.of("scenarios", "teaching.yaml"));
        Files.writeString(scenario, teaching.replace("  name: teaching", "  name: " + name)
                .replace("maps/", Path.of("scenarios", "maps").toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", scenario.toString(), "--out", tmp.resolve("run").toString());
        Map<String, String> env = pb.environment();
        env.remove("LANG");
        env.remove("LC_ALL");
        env.remove("LC_CTYPE");
        env.remove("JAVA_TOOL_OPTIONS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith(name + ", seed 1"), out);
    }

    @Test
    void runsProgressOutsideATerminalIsShortLinesEveryFivePercent() {
        StringWriter log = new StringWriter();
        try (RunsProgress progress = new RunsProgress(new PrintWriter(log), false, false, "sweep", 200, 0)) {
            for (int i = 0; i < 200; i++) {
                progress.step();
            }
        }
        String text = log.toString();
        assertFalse(text.contains("\r"), text);
        List<String> lines = text.lines().toList();
        assertEquals(100 / RunsProgress.LINE_EVERY_PERCENT + 1, lines.size(), text);
        assertEquals("sweep: 0/200 runs (0 %)", lines.get(0));
        assertTrue(lines.get(1).startsWith("sweep: 10/200 runs (5 %), "), lines.get(1));
        assertTrue(lines.stream().allMatch(l -> l.length() < 80), text);
    }

    @Test
    void runsProgressOnATerminalIsOneRedrawnBar() {
        StringWriter log = new StringWriter();
        try (RunsProgress progress = new RunsProgress(new PrintWriter(log), false, true, "sweep", 3, 0)) {
            progress.step();
        }
        assertTrue(log.toString().contains("\r"), log.toString());
    }

    @Test
    void quietProgressPrintsNothing() {
        StringWriter log = new StringWriter();
        try (RunsProgress progress = new RunsProgress(new PrintWriter(log), true, false, "sweep", 3, 0)) {
            progress.step();
        }
        assertEquals("", log.toString());
    }

    @Test
    void singleRunProgressOutsideATerminalHasNoCarriageReturns() throws IOException {
        StringWriter log = new StringWriter();
        Progress progress = new Progress(new PrintWriter(log), false, false, 100, 1.0, 0);
        for (int t = 0; t < 100; t++) {
            progress.tick(t);
        }
        progress.done();
        assertFalse(log.toString().contains("\r"));
        assertEquals(11, log.toString().lines().count(), log.toString()); // the first tick, then every 10 %
    }

    @Test
    void timeLeftInWords() {
        assertEquals("40 s", RunsProgress.words(40));
        assertEquals("12 min", RunsProgress.words(12 * 60));
        assertEquals("3 h 05 min", RunsProgress.words(3 * 3600 + 5 * 60));
    }
}
