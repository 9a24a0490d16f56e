package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Hazards;
import org.safepassage.sim.HouseholdPhase;
import org.safepassage.sim.TestScenarios;

/** ODD 7.4: death rates and exposure. */
class HazardRuleTest {

    private final Hazards hz = TestScenarios.load(TestScenarios.SHIPPED.resolve("pause-4d.yaml")).hazards();

    @Test
    void deathRateIsBaseTimesFactorTimesViolationDuringPauses() {
        double base = hz.deathsPerPersonDay() / 24.0;
        assertEquals(base * 2, HazardRule.deathsPerPersonHour(hz, 2, false), 1e-18);
        assertEquals(base * 2 * hz.pauseViolationFactor(), HazardRule.deathsPerPersonHour(hz, 2, true), 1e-18);
    }

    @Test
    void exposureByPhase() {
        assertEquals(1.0, HazardRule.exposure(hz, HouseholdPhase.STAYING));
        assertEquals(1.0, HazardRule.exposure(hz, HouseholdPhase.PREPARING));
        assertEquals(hz.movingExposure(), HazardRule.exposure(hz, HouseholdPhase.MOVING));
        assertEquals(hz.queuedExposure(), HazardRule.exposure(hz, HouseholdPhase.QUEUED));
    }
}
