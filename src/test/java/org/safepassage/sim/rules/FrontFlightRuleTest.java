package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Behaviour;

/** ODD 7.8: the formula of flight across a moving front. */
class FrontFlightRuleTest {

    private static final Behaviour.FrontFlight F = new Behaviour.FrontFlight(0.04, 1000);

    @Test
    void theRateFallsLinearlyWithDistanceToZeroAtTheReach() {
        assertEquals(0.04, FrontFlightRule.ratePerHour(F, 0), 1e-15);
        assertEquals(0.03, FrontFlightRule.ratePerHour(F, 250), 1e-15);
        assertEquals(0.02, FrontFlightRule.ratePerHour(F, 500), 1e-15);
        assertEquals(0.0, FrontFlightRule.ratePerHour(F, 1000), 0);
        assertEquals(0.0, FrontFlightRule.ratePerHour(F, Double.POSITIVE_INFINITY), 0);
        assertEquals(-Math.expm1(-0.02 * 2), FrontFlightRule.probabilityInTick(F, 500, 2), 1e-15);
        assertEquals(0.0, FrontFlightRule.probabilityInTick(F, 5000, 1), 0);
    }

    @Test
    void theFrontMovesFromItsFirstTickToBeforeItsLast() {
        assertFalse(FrontFlightRule.moving(9, 10, 20));
        assertTrue(FrontFlightRule.moving(10, 10, 20));
        assertTrue(FrontFlightRule.moving(19, 10, 20));
        assertFalse(FrontFlightRule.moving(20, 10, 20));
        assertFalse(FrontFlightRule.moving(5, Long.MAX_VALUE, Long.MAX_VALUE), "no front shift: never moving");
    }

    @Test
    void outwardByShareAndDeepBeyondTheReach() {
        assertTrue(FrontFlightRule.outward(1.0, 0.999));
        assertFalse(FrontFlightRule.outward(0.0, 0.001));
        assertTrue(FrontFlightRule.outward(0.6, 0.5));
        assertFalse(FrontFlightRule.outward(0.6, 0.7));
        assertTrue(FrontFlightRule.outOfReach(1000, 1000));
        assertFalse(FrontFlightRule.outOfReach(999, 1000));
    }
}
