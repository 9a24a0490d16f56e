package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void oneToTenHasTheTextbookMeanSdAndTInterval() {
        Sample s = Sample.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(10, s.n());
        assertEquals(5.5, s.mean(), 1e-12);
        assertEquals(3.0276503540974917, s.sd(), 1e-12);
        // t(0.975, 9) = 2.2621571627982; half-width = t * sd / sqrt(10)
        double half = 2.2621571627982 * 3.0276503540974917 / Math.sqrt(10);
        assertEquals(5.5 - half, s.ciLow(), 1e-9);
        assertEquals(5.5 + half, s.ciHigh(), 1e-9);
        assertEquals(5.5, s.median(), 1e-12);
        // R-7 percentiles (R's quantile(1:10, c(.05, .95))): position 1 + p(n-1) -> 1.45 and 9.55
        assertEquals(1.45, s.p5(), 1e-12);
        assertEquals(9.55, s.p95(), 1e-12);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = 39 - i; // unsorted on purpose
        }
        Sample s = Sample.of(v);
        // position 1 + 0.05 * 39 = 2.95 -> x(2) + 0.95 (x(3) - x(2)) = 1.95
        assertEquals(1.95, s.p5(), 1e-12);
        assertEquals(37.05, s.p95(), 1e-12);
        assertEquals(19.5, s.median(), 1e-12);
    }

    @Test
    void constantSampleHasAZeroWidthInterval() {
        Sample s = Sample.of(7, 7, 7);
        assertEquals(0, s.sd(), 0);
        assertEquals(7, s.ciLow(), 0);
        assertEquals(7, s.ciHigh(), 0);
    }

    @Test
    void nanValuesAreLeftOutAndSingleValuesHaveNoInterval() {
        Sample s = Sample.of(Double.NaN, 4, Double.NaN);
        assertEquals(1, s.n());
        assertEquals(4, s.mean(), 0);
        assertTrue(Double.isNaN(s.sd()));
        assertTrue(Double.isNaN(s.ciLow()));
        assertEquals(0, Sample.of().n());
    }

    @Test
    void intervalNarrowsAsTheSquareRootOfTheSampleSizeForLargeSamples() {
        double w100 = Sample.halfWidth(1, 100);
        double w400 = Sample.halfWidth(1, 400);
        // t(99) = 1.9842 vs t(399) = 1.9659: the ratio is 2 x 1.0093
        assertEquals(2.0 * 1.9842169 / 1.9659423, w100 / w400, 1e-4);
        assertEquals(1.96 / 20, w400, 0.001);
    }
}
