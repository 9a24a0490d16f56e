package org.safepassage.sim;

import org.safepassage.scenario.Front;

/**
 * A household crossing the front (ODD 7.7 and 7.8): each person is killed on the way with
 * {@code hazards.crossingFrontDeathProbability} (shelling and snipers), each military-age man
 * left is detained by the receiving side with {@code front.detentionProbability}; the rest are out.
 */
final class FrontCrossing {

    private FrontCrossing() {
    }

    /** Household h crosses at the current tick, its draws taken from {@code purpose}. */
    static void cross(District d, int h, RandomStreams.Purpose purpose) {
        Households hh = d.households;
        double p = d.scenario.hazards().crossingFrontDeathProbability();
        int members = hh.members(h);
        if (hh.phase[h] == HouseholdPhase.QUEUED || hh.phase[h] == HouseholdPhase.MOVING) {
            d.ledger.sendHome(h);
        }
        long t = d.tick();
        for (int i = 0; i < members; i++) {
            if (d.random.uniform(purpose, h, t, i + 1) < p) {
                d.ledger.kill(h, d.random.uniform(purpose, h, t, 100 + i));
            }
        }
        Front front = d.scenario.front();
        if (front.detentionProbability() > 0 && hh.phase[h] != HouseholdPhase.GONE) {
            int men = hh.militaryAgeMen[h];
            for (int i = 0; i < men; i++) {
                if (d.random.uniform(purpose, h, t, 200 + i) < front.detentionProbability()) {
                    d.ledger.detainAtFront(h);
                }
            }
        }
        d.ledger.cross(h);
    }
}
