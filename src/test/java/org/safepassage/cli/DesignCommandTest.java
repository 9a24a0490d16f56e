package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.TinyFiles;

/** {@code safepassage design} end to end on the tiny scenario, and its refusals. */
class DesignCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "design";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(new PrintWriter(out), new PrintWriter(err), all);
    }

    private Path design() {
        TinyFiles.copyTo(dir);
        return TinyFiles.write(dir.resolve("d.yaml"), """
                schemaVersion: 1
                name: tiny-design
                question: Which pause length and monitoring on the tiny map?
                base: tiny.yaml
                levers:
                  - {path: "pauses[pause].duration", values: [PT2H, PT6H]}
                  - {path: "corridors[*].monitoring", values: [none, neutral]}
                objectives:
                  - maximise: evacuated
                  - minimise: killed
                constraints:
                  - {figure: peakQueue, atMost: 100000, inShareOfRuns: 0.9}
                uncertainty:
                  ensemble: none
                  inputs:
                    pauses[pause].credibility: {uniform: [0.2, 0.8]}
                search: {seed: 3, candidates: 4, population: 4, stages: [2, 4], keep: 0.5}
                compareWith: [tiny.yaml]
                """);
    }

    @Test
    void writesEveryOutputAndResumesToTheSameFiles() throws Exception {
        Path file = design();
        Path out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertEquals(0, run(o, e, file.toString(), "--out", out.toString(), "--threads", "2", "--threshold",
                "evacuated>=0@0.5", "--lever", "pauses[pause].duration"), e.toString());
        for (String f : new String[] {"front.csv", "candidates.csv", "evaluations.csv", "regret.csv", "manifest.json",
            "tradeoff.png", "tradeoff.svg", "report.html", "journal.tsv", "threshold.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Recommended:") && report.contains("Where it fails:"), "first screen");
        assertTrue(report.contains("Against the planners&#39; own designs") || report.contains("Against the planners"),
                "the compared scenario");
        assertTrue(o.toString().contains("Threshold: PT2H"), o.toString());
        byte[] evaluations = Files.readAllBytes(out.resolve("evaluations.csv"));
        // again with --resume: nothing to run, the same files
        StringWriter e2 = new StringWriter();
        assertEquals(0, run(new StringWriter(), e2, file.toString(), "--out", out.toString(), "--threads", "1",
                "--resume", "-q"), e2.toString());
        assertEquals(new String(evaluations), Files.readString(out.resolve("evaluations.csv")));
        // without --resume the folder is refused
        StringWriter e3 = new StringWriter();
        assertEquals(2, run(new StringWriter(), e3, file.toString(), "--out", out.toString(), "-q"));
        assertTrue(e3.toString().contains("--resume"), e3.toString());
    }

    @Test
    void theProgressNeverPassesAHundredPercentWithAThresholdWalk() throws Exception {
        Path file = design();
        // four pause lengths, and a threshold no design reaches: the walk runs every value of the lever
        TinyFiles.write(file, TinyFiles.read(file).replace("values: [PT2H, PT6H]", "values: [PT1H, PT2H, PT4H, PT6H]")
                .replace("candidates: 4", "candidates: 3"));
        StringWriter e = new StringWriter();
        assertEquals(0, run(new StringWriter(), e, file.toString(), "--out", dir.resolve("out").toString(),
                "--threshold", "evacuated>=1000000@0.9", "--lever", "pauses[pause].duration"), e.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("design: (\\d+)/(\\d+) runs \\((\\d+) %\\)")
                .matcher(e.toString());
        long lastDone = -1;
        int lines = 0;
        while (m.find()) {
            long done = Long.parseLong(m.group(1));
            long total = Long.parseLong(m.group(2));
            assertTrue(done <= total && Integer.parseInt(m.group(3)) <= 100, m.group());
            lastDone = done;
            lines++;
        }
        assertTrue(lines > 2, e.toString());
        long runs = Files.readAllLines(dir.resolve("out").resolve("journal.tsv")).stream()
                .filter(l -> !l.startsWith("#")).count();
        assertTrue(runs >= 4 * 4, "the walk ran every pause length in the last stage's 4 states: " + runs);
        assertTrue(e.toString().contains("(100 %)"), e.toString());
        assertTrue(lastDone >= runs, "the last line counts every run: " + lastDone + " of " + runs);
    }

    @Test
    void badInputExitsTwoAndWritesNothing() {
        Path file = design();
        TinyFiles.write(file, TinyFiles.read(file).replace("maximise: evacuated", "maximise: evacuees"));
        StringWriter e = new StringWriter();
        Path out = dir.resolve("never");
        assertEquals(2, run(new StringWriter(), e, file.toString(), "--out", out.toString()));
        assertTrue(e.toString().startsWith(file + ":9:15: error: objectives[0].maximise: 'evacuees'"), e.toString());
        assertFalse(Files.exists(out));
        StringWriter e2 = new StringWriter();
        assertEquals(2, run(new StringWriter(), e2, design().toString(), "--out", out.toString(), "--threshold", "x"));
        assertTrue(e2.toString().contains("expected FIGURE>=N@P"), e2.toString());
        assertFalse(Files.exists(out));
    }
}
