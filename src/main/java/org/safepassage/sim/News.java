package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.sim.rules.InformationRule;

/**
 * News and trust during a run (ODD 7.3): the district-wide trust shift, clash news (district
 * and per corridor), local danger per neighbourhood and each household's own trust. The one
 * owner of these numbers; every change is a named verb: {@link #decay}, {@link #deathsNearby},
 * {@link #safeCrossings}, {@link #clashAt}, {@link #pauseEndedEarly}, {@link #turnedBack},
 * {@link #pauseDeclared}, {@link #seenNearby}.
 */
public final class News {

    private final Households households;
    private final Ledger ledger;
    private final CorridorState[] corridors;
    /** District-wide shift of trust from news (safe crossings, clashes, early ends). */
    private double trustShift;
    /** Shift of trust from the declarer of the latest announced pause ({@link InformationRule#declarerTrustShift}). */
    private double declarerShift;
    /** Per neighbourhood: trust shift from what its residents saw there ({@link InformationRule#localTrustChange}), recovering. */
    private final double[] localShift;
    /** Departures by neighbourhood of origin already seen (the Ledger's running counts). */
    private final long[] departuresCounted;
    /** Bumped whenever a local shift changes, so the cached mean trust is recomputed. */
    private long localEdits;
    /** Clash news, decaying. */
    private double clashNews;
    /** Local danger per neighbourhood, decaying (ODD 7.1 "local danger"). */
    private final double[] danger;
    /** Bumped whenever a household's own trust changes, so the cached mean trust is recomputed. */
    private long trustEdits;
    /** At least the largest own trust of any household (for the utility ceiling of ODD 7.1). */
    private float maxOwnTrust = Float.NEGATIVE_INFINITY;
    private double meanTrustCached;
    private long meanTrustShiftBits;
    private int meanTrustInside = -1;
    private long meanTrustEdits = -1;
    /**
     * The households inside at the last pass, in household order: own trust and origin, so a
     * change of the shifts alone is summed over a compact array (same terms, same order).
     */
    private final float[] insideOwn;
    private final short[] insideOrigin;
    private int insideLength;
    private int compactInside = -1;
    private long compactTrustEdits = -1;
    private final double[] shiftByOrigin;

    News(Households households, Ledger ledger, CorridorState[] corridors, int hoods) {
        this.households = households;
        this.ledger = ledger;
        this.corridors = corridors;
        this.danger = new double[hoods];
        this.localShift = new double[hoods];
        this.departuresCounted = new long[hoods];
        this.shiftByOrigin = new double[hoods];
        this.insideOwn = new float[households.count];
        this.insideOrigin = new short[households.count];
        for (int h = 0; h < households.count; h++) {
            maxOwnTrust = Math.max(maxOwnTrust, households.trust[h]);
        }
    }

    // ---- verbs ----

    /** News fades by the factor of {@link InformationRule#newsDecay}: clash news and local danger. */
    void decay(double factor) {
        clashNews *= factor;
        for (CorridorState c : corridors) {
            c.decayClashNews(factor);
        }
        for (int n = 0; n < danger.length; n++) {
            danger[n] *= factor;
        }
    }

    /** Deaths in neighbourhood n this tick raise its local danger ({@link InformationRule#dangerRise}). */
    void deathsNearby(int n, long deaths, double dangerNewsPerDeath) {
        long residents = ledger.byOrigin().initial(n);
        if (deaths > 0 && residents > 0) {
            danger[n] += InformationRule.dangerRise(dangerNewsPerDeath, deaths, residents);
        }
    }

    /**
     * Local observed trust: each neighbourhood's shift recovers towards 0
     * ({@link InformationRule#localTrustRecovery}), then moves by what its residents saw this
     * tick: neighbours of origin there who left, and {@code deaths[n]} deaths there
     * ({@link InformationRule#localTrustChange}); kept within −1..1.
     */
    void seenNearby(long[] deaths, Behaviour.Information info, double tickHours) {
        if (info.localTrustPerDeparture() == 0 && info.localTrustPerDeath() == 0) {
            return;
        }
        double recovery = InformationRule.localTrustRecovery(info, tickHours);
        for (int n = 0; n < localShift.length; n++) {
            long left = ledger.byOrigin().evacuated(n);
            double shift = localShift[n] * recovery
                    + InformationRule.localTrustChange(info, left - departuresCounted[n], deaths[n]);
            departuresCounted[n] = left;
            localShift[n] = Math.max(-1, Math.min(1, shift));
        }
        localEdits++;
    }

    /** Persons who crossed safely this tick raise everyone's trust ({@link InformationRule#trustGainFromCrossings}). */
    void safeCrossings(long persons, Behaviour.Information info) {
        if (persons > 0) {
            trustShift += InformationRule.trustGainFromCrossings(info, persons, ledger.initialPersons());
        }
    }

    /** A clash at corridor c: clash news there and everywhere, and everyone's trust falls by {@code trustLossPerClash}. */
    void clashAt(CorridorState c, Behaviour.Information info) {
        c.addClashNews(1);
        clashNews += 1;
        trustShift -= info.trustLossPerClash();
    }

    /**
     * A declared pause was violated (ODD 7.3 "A declared ceasefire that fails"): everyone's trust
     * falls by {@link InformationRule#violationTrustLoss}; the early end it causes is not counted again.
     */
    void pauseViolated(Behaviour.Information info) {
        trustShift -= InformationRule.violationTrustLoss(info);
    }

    /** A pause ended before its announced end: everyone's trust falls by {@code trustLossEarlyEnd}. */
    void pauseEndedEarly(Behaviour.Information info) {
        trustShift -= info.trustLossEarlyEnd();
    }

    /**
     * A pause was announced and is now the latest: trust is judged against its declarer
     * ({@link InformationRule#declarerTrustShift}; zero for the first pause, whose credibility
     * households' own trust was drawn around).
     */
    void pauseDeclared(double credibility, double firstCredibility) {
        declarerShift = InformationRule.declarerTrustShift(credibility, firstCredibility);
    }

    /** Fighters turned household h back: its own trust falls by {@link InformationRule#TRUST_LOSS_WHEN_BLOCKED}. */
    void turnedBack(int h) {
        setOwnTrust(h, InformationRule.trustAfterBlocking(households.trust[h]));
    }

    private void setOwnTrust(int h, float trust) {
        households.setOwnTrust(h, trust);
        trustEdits++;
        maxOwnTrust = Math.max(maxOwnTrust, trust);
    }

    // ---- reading ----

    /** Effective trust of household h: its own plus the district-wide news shift, in 0..1. */
    double trust(int h) {
        return InformationRule.effectiveTrust(households.trust[h], shift() + localShift[households.origin[h]]);
    }

    /** The largest effective trust any household can have now (for the utility ceiling). */
    double maxTrust() {
        double local = 0;
        for (double s : localShift) {
            local = Math.max(local, s);
        }
        return households.count == 0 ? 0 : InformationRule.effectiveTrust(maxOwnTrust, shift() + local);
    }

    /** Neighbourhood n's trust shift from what its residents saw (local observed trust). */
    double localShift(int n) {
        return localShift[n];
    }

    double trustShift() {
        return trustShift;
    }

    /** The whole shift added to own trust: news plus the declarer's ({@code + 0.0} when it is the first pause's). */
    private double shift() {
        return trustShift + declarerShift;
    }

    /** District clash news, at most 1 (the term of ODD 7.1). */
    double clashNewsTerm() {
        return Math.min(1.0, clashNews);
    }

    /** Local danger of neighbourhood n, at most 1 (the term of ODD 7.1). */
    double localDangerTerm(int n) {
        return Math.min(1.0, danger[n]);
    }

    /**
     * Mean effective trust of households still inside. It depends only on which households are
     * inside (a set that only shrinks, so its size identifies it), their own trust and the shift;
     * it is recomputed, in household order, only when one of these has changed since last time.
     */
    double meanTrust() {
        long shiftBits = Double.doubleToLongBits(shift());
        int inside = ledger.counts().householdsInside();
        if (inside != meanTrustInside || trustEdits + localEdits != meanTrustEdits || shiftBits != meanTrustShiftBits) {
            meanTrustCached = computeMeanTrust(inside);
            meanTrustInside = inside;
            meanTrustEdits = trustEdits + localEdits;
            meanTrustShiftBits = shiftBits;
        }
        return meanTrustCached;
    }

    private double computeMeanTrust(int inside) {
        if (inside != compactInside || trustEdits != compactTrustEdits) {
            compact();
            compactInside = inside;
            compactTrustEdits = trustEdits;
        }
        for (int o = 0; o < shiftByOrigin.length; o++) {
            shiftByOrigin[o] = shift() + localShift[o];
        }
        double sum = 0;
        for (int i = 0; i < insideLength; i++) {
            sum += InformationRule.effectiveTrust(insideOwn[i], shiftByOrigin[insideOrigin[i]]);
        }
        return insideLength == 0 ? Double.NaN : sum / insideLength;
    }

    /** Copies own trust and origin of the households inside, in household order. */
    private void compact() {
        byte[] phase = households.phase;
        int n = 0;
        for (int h = 0; h < households.count; h++) {
            if (HouseholdPhase.inside(phase[h])) {
                insideOwn[n] = households.trust[h];
                insideOrigin[n] = households.origin[h];
                n++;
            }
        }
        insideLength = n;
    }
}
