package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Behaviour;

/** ODD 7.6: a household walks at its slowest member's speed; cells hold a crowd limit. */
class MovementRuleTest {

    private static final Behaviour.Movement M = new Behaviour.Movement(60, 0.6, 0.35, 0.3, 0.6, 0.4, 0.8, 3);

    @Test
    void theSlowestGroupSetsTheSpeed() {
        assertEquals(1.0, MovementRule.speedFactor(M, 0, 0, 0));
        assertEquals(0.8, MovementRule.speedFactor(M, 2, 0, 0));
        assertEquals(0.6, MovementRule.speedFactor(M, 2, 1, 0));
        assertEquals(0.4, MovementRule.speedFactor(M, 2, 1, 1));
    }

    @Test
    void cellCapacityIsDensityTimesArea() {
        assertEquals(3 * 25 * 25, MovementRule.cellCapacityPersons(M, 25), 1e-9);
    }
}
