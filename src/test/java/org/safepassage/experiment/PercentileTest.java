package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Percentiles are R-7, as R's quantile(), numpy.percentile and pandas' quantile compute them by
 * default; the expected values below are what those give for the same data.
 */
class PercentileTest {

    @Test
    void r7InterpolatesBetweenOrderStatisticsAtNMinusOneTimesP() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(.05, .5, .95)) = 1.45 5.50 9.55 (R-6 would give 1.00 5.50 10.00)
        assertEquals(1.45, Sample.percentile(v, 5), 1e-12);
        assertEquals(5.5, Sample.percentile(v, 50), 1e-12);
        assertEquals(9.55, Sample.percentile(v, 95), 1e-12);
    }

    @Test
    void aSampleReportsR7PercentilesAndIgnoresNaN() {
        Sample s = Sample.of(10, 20, Double.NaN, 30, 40);
        // numpy.percentile([10, 20, 30, 40], [5, 50, 95]) = [11.5, 25.0, 38.5]
        assertEquals(11.5, s.p5(), 1e-12);
        assertEquals(25.0, s.median(), 1e-12);
        assertEquals(38.5, s.p95(), 1e-12);
        assertEquals(4, s.n());
    }

    @Test
    void oneValueIsEveryPercentileAndNoValueIsNaN() {
        assertEquals(7.0, Sample.percentile(new double[] {7}, 95));
        assertTrue(Double.isNaN(Sample.percentile(new double[] {Double.NaN}, 50)));
    }
}
