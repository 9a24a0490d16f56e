package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ODD 7.6 "Rescue teams". */
class RescueRuleTest {

    /** Claim: a rescue is the walk in, the time at the household, and the walk back at the household's pace. */
    @Test
    void aTripIsTheWalkInTheStayAndTheSlowerWalkBack() {
        assertEquals(20 + 30 + 40, RescueRule.tripMinutes(20, 30, 0.5), 1e-12);
        assertEquals(20 + 30 + 20, RescueRule.tripMinutes(20, 30, 1), 1e-12);
    }

    /** Claim: a trip takes whole ticks, rounded up, and at least one. */
    @Test
    void aTripTakesWholeTicksAndAtLeastOne() {
        assertEquals(18, RescueRule.tripTicks(90, 5));
        assertEquals(19, RescueRule.tripTicks(90.5, 5));
        assertEquals(1, RescueRule.tripTicks(0, 5));
    }

    /** Claim: households that decided to leave always go with a team; the others with the acceptance share. */
    @Test
    void decidedHouseholdsAlwaysAcceptOthersWithTheShare() {
        assertTrue(RescueRule.accepts(true, 0, 0.99));
        assertTrue(RescueRule.accepts(false, 0.3, 0.29));
        assertFalse(RescueRule.accepts(false, 0.3, 0.3));
        assertFalse(RescueRule.accepts(false, 0, 0.0), "acceptance 0: only those who decided");
    }
}
