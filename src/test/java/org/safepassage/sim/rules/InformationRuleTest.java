package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Behaviour;

/** ODD 7.3: hearing, news decay, local danger and trust. */
class InformationRuleTest {

    private static final Behaviour.Information INFO = new Behaviour.Information(4, 0.2, 0.8, 0.01, 0.07, 0.2, 48, 0.1, 0.001, 0.01, 24, 100, 0, 0.001);

    @Test
    void hearingIsWordOfMouthPlusCrossingNewsCappedAtOnePercent() {
        assertEquals(0.2 * 0.5 + 0.8 * 0.25, InformationRule.hearingRatePerHour(INFO, 0.5, 0.25), 1e-15);
        assertEquals(0.2 + 0.8, InformationRule.hearingRatePerHour(INFO, 1, 30), 1e-15);
    }

    @Test
    void newsHalvesInItsHalfLife() {
        assertEquals(0.5, Math.pow(InformationRule.newsDecay(INFO, 1.0), 48 * Math.log(2)), 1e-12);
    }

    @Test
    void dangerRisesPerDeathPerThousandResidents() {
        assertEquals(0.5 * 3 * 1000.0 / 20_000, InformationRule.dangerRise(0.5, 3, 20_000), 1e-15);
    }

    @Test
    void aLaterDeclarerShiftsTrustByTheDifferenceOfCredibilities() {
        assertEquals(0.55, InformationRule.declarerTrustShift(0.7, 0.15), 1e-15);
        assertEquals(-0.55, InformationRule.declarerTrustShift(0.15, 0.7), 1e-15);
        assertEquals(0.0, InformationRule.declarerTrustShift(0.4, 0.4), "the same declarer, or the first pause: no shift");
        assertEquals(1.0, InformationRule.effectiveTrust(0.6f, InformationRule.declarerTrustShift(0.9, 0.3)), "clamped");
    }

    @Test
    void localTrustMovesByAbsoluteNumbersSeenAndRecoversInItsTime() {
        // 200 neighbours seen leaving at 0.001 each, 5 deaths at 0.01 each
        assertEquals(0.2 - 0.05, InformationRule.localTrustChange(INFO, 200, 5), 1e-15);
        assertEquals(0.0, InformationRule.localTrustChange(INFO, 0, 0));
        assertEquals(0.5, Math.pow(InformationRule.localTrustRecovery(INFO, 1.0), 24 * Math.log(2)), 1e-12,
                "half of the shift is gone after 24 h × ln 2");
    }

    @Test
    void safeCrossingsRaiseTrustByPercentOut() {
        // 1 % of 100,000 out: 0.01 trust
        assertEquals(0.01, InformationRule.trustGainFromCrossings(INFO, 1000, 100_000), 1e-15);
        assertEquals(1.0, InformationRule.percentOut(1000, 100_000), 1e-15);
    }

    @Test
    void blockingCostsAFixedShareOfTrustNeverBelowZero() {
        assertEquals(0.5f - InformationRule.TRUST_LOSS_WHEN_BLOCKED, InformationRule.trustAfterBlocking(0.5f));
        assertEquals(0f, InformationRule.trustAfterBlocking(0.1f));
    }

    @Test
    void effectiveTrustIsClamped() {
        assertEquals(0.75, InformationRule.effectiveTrust(0.5f, 0.25), 1e-15);
        assertEquals(1.0, InformationRule.effectiveTrust(0.9f, 0.5));
        assertEquals(0.0, InformationRule.effectiveTrust(0.1f, -0.5));
    }
}
