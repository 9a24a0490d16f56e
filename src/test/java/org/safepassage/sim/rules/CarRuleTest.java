package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ODD 7.6 "Private cars". */
class CarRuleTest {

    /** Claim: the share of households owning a car is the scenario's share, household by own draw. */
    @Test
    void theShareOfHouseholdsWithACarIsTheGivenShare() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        int cars = 0;
        for (int i = 0; i < n; i++) {
            cars += CarRule.hasCar(r.nextDouble(), 0.3) ? 1 : 0;
        }
        assertEquals(0.3, cars / (double) n, 0.005);
        assertFalse(CarRule.hasCar(0.0, 0), "no cars when the share is 0");
        assertTrue(CarRule.hasCar(0.999, 1), "every household when the share is 1");
    }

    /** Claim: a checkpoint passes its hourly rate of vehicles, spread over the ticks of an hour. */
    @Test
    void theCheckpointPassesItsRatePerHour() {
        assertEquals(10, CarRule.vehiclesInTick(120, 1.0 / 12), 1e-12);
        double carried = 0;
        int passed = 0;
        for (int tick = 0; tick < 12; tick++) {
            carried += CarRule.vehiclesInTick(30, 1.0 / 12);
            while (CarRule.vehicleFits(carried)) {
                carried -= 1;
                passed++;
            }
        }
        assertEquals(30, passed, "30 vehicles an hour, 2.5 a five-minute tick");
    }
}
