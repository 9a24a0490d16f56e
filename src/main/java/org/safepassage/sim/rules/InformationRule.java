package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;

/** ODD 7.3 (MODEL.md 6.3): information spread, news and trust. */
public final class InformationRule {

    private InformationRule() {
    }

    /**
     * Hourly rate at which an unaware household hears of the pause: word of mouth in proportion
     * to the share of aware households around it, plus news from those who crossed in proportion
     * to the percentage of the population already out.
     */
    public static double hearingRatePerHour(Behaviour.Information i, double awareShareNearby, double percentOut) {
        return i.wordOfMouthRatePerHour() * awareShareNearby + i.crossingNewsRatePerHour() * Math.min(1.0, percentOut);
    }

    /** Decay factor of news over one tick: exp(−tickHours / newsDecayHours). */
    public static double newsDecay(Behaviour.Information i, double tickHours) {
        return Math.exp(-tickHours / i.newsDecayHours());
    }

    /** Trust a household loses when fighters turn it back (fixed, ODD 7.3). */
    public static final float TRUST_LOSS_WHEN_BLOCKED = 0.2f;

    /**
     * Rise of a neighbourhood's local danger from deaths in a tick: {@code dangerNewsPerDeath} ×
     * deaths per 1,000 initial residents.
     */
    public static double dangerRise(double dangerNewsPerDeath, long deaths, long initialResidents) {
        return dangerNewsPerDeath * deaths * 1000.0 / initialResidents;
    }

    /**
     * Rise of the district trust shift from safe crossings in a tick: {@code trustGainPerCrossingPercent}
     * × percent of the population evacuated.
     */
    public static double trustGainFromCrossings(Behaviour.Information i, long persons, long initialPersons) {
        return i.trustGainPerCrossingPercent() * 100.0 * persons / initialPersons;
    }

    /**
     * ODD 7.3 "A declared ceasefire that fails": the fall of everyone's trust when a declared
     * pause is violated at its stated time: {@code trustLossEarlyEnd} (it ends before its
     * announced end) + {@code trustLossViolation} (it was broken, not called off).
     */
    public static double violationTrustLoss(Behaviour.Information i) {
        return i.trustLossEarlyEnd() + i.trustLossViolation();
    }

    /** A household's own trust after fighters turned it back: less {@link #TRUST_LOSS_WHEN_BLOCKED}, at least 0. */
    public static float trustAfterBlocking(float ownTrust) {
        return Math.max(0f, ownTrust - TRUST_LOSS_WHEN_BLOCKED);
    }

    /**
     * Declarer trust shift (ODD 7.3): households' own trust was drawn around the first pause's
     * credibility; while a later pause declared by another party is the latest announced, trust
     * is judged against that declarer: everyone's trust moves by {@code credibility − firstCredibility}.
     */
    public static double declarerTrustShift(double credibility, double firstCredibility) {
        return credibility - firstCredibility;
    }

    /**
     * Local observed trust (ODD 7.3): the change of a neighbourhood's trust shift in a tick from
     * what its residents saw there, in absolute numbers: {@code localTrustPerDeparture} × its
     * residents who left safely − {@code localTrustPerDeath} × deaths in it.
     */
    public static double localTrustChange(Behaviour.Information i, long departuresSeen, long deathsSeen) {
        return i.localTrustPerDeparture() * departuresSeen - i.localTrustPerDeath() * deathsSeen;
    }

    /** The factor by which a neighbourhood's trust shift returns towards 0 in a tick: exp(−tick hours / {@code localTrustRecoveryHours}). */
    public static double localTrustRecovery(Behaviour.Information i, double tickHours) {
        return Math.exp(-tickHours / i.localTrustRecoveryHours());
    }

    /** Effective trust: own trust plus the district-wide shift, clamped to 0..1. */
    public static double effectiveTrust(float ownTrust, double districtShift) {
        double t = ownTrust + districtShift;
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /** Percent of the first population out of the enclave (the crossing-news term of {@link #hearingRatePerHour}). */
    public static double percentOut(long evacuated, long initialPersons) {
        return 100.0 * evacuated / initialPersons;
    }
}
