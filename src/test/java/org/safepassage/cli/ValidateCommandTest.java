package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path episode(String name, String points) throws IOException {
        return episode(dir, name, points);
    }

    /** An episode on the teaching district in {@code dir} with the given observed points (YAML list items). */
    static Path episode(Path dir, String name, String points) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios", "teaching.yaml").toAbsolutePath() + "\n"
                + "meta: {name: " + name + "}\n"
                + "observed:\n  start: 2016-10-20T08:00\n  points:\n" + points);
        return f;
    }

    private static List<CSVRecord> csv(Path f) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(f))
                .getRecords();
    }

    @Test
    void writesTablesBandsAndChartsAndPrintsTheScore() throws IOException {
        Path e = episode("class-a", "    - {hours: 0, persons: 0, low: 0, high: 10, quality: Q}\n"
                + "    - {hours: 30, persons: 1000000, low: 900000, high: 1100000, quality: P}\n");
        Path o = dir.resolve("out");
        assertEquals(ExitCode.OK, run("validate", e.toString(), "--replicates", "2", "--out", o.toString(), "-q"), err.toString());
        List<CSVRecord> points = csv(o.resolve("validation.csv"));
        assertEquals(2, points.size());
        assertEquals("yes", points.get(0).get("overlaps"));
        assertEquals("no", points.get(1).get("overlaps"), "a million out of 2,000 cannot be covered");
        assertTrue(Double.parseDouble(points.get(1).get("log10Error")) < -2);
        List<CSVRecord> episodes = csv(o.resolve("episodes.csv"));
        assertEquals("0.5", episodes.get(0).get("coverage"));
        assertTrue(Files.size(o.resolve("validation-class-a.png")) > 1000);
        assertTrue(Files.exists(o.resolve("validation-class-a.svg")));
        assertTrue(Files.exists(o.resolve("band-class-a.csv")));
        assertTrue(Files.exists(o.resolve("manifest.json")));
        assertTrue(out.toString().contains("1 of 2 observations covered (50 %)"), out.toString());
    }

    @Test
    void requireCoverageFailsUnderTheShare() throws IOException {
        Path e = episode("class-b", "    - {hours: 0, persons: 0}\n    - {hours: 30, persons: 1000000}\n");
        Path o = dir.resolve("out");
        assertEquals(ExitCode.OK, run("validate", e.toString(), "--replicates", "1", "--out", o.toString(), "-q",
                "--require-coverage", "0.5"));
        assertEquals(ExitCode.FAILED, run("validate", e.toString(), "--replicates", "1", "--out", o.toString(), "-q",
                "--require-coverage", "0.6"));
        assertTrue(out.toString().contains("coverage 0.50 is under the required 0.60"), out.toString());
    }

    @Test
    void badEpisodesAreBadInputAndNothingIsWritten() throws IOException {
        Path good = episode("class-c", "    - {hours: 2, persons: 0}\n");
        Path bad = episode("class-d", "    - {hours: 2, persons: -3}\n");
        Path o = dir.resolve("out");
        assertEquals(ExitCode.BAD_INPUT, run("validate", good.toString(), bad.toString(), "--out", o.toString()));
        assertTrue(err.toString().contains("class-d.yaml:6:") && err.toString().contains("observed.points[0].persons"),
                err.toString());
        assertFalse(Files.exists(o));
        assertEquals(ExitCode.BAD_INPUT, run("validate", good.toString(), "--replicates", "0", "--out", o.toString()));
        assertEquals(ExitCode.BAD_INPUT, run("validate", good.toString(), "--require-coverage", "2", "--out", o.toString()));
        assertFalse(Files.exists(o));
    }

    @Test
    void calibrateScoresTheDefaultsAndCandidatesAndWritesTheBest() throws IOException {
        Path e = episode("class-e", "    - {hours: 11, persons: 200, low: 100, high: 300, quality: E}\n");
        Path o = dir.resolve("cal");
        assertEquals(ExitCode.OK, run("calibrate", e.toString(), "--samples", "3", "--local-samples", "2", "--confirm", "2",
                "--confirm-replicates", "2", "--no-patterns", "--out", o.toString()), err.toString());
        List<CSVRecord> rows = csv(o.resolve("calibration.csv"));
        assertEquals(1 + 3 + 2 + 1 + 2, rows.size(), "defaults, global, local, defaults again, confirmed");
        assertEquals("defaults", rows.get(0).get("stage"));
        assertEquals("", rows.get(0).get("behaviour.weights.trust"), "the defaults set nothing");
        assertFalse(rows.get(1).get("behaviour.weights.trust").isEmpty());
        String best = Files.readString(o.resolve("best.yaml"));
        assertTrue(best.startsWith("# best of a calibration"), best);
        double bestScore = Double.parseDouble(best.replaceAll("(?s)^# best of a calibration: score (\\S+) .*", "$1"));
        double min = rows.stream().filter(r -> r.get("replicates").equals("2"))
                .mapToDouble(r -> Double.parseDouble(r.get("score"))).min().orElseThrow();
        assertEquals(min, bestScore, 1e-5, "the best is the lowest score run with the confirmation's replicates");
    }

    @Test
    void nullPredictorsArePrintedAndWrittenBesideTheModel() throws IOException {
        Path a = episode("class-n1", "    - {hours: 5, persons: 200}\n");
        Path b = episode("class-n2", "    - {hours: 10, persons: 400}\n");
        Path o = dir.resolve("out");
        assertEquals(ExitCode.OK, run("validate", a.toString(), b.toString(), "--replicates", "1", "--null", "--out",
                o.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("nobody") && text.contains("share/h") && text.contains("null predictors: nobody leaves"),
                text);
        assertTrue(text.contains("weighted median"), text);
        List<CSVRecord> episodes = csv(o.resolve("episodes.csv"));
        // Nobody leaves scores |log10(10 / 210)| on the first episode.
        assertEquals(Math.log10(210 / 10.0), Double.parseDouble(episodes.get(0).get("nullNobodyError")), 1e-5);
        assertTrue(Double.parseDouble(episodes.get(0).get("nullShareError")) < 0.35, episodes.get(0).toString());
        assertEquals("core", episodes.get(0).get("grade"));
    }
}
