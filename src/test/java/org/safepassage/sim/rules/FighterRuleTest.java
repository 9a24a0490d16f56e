package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Pause;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.TestScenarios;

/** ODD 7.5 and ODD 3: control, clashes, regrouping, early ends. */
class FighterRuleTest {

    private final Scenario s = TestScenarios.mechanism("clash.yaml");

    @Test
    void hardlineControlDetersTwiceAsMuchAsModerate() {
        assertEquals(1.0, FighterRule.control(FighterGroup.Stance.HARDLINE));
        assertEquals(0.5, FighterRule.control(FighterGroup.Stance.MODERATE));
    }

    @Test
    void clashRateGrowsWithHardlineFightersAtTheEntry() {
        Corridor c = s.corridors().get(0);
        assertEquals(c.clashPerHour(), FighterRule.clashRatePerHour(c, 0), 1e-15);
        assertEquals(c.clashPerHour() + c.clashPerHourPerThousandHardline() * 2, FighterRule.clashRatePerHour(c, 2000),
                1e-12);
        assertEquals(Math.max(1, c.clashDuration().toMinutes() / 5), FighterRule.clashTicks(c, 5));
    }

    @Test
    void earlyEndsAreMoreLikelyWhileFightersRegroup() {
        Pause p = s.pauses().get(0);
        assertEquals(p.earlyEndPerHour(), FighterRule.earlyEndRatePerHour(p, false), 1e-15);
        assertEquals(p.earlyEndPerHour() * p.regroupingMultiplier(), FighterRule.earlyEndRatePerHour(p, true), 1e-15);
    }
}
