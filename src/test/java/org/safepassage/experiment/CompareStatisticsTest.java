package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompareStatisticsTest {

    private static final double EPS = 1e-6;

    @Test
    void tIntervalOfAFixedSample() {
        // mean 3, sd sqrt(2.5); t(0.975, 4) = 2.7764451; half-width 2.7764451 * 1.5811388 / sqrt(5) = 1.9632432
        Sample s = Sample.of(1, 2, 3, 4, 5);
        assertEquals(5, s.n());
        assertEquals(3.0, s.mean(), EPS);
        assertEquals(Math.sqrt(2.5), s.sd(), EPS);
        assertEquals(3 - 1.9632432, s.ciLow(), EPS);
        assertEquals(3 + 1.9632432, s.ciHigh(), EPS);
    }

    @Test
    void pairedDifferencesUseThePairsNotTheTwoSamples() {
        double[] scenario = {12, 15, 11, 18, 14};
        double[] baseline = {10, 12, 10, 15, 13};
        // differences 2, 3, 1, 3, 1: mean 2, sd 1, half-width 2.7764451 / sqrt(5) = 1.2416640
        Sample d = CompareStatistics.pairedDifference(scenario, baseline);
        assertEquals(5, d.n());
        assertEquals(2.0, d.mean(), EPS);
        assertEquals(1.0, d.sd(), EPS);
        assertEquals(2 - 1.2416640, d.ciLow(), EPS);
        assertEquals(2 + 1.2416640, d.ciHigh(), EPS);
        // the unpaired interval of the difference of means would be far wider than the paired one
        Sample a = Sample.of(scenario);
        Sample b = Sample.of(baseline);
        double unpairedHalf = Math.sqrt(Math.pow(a.ciHigh() - a.mean(), 2) + Math.pow(b.ciHigh() - b.mean(), 2));
        assertTrue(unpairedHalf > 2 * (d.ciHigh() - d.mean()));
    }

    @Test
    void pairsWithAMissingValueAreLeftOut() {
        Sample d = CompareStatistics.pairedDifference(new double[] {1, Double.NaN, 5}, new double[] {0, 2, 3});
        assertEquals(2, d.n());
        assertEquals(1.5, d.mean(), EPS);
    }

    @Test
    void pairedSamplesMustHaveTheSameSize() {
        assertThrows(IllegalArgumentException.class,
                () -> CompareStatistics.pairedDifference(new double[] {1, 2}, new double[] {1}));
    }
}
