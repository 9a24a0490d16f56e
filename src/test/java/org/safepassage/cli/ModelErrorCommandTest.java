package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.safepassage.scenario.Discrepancy;
import org.safepassage.scenario.Ensemble;

/**
 * The model's error from validate to compare: validate measures the residuals (in sample and
 * leaving each episode out, with fold ensembles from the calibration) and writes them into the
 * ensemble file; compare adds them to its bands, tables and report.
 */
class ModelErrorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path episode(String name, String persons) throws IOException {
        return ValidateCommandTest.episode(dir, name, "    - {hours: 30, persons: " + persons + ", low: 0, high: "
                + persons + ", quality: P}\n");
    }

    /** Two candidates: trust 2 best on a, trust 12 best on b; the ensemble holds both (tolerance 1). */
    private Path[] calibration() throws IOException {
        Path csv = dir.resolve("calibration.csv");
        Files.writeString(csv, "candidate,stage,replicates,score,error[a],error[b],behaviour.weights.trust\n"
                + "2,lhs,1,0.5,0.1,0.9,2\n3,lhs,1,0.5,0.9,0.1,12\n4,lhs,1,3,3,3,20\n");
        Path ensemble = dir.resolve("ensemble.yaml");
        Files.writeString(ensemble, "schemaVersion: 1\nname: e\nprovenance: {tolerance: \"0.5\"}\nmembers:\n"
                + "  - {weight: 0.5, label: candidate 2, set: {behaviour.weights.trust: 2}}\n"
                + "  - {weight: 0.5, label: candidate 3, set: {behaviour.weights.trust: 12}}\n");
        return new Path[] {csv, ensemble};
    }

    private static List<CSVRecord> csv(Path f) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(f))
                .getRecords();
    }

    @Test
    void validateMeasuresTheErrorBothWaysAndWritesItIntoTheEnsemble() throws Exception {
        Path a = episode("a", "300");
        Path b = episode("b", "5");
        Path[] c = calibration();
        Path o = dir.resolve("out");
        String before = Files.readString(c[1]);
        assertEquals(ExitCode.OK, run("validate", a.toString(), b.toString(), "--replicates", "2", "--ensemble",
                c[1].toString(), "--calibration", c[0].toString(), "--write-discrepancy", "--out", o.toString()),
                err.toString());
        List<CSVRecord> rows = csv(o.resolve("coverage.csv"));
        assertEquals(6, rows.size(), "a, b and all episodes, in sample and left out");
        assertEquals("leave-one-out", rows.get(3).get("way"));
        assertEquals("1", rows.get(3).get("members"), "without a, only trust 12 is within 0.5 of the best on b");
        assertEquals("1", rows.get(4).get("members"));
        assertEquals("2", rows.get(0).get("members"), "in sample: the ensemble's two");
        assertTrue(out.toString().contains("leave one episode out"), out.toString());
        Ensemble e = Ensemble.load(c[1]);
        Discrepancy d = e.discrepancy();
        assertNotNull(d);
        assertEquals(List.of("a", "b"), d.residuals().stream().map(Discrepancy.Residual::episode).toList());
        assertTrue(d.provenance().get("residuals").startsWith("leave one episode out"));
        assertTrue(Files.readString(c[1]).startsWith(before), "the members stay as they were");
        String once = Files.readString(c[1]);
        assertEquals(ExitCode.OK, run("validate", a.toString(), b.toString(), "--replicates", "2", "--ensemble",
                c[1].toString(), "--calibration", c[0].toString(), "--write-discrepancy", "--out", o.toString(), "-q"));
        assertEquals(once.replaceAll("createdAt: \"[^\"]*\"", ""),
                Files.readString(c[1]).replaceAll("createdAt: \"[^\"]*\"", ""),
                "the block is replaced, not appended, and the same runs give the same residuals");
    }

    @Test
    void theOptionsNeedAnEnsembleFileAndNothingIsWrittenWithoutOne() throws Exception {
        Path a = episode("a", "300");
        Path[] c = calibration();
        Path o = dir.resolve("out");
        assertEquals(ExitCode.BAD_INPUT, run("validate", a.toString(), "--write-discrepancy", "--out", o.toString()));
        assertTrue(err.toString().contains("--write-discrepancy needs --ensemble FILE"), err.toString());
        assertEquals(ExitCode.BAD_INPUT, run("validate", a.toString(), "--ensemble", "none", "--calibration",
                c[0].toString(), "--out", o.toString()));
        assertEquals(ExitCode.BAD_INPUT, run("validate", a.toString(), "--ensemble", c[1].toString(), "--calibration",
                dir.resolve("missing.csv").toString(), "--out", o.toString()));
        assertFalse(Files.exists(o));
    }

    @Test
    void compareShowsTheBandWithModelErrorBesideTheRunsAndNamesEachRunsMember() throws Exception {
        Path[] c = calibration();
        Files.writeString(c[1], Files.readString(c[1]) + "discrepancy:\n  residuals:\n"
                + "    - {episode: x, hours: 1, log10: -1, weight: 1}\n"
                + "    - {episode: y, hours: 1, log10: 1, weight: 1}\n");
        Path o = dir.resolve("cmp");
        assertEquals(ExitCode.OK, run("compare", Path.of("scenarios", "teaching.yaml").toString(), "--replicates", "3",
                "--ensemble", c[1].toString(), "--out", o.toString()), err.toString());
        CSVRecord spread = csv(o.resolve("spread.csv")).get(0);
        double median = Double.parseDouble(spread.get("evacuatedMedian"));
        double low = Double.parseDouble(spread.get("withModelErrorP5"));
        double high = Double.parseDouble(spread.get("withModelErrorP95"));
        assertTrue(low <= Double.parseDouble(spread.get("evacuatedP5")) && high >= median * 5,
                "a tenfold error either way widens the band: " + spread);
        double shares = 0;
        for (String k : List.of("Seeds", "Parameters", "Inputs", "ModelError")) {
            shares += Double.parseDouble(spread.get("varianceShare" + k));
        }
        assertEquals(1, shares, 1e-6, "four sources of the variance");
        assertTrue(csv(o.resolve("summary.csv")).stream().anyMatch(r -> r.get("figure").equals(
                "evacuated[with model error]")));
        String report = Files.readString(o.resolve("report.html"));
        assertTrue(report.contains("with model error"), "the band beside the runs'");
        assertTrue(report.contains("candidate 2") || report.contains("candidate 3"), "each run's member by name");
        assertTrue(out.toString().contains("with model error: median (5-95 %)"), out.toString());
    }
}
