package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --long}: the time series in long form holds every cell of the wide file, once. */
class LongTimeSeriesTest {

    @TempDir
    Path tmp;

    @Test
    void everyWideCellIsOneLongRow() throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.execute("run", "scenarios/teaching.yaml", "--long", "-q",
                "--out", tmp.toString());
        assertEquals(ExitCode.OK, o.code(), o.err());
        List<CSVRecord> wide;
        List<String> header;
        try (Reader r = Files.newBufferedReader(tmp.resolve("timeseries.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            header = p.getHeaderNames();
            wide = p.getRecords();
        }
        Map<String, String> longCells = new HashMap<>();
        try (Reader r = Files.newBufferedReader(tmp.resolve("timeseries-long.csv"));
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            assertEquals(List.of("tick", "hours", "series", "corridor", "value"), p.getHeaderNames());
            for (CSVRecord rec : p) {
                String column = rec.get("corridor").isEmpty() ? rec.get("series")
                        : rec.get("series") + "[" + rec.get("corridor") + "]";
                longCells.put(rec.get("tick") + "/" + column, rec.get("value"));
            }
        }
        assertEquals(wide.size() * (header.size() - 2), longCells.size());
        for (CSVRecord row : wide) {
            for (String column : header) {
                if (!column.equals("tick") && !column.equals("hours")) {
                    assertEquals(row.get(column), longCells.get(row.get("tick") + "/" + column), column);
                }
            }
        }
        assertEquals("West gate", longCells.containsKey("0/evacuated[West gate]") ? "West gate" : "missing");
    }
}
