package org.safepassage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void estimatesShowOnlyTheDigitsTheIntervalSupports() {
        assertEquals("41,000 (38,000\u201344,000)", Numbers.estimate(41_235, 38_235, 44_235, "\u2013"));
        assertEquals("600 (400\u2013800)", Numbers.estimate(612, 410, 814, "\u2013"));
        assertEquals("41,200 (39,700 to 42,700)", Numbers.estimate(41_235, 39_735, 42_735, " to "));
        assertEquals("59 (46 to 71)", Numbers.estimate(58.8, 46.47, 71.13, " to "));
    }

    @Test
    void aSampleWithoutSpreadIsShownToTheWholePerson() {
        assertEquals("2,000 (2,000 to 2,000)", Numbers.estimate(2000, 2000, 2000, " to "));
        assertEquals("7", Numbers.estimate(7, Double.NaN, Double.NaN, " to "));
    }

    @Test
    void differencesCarryTheirSign() {
        assertEquals("+400 (+350 to +460)", Numbers.difference(403.6, 347.4, 459.8, 1));
        assertEquals("-1,200 (-1,500 to -900)", Numbers.difference(-1_234, -1_534, -934, 1));
        assertEquals("0 (0 to 0)", Numbers.difference(0, 0, 0, 1));
    }

    @Test
    void finerStepsForFractions() {
        assertEquals("12.3", Numbers.rounded(12.34, 0.1));
        assertEquals("n/a", Numbers.rounded(Double.NaN, 1));
    }
}
