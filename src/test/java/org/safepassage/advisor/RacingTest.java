package org.safepassage.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The racing's drop test: a one-sided paired t-test over the states both designs ran in. */
class RacingTest {

    @Test
    void agreesWithCommonsMathsPairedTTestOneSided() {
        double[] best = {1200, 300, 5000, 800, 2500, 40};
        double[] mine = {1000, 310, 4300, 650, 2200, 35};
        // two-sided p of the paired test, halved for the one side the differences lean to
        double p = new TTest().pairedTTest(best, mine) / 2;
        assertTrue(p > 0.01 && p < 0.05, "p " + p);
        assertTrue(Racing.significantlyWorse(mine, best, true, 0.05));
        assertFalse(Racing.significantlyWorse(mine, best, true, 0.01));
        // the other way round it is the better one; for a figure minimised, lower is better
        assertFalse(Racing.significantlyWorse(best, mine, true, 0.05));
        assertTrue(Racing.significantlyWorse(best, mine, false, 0.05));
    }

    @Test
    void aFewStatesShowLittleAndEqualDifferencesShowTheirSign() {
        // one state: nothing can be shown
        assertFalse(Racing.significantlyWorse(new double[] {0}, new double[] {1e6}, true, 0.05));
        // same difference in every state: worse when it is positive, not when it is zero
        assertTrue(Racing.significantlyWorse(new double[] {1, 2, 3}, new double[] {2, 3, 4}, true, 0.05));
        assertFalse(Racing.significantlyWorse(new double[] {1, 2, 3}, new double[] {1, 2, 3}, true, 0.05));
        // large but inconsistent differences over three states: not shown worse (what a 3-state stage can tell)
        assertFalse(Racing.significantlyWorse(new double[] {0, 0, 9000}, new double[] {30000, 100, 9100}, true, 0.05));
        // a missing figure shows nothing
        assertFalse(Racing.significantlyWorse(new double[] {Double.NaN, 1}, new double[] {5, 6}, true, 0.05));
        assertEquals(0.05, Advisor.DROP_LEVEL);
    }
}
