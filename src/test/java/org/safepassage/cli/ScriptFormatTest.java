package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void anUnknownFormatIsRefusedWithTheChoices() {
        RunCommandTest.Outcome o = RunCommandTest.execute("compare", "scenarios/teaching.yaml", "--format", "xml");
        assertEquals(ExitCode.BAD_INPUT, o.code());
        assertTrue(o.err().contains("text, csv, json"), o.err());
    }
}
