package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate --plan --leave-one-out} end to end on two small episodes. */
class CalibratePlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void leaveOneOutWritesEachEpisodesErrorLeftOutBesideInSampleAndTheNulls() throws Exception {
        twoEpisodes();
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "schemaVersion: 1\nname: tiny\nepisodes: [{file: a.yaml}, {file: b.yaml}]\n"
                + "parameters:\n  - {path: behaviour.weights.intercept, min: -12, max: 0, start: -5.1}\n"
                + "optimiser: {populationSize: 3, maxEvaluations: 3}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path o = dir.resolve("out");
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "calibrate", "--plan", plan.toString(),
                "--leave-one-out", "--threads", "2", "--out", o.toString());
        assertEquals(ExitCode.OK, code, err.toString());
        List<CSVRecord> loo = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(o.resolve("loo.csv"))).getRecords();
        assertEquals(List.of("a", "b"), loo.stream().map(r -> r.get("episode")).toList());
        for (CSVRecord r : loo) {
            for (String k : List.of("leftOutError", "inSampleError", "defaultsError", "nullNobodyError", "nullShareError")) {
                assertTrue(Double.parseDouble(r.get(k)) >= 0, k + " in " + r);
            }
        }
        assertTrue(Files.readString(o.resolve("journal.tsv")).contains("without a\t"), "folds are journaled");
        // calibration.csv: the fit's candidates (defaults, start, the optimiser's), which 'ensemble' reads.
        List<CSVRecord> cands = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(o.resolve("calibration.csv"))).getRecords();
        assertEquals("defaults", cands.get(0).get("stage"));
        assertEquals("", cands.get(0).get("behaviour.weights.intercept"));
        assertEquals("start", cands.get(1).get("stage"));
        assertEquals(-5.1, Double.parseDouble(cands.get(1).get("behaviour.weights.intercept")), 1e-9);
        assertTrue(cands.size() >= 3 && cands.size() <= 5, "defaults, start and at most 3 more: " + cands.size());
        Path ens = dir.resolve("ensemble.yaml");
        StringWriter ensOut = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new PrintWriter(ensOut), new PrintWriter(err), "ensemble",
                o.resolve("calibration.csv").toString(), "--tolerance", "100", "--output", ens.toString()), err.toString());
        assertEquals(cands.size() - 1, org.safepassage.scenario.Ensemble.load(ens).members().size(),
                "every candidate but the defaults' row (nothing set) within a tolerance of 100: " + ensOut);
        assertTrue(out.toString().contains("left out") && out.toString().contains("in sample"), out.toString());
        assertTrue(err.toString().contains("[1/"), "progress: " + err);
        // Run again: everything comes from the journal.
        StringWriter err2 = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err2), "calibrate",
                "--plan", plan.toString(), "--leave-one-out", "--out", o.toString()));
        assertTrue(err2.toString().contains("resuming:") && !err2.toString().matches("(?s).*score [0-9.]+ \\(\\d.*"),
                err2.toString());
    }

    /**
     * A fold is scored on the left-out episode with its own search's best set, never with the
     * shipped defaults (chosen with every episode), even where its search does not beat them.
     */
    @Test
    void aFoldLeavesItsEpisodeOutEvenWhenItsSearchDoesNotBeatTheDefaults() throws Exception {
        twoEpisodes();
        Path plan = dir.resolve("plan.yaml");
        // A start where nobody leaves, and a search too short to leave it: the defaults score better.
        Files.writeString(plan, "schemaVersion: 1\nname: tiny\nepisodes: [{file: a.yaml}, {file: b.yaml}]\n"
                + "parameters:\n  - {path: behaviour.weights.intercept, min: -12, max: -11.9, start: -12}\n"
                + "optimiser: {populationSize: 2, maxEvaluations: 1}\n");
        Path o = dir.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "calibrate",
                "--plan", plan.toString(), "--leave-one-out", "--threads", "2", "--out", o.toString()), err.toString());
        List<String> leftOut = Files.readAllLines(o.resolve("journal.tsv")).stream()
                .filter(l -> l.startsWith("left out ")).toList();
        assertEquals(2, leftOut.size(), String.join("\n", leftOut));
        for (String l : leftOut) {
            String values = l.split("\t")[1];
            assertTrue(!values.contains("NaN") && Double.parseDouble(values) <= -11.9, "scored with the fold's set: " + l);
        }
    }

    /** Two episodes on the teaching district: 600 and 200 persons out after 11 hours. */
    private void twoEpisodes() throws Exception {
        String base = Path.of("scenarios", "teaching.yaml").toAbsolutePath().toString();
        for (String[] e : new String[][] {{"a", "600"}, {"b", "200"}}) {
            Files.writeString(dir.resolve(e[0] + ".yaml"), "extends: " + base + "\nmeta: {name: " + e[0] + "}\n"
                    + "clock: {horizon: PT24H}\nobserved:\n  start: 2016-10-20T08:00\n  points:\n"
                    + "    - {hours: 11, persons: " + e[1] + "}\n");
        }
    }
}
