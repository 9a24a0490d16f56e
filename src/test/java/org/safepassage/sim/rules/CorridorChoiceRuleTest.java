package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Behaviour;

/** ODD 7.2: multinomial logit choice among corridors. */
class CorridorChoiceRuleTest {

    private static final Behaviour.CorridorChoice C = new Behaviour.CorridorChoice(-1, -0.5, -1, 1, 1);

    @Test
    void utilityAddsWalkQueueClashAndIndicators() {
        assertEquals(-2 - 0.5 - 1 + 1 + 1, CorridorChoiceRule.utility(C, 2, 1, 1, true, true), 1e-15);
        assertEquals(-2, CorridorChoiceRule.utility(C, 2, 0, 0, false, false), 1e-15);
    }

    @Test
    void picksInProportionToExpUtilitySkippingUnavailable() {
        double[] u = {0, Double.NaN, Math.log(3)};
        int[] counts = new int[3];
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts[CorridorChoiceRule.pick(u, 3, (i + 0.5) / n)]++;
        }
        assertEquals(0, counts[1]);
        assertEquals(0.25, counts[0] / (double) n, 1e-3);
        assertEquals(0.75, counts[2] / (double) n, 1e-3);
        assertEquals(-1, CorridorChoiceRule.pick(new double[] {Double.NaN}, 1, 0.5));
    }
}
