package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ODD 7.6 "Exits controlled by an armed party". */
class ExitControlRuleTest {

    /** Claim: over many households, the detained and turned-back shares are the party's d and b; the rest pass. */
    @Test
    void sharesDetainedTurnedBackAndPassingAreDAndBAndTheRest() {
        SplittableRandom r = new SplittableRandom(11);
        Map<ExitControlRule.Outcome, Integer> count = new EnumMap<>(ExitControlRule.Outcome.class);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            count.merge(ExitControlRule.outcome(r.nextDouble(), 0.1, 0.25), 1, Integer::sum);
        }
        assertEquals(0.10, count.get(ExitControlRule.Outcome.DETAINED) / (double) n, 0.004);
        assertEquals(0.25, count.get(ExitControlRule.Outcome.TURNED_BACK) / (double) n, 0.004);
        assertEquals(0.65, count.get(ExitControlRule.Outcome.PASSES) / (double) n, 0.004);
    }

    /** Claim: the draw's order: below d detained, from d to d + b turned back, at or above d + b passes. */
    @Test
    void theDrawIsCutAtDAndDPlusB() {
        assertEquals(ExitControlRule.Outcome.DETAINED, ExitControlRule.outcome(0.099, 0.1, 0.25));
        assertEquals(ExitControlRule.Outcome.TURNED_BACK, ExitControlRule.outcome(0.1, 0.1, 0.25));
        assertEquals(ExitControlRule.Outcome.TURNED_BACK, ExitControlRule.outcome(0.349, 0.1, 0.25));
        assertEquals(ExitControlRule.Outcome.PASSES, ExitControlRule.outcome(0.35, 0.1, 0.25));
        assertEquals(ExitControlRule.Outcome.PASSES, ExitControlRule.outcome(0.0, 0, 0), "an open exit lets all pass");
    }
}
