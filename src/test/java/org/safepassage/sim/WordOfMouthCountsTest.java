package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;

/**
 * Word of mouth (ODD 7.3) keeps its counts by block (households inside, aware ones) from tick to
 * tick and counts afresh only when something it counts changed elsewhere. Claim: at every tick
 * those counts equal a fresh count, on scenarios where households leave, hear, are ordered out
 * and move home at a front shift.
 */
class WordOfMouthCountsTest {

    @Test
    void theKeptCountsEqualAFreshCountAtEveryTick() throws Exception {
        check(TestScenarios.load(TestScenarios.SHIPPED.resolve("teaching.yaml")), "teaching");
        check(TestScenarios.load(TestScenarios.SHIPPED.resolve("pause-24h.yaml"), "population.persons=20000"), "pause-24h");
        check(TestScenarios.load(TestScenarios.SHIPPED.resolve("east-aleppo.yaml"), "population.persons=20000",
                "population.initialAwareness=0.05"), "east-aleppo");
        check(TestScenarios.load(TestScenarios.MECHANISMS.resolve("front-shift-hearing.yaml")), "front shift");
    }

    private static void check(Scenario s, String name) {
        Evacuation model = new Evacuation(s, false);
        model.start();
        int ticks = 0;
        while (model.stepTick()) {
            ticks++;
            assertTrue(model.information().countsCurrent(), name + ": counts differ from a fresh count at tick " + ticks);
        }
        model.finish();
        assertTrue(ticks > 10, name + ": ran " + ticks + " ticks");
    }
}
