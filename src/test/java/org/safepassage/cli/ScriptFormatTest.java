package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format csv|json}: standard output carries the command's table and nothing else. */
class ScriptFormatTest {

    @TempDir
    Path tmp;

    @Test
    void compareAsCsvPrintsItsSummaryFileAndNothingElse() throws Exception {
        Path out = tmp.resolve("csv");
        RunCommandTest.Outcome o = RunCommandTest.execute("compare", "scenarios/teaching.yaml", "--replicates", "2",
                "--threads", "1", "--out", out.toString(), "--format", "csv");
        assertEquals(ExitCode.OK, o.code(), o.err());
        assertEquals(Files.readString(out.resolve("summary.csv")), o.out());
    }

    @Test
    void compareAsJsonPrintsOneObjectPerSummaryRowWithNumbers() throws Exception {
        Path out = tmp.resolve("json");
        RunCommandTest.Outcome o = RunCommandTest.execute("compare", "scenarios/teaching.yaml", "--replicates", "2",
                "--threads", "1", "--out", out.toString(), "--format", "json");
        assertEquals(ExitCode.OK, o.code(), o.err());
        JsonNode rows = new ObjectMapper().readTree(o.out());
        long lines = Files.readAllLines(out.resolve("summary.csv")).size() - 1;
        assertEquals(lines, rows.size());
        assertEquals("teaching", rows.get(0).get("scenario").asText());
        assertTrue(rows.get(0).get("mean").isNumber(), rows.get(0).toString());
    }

    @Test
    void bomStartsEveryCsvWithAByteOrderMarkAndChangesNothingElse() throws Exception {
        Path plain = tmp.resolve("plain");
        Path marked = tmp.resolve("marked");
        for (Path out : List.of(plain, marked)) {
            List<String> args = new java.util.ArrayList<>(List.of("compare", "scenarios/teaching.yaml", "--replicates",
                    "2", "--threads", "1", "--out", out.toString(), "-q"));
            if (out == marked) {
                args.add("--bom");
            }
            assertEquals(ExitCode.OK, RunCommandTest.execute(args.toArray(String[]::new)).code());
        }
        List<Path> csvs;
        try (var files = Files.list(plain)) {
            csvs = files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        assertTrue(csvs.size() >= 5, csvs.toString());
        for (Path csv : csvs) {
            byte[] a = Files.readAllBytes(csv);
            byte[] b = Files.readAllBytes(marked.resolve(csv.getFileName()));
            assertEquals(a.length + 3, b.length, csv.toString());
            assertTrue(b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF, csv.toString());
            assertTrue(java.util.Arrays.equals(a, java.util.Arrays.copyOfRange(b, 3, b.length)), csv.toString());
        }
    }

    @Test
    void anUnknownFormatIsRefusedWithTheChoices() {
        RunCommandTest.Outcome o = RunCommandTest.execute("compare", "scenarios/teaching.yaml", "--format", "xml");
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains("text, csv, json"), o.err());
    }
}
