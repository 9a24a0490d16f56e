package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ODD 7.6 "Convoys limited by their vehicles" and "Convoys held at a transit point". */
class ConvoyRuleTest {

    /** Claim: a convoy's capacity at the crossing is the seats of the vehicles waiting, less those already aboard. */
    @Test
    void seatsAreTheWaitingVehiclesSeatsLessThoseAboard() {
        assertEquals(450, ConvoyRule.seatsAtCrossing(5, 90, 0));
        assertEquals(420, ConvoyRule.seatsAtCrossing(5, 90, 30));
        assertEquals(0, ConvoyRule.seatsAtCrossing(0, 90, 0), "no vehicle waiting: no seat");
        assertEquals(0, ConvoyRule.seatsAtCrossing(1, 50, 60), "never negative");
    }

    /** Claim: a vehicle is held when it is on the way at the hold or leaves during it, and arrives when the hold ends. */
    @Test
    void aHoldCatchesVehiclesOnTheWayAndDelaysThemToItsEnd() {
        // one way 12 ticks, hold from tick 100 to 300
        assertFalse(ConvoyRule.held(80, 12, 100, 300), "arrived before the hold");
        assertEquals(92, ConvoyRule.arrivalTick(80, 12, 100, 300));
        assertTrue(ConvoyRule.held(95, 12, 100, 300), "on the way when the hold starts");
        assertEquals(300, ConvoyRule.arrivalTick(95, 12, 100, 300));
        assertTrue(ConvoyRule.held(200, 12, 100, 300), "left during the hold");
        assertEquals(300, ConvoyRule.arrivalTick(200, 12, 100, 300));
        assertTrue(ConvoyRule.held(295, 12, 100, 300));
        assertEquals(307, ConvoyRule.arrivalTick(295, 12, 100, 300), "a hold ending before its arrival does not delay it");
        assertFalse(ConvoyRule.held(300, 12, 100, 300), "left after the hold");
    }

    /** Claim: an attack kills the reported number, never more than are waiting. */
    @Test
    void anAttackKillsAtMostThoseWaiting() {
        assertEquals(126, ConvoyRule.killed(126, 5000));
        assertEquals(40, ConvoyRule.killed(126, 40));
    }

    /** Claim: nobody waits while the seats at the crossing suffice; beyond them, the queue over the convoy's rate. */
    @Test
    void theWaitIsTheQueueBeyondTheSeatsOverTheRate() {
        assertEquals(0, ConvoyRule.waitHours(300, 450, 225));
        assertEquals(2, ConvoyRule.waitHours(900, 450, 225), 1e-12);
    }
}
