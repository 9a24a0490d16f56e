package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP's advice for CSV cells: formula-like text gets a leading quote; numbers never change. */
class CsvCellsTest {

    @Test
    void formulaLikeTextIsQuotedAndNumbersAreNot() {
        assertEquals("'=cmd|' /C calc'!A0", CsvCells.cell("=cmd|' /C calc'!A0"));
        assertEquals("'+A1", CsvCells.cell("+A1"));
        assertEquals("'-A1", CsvCells.cell("-A1"));
        assertEquals("'@SUM(1)", CsvCells.cell("@SUM(1)"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
        assertEquals("'\rx", CsvCells.cell("\rx"));
        for (String n : List.of("-1", "-1.5", "+2", "-1e-3", "1E+9", "-.5", "-Infinity", "NaN", "0", "plain", "",
                "a=b", "corridors[West gate].monitoring")) {
            assertEquals(n, CsvCells.cell(n));
        }
        assertEquals(-3.5, CsvCells.cell(-3.5));
        assertEquals(List.of("'=1+1", "x", 4), CsvCells.row(List.of("=1+1", "x", 4)));
    }
}
