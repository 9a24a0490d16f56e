package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Population;

/** ODD 7.1 (MODEL.md 6.1): the decision to leave, and its use at a front shift (ODD 7.7). */
public final class DecisionRule {

    /** Largest value of the time-pressure term (needed time over time left is capped here). */
    public static final double MAX_TIME_PRESSURE = 3.0;

    private DecisionRule() {
    }

    /**
     * The terms of U that are the same for every household of a neighbourhood at a tick (ODD
     * 7.1): local danger (min(1, danger)), {@link #hardship}, {@link #socialProof}, district
     * clash news (min(1, news)), {@link FighterRule#control fighter control}, {@link #waitAndSee},
     * whether an evacuation order is in force there (0 or 1) and {@link #heavyShelling}; each in 0..1.
     */
    public record NeighbourhoodTerms(double localDanger, double hardship, double socialProof, double clashNews,
            double fighterControl, double waitAndSee, double evacuationOrder, double heavyShelling) {

        /** Terms without the push (no order in force, no heavy shelling). */
        public NeighbourhoodTerms(double localDanger, double hardship, double socialProof, double clashNews,
                double fighterControl, double waitAndSee) {
            this(localDanger, hardship, socialProof, clashNews, fighterControl, waitAndSee, 0, 0);
        }
    }

    /**
     * The terms of U that belong to one household and its nearest offered corridor (ODD 7.1):
     * effective trust (0..1), whether the corridor is monitored by a neutral body, has transport
     * and lets people choose where to go, whether a member is wounded, attachment (0..1),
     * screening risk (k's detention probability when the household has military-age men and k
     * screens, else 0: one term for the whole household, which stays or goes together),
     * {@link #timePressure} (0..{@link #MAX_TIME_PRESSURE}) and the household's own threshold
     * ({@link #thresholdOffset}, utility, any sign; 0 when thresholds do not spread).
     */
    public record HouseholdTerms(double trust, boolean monitored, boolean transport, boolean destinationChoice,
            boolean woundedMember, double attachment, double screeningRisk, double timePressure, double threshold) {

        /** Terms of a household whose threshold is the common one (no spread). */
        public HouseholdTerms(double trust, boolean monitored, boolean transport, boolean destinationChoice,
                boolean woundedMember, double attachment, double screeningRisk, double timePressure) {
            this(trust, monitored, transport, destinationChoice, woundedMember, attachment, screeningRisk, timePressure, 0);
        }
    }

    /**
     * The utility U of leaving (ODD 7.1): {@link #neighbourhoodUtility} of the household's
     * neighbourhood plus {@link #householdUtility} of its own terms. Weights are magnitudes
     * (the intercept excepted), signs as in the table of ODD 7.1.
     */
    public static double utility(Behaviour.Weights w, NeighbourhoodTerms n, HouseholdTerms h) {
        return householdUtility(w, neighbourhoodUtility(w, n), h);
    }

    /**
     * The part of U shared by a neighbourhood: intercept + danger + hardship + social proof − clash
     * news − control − wait-and-see + evacuation order + heavy shelling (ODD 7.1 "Push").
     */
    public static double neighbourhoodUtility(Behaviour.Weights w, NeighbourhoodTerms n) {
        return w.intercept()
                + w.localDanger() * n.localDanger()
                + w.hardship() * n.hardship()
                + w.socialProof() * n.socialProof()
                - w.clashNews() * n.clashNews()
                - w.fighterControl() * n.fighterControl()
                - w.waitAndSee() * n.waitAndSee()
                + w.evacuationOrder() * n.evacuationOrder()
                + w.heavyShelling() * n.heavyShelling();
    }

    /**
     * U from its neighbourhood part: + trust, monitored, transport, destination choice, wounded
     * member − attachment − screening risk − time pressure − own threshold, added in this order.
     */
    public static double householdUtility(Behaviour.Weights w, double neighbourhoodUtility, HouseholdTerms h) {
        return neighbourhoodUtility
                + w.trust() * (h.trust() - 0.5)
                + (h.monitored() ? w.monitored() : 0)
                + (h.transport() ? w.transport() : 0)
                + (h.destinationChoice() ? w.destinationChoice() : 0)
                + (h.woundedMember() ? w.woundedMember() : 0)
                - w.attachment() * h.attachment()
                - w.screeningRisk() * h.screeningRisk()
                - w.timePressure() * h.timePressure()
                - h.threshold();
    }

    /**
     * The most favourable household terms anyone can have at a tick: the largest trust, the
     * indicator terms wherever a corridor on offer has them (and their weight is positive), a
     * wounded member, the least attachment, no screening risk, no time pressure and the lowest
     * own threshold. With the largest {@link #neighbourhoodUtility} this gives {@link #utilityCeiling}.
     */
    public static HouseholdTerms mostFavourable(Behaviour.Weights w, double largestTrust, boolean anyMonitored,
            boolean anyTransport, boolean anyDestinationChoice, double leastAttachment, double lowestThreshold) {
        return new HouseholdTerms(largestTrust, anyMonitored && w.monitored() > 0, anyTransport && w.transport() > 0,
                anyDestinationChoice && w.destinationChoice() > 0, w.woundedMember() > 0, leastAttachment, 0, 0,
                lowestThreshold);
    }

    /**
     * An upper bound of U for every household at a tick: {@link #householdUtility} of the
     * {@link #mostFavourable} terms on the largest neighbourhood part. It is the same sum in the
     * same order, so rounding cannot put a household above it; households whose draw is above
     * the probability of the ceiling cannot decide and are skipped (same result, less work).
     * Holds for weights ≥ 0 (the loader's range; the intercept may have any sign).
     */
    public static double utilityCeiling(Behaviour.Weights w, double largestNeighbourhoodUtility, HouseholdTerms best) {
        return householdUtility(w, largestNeighbourhoodUtility, best);
    }

    /**
     * An upper bound of one household's U at a tick, tighter than {@link #utilityCeiling}: its own
     * neighbourhood part, trust, attachment and threshold, and for the rest the {@code best} terms
     * ({@link #mostFavourable}: the indicator terms of the corridors on offer, no screening risk, no
     * time pressure). The same sum in the same order with every term at least the household's own,
     * so rounding cannot put the household above it. It needs none of the corridor's terms (nearest
     * corridor, walking time, queue, car), so households whose draw is above its probability are
     * skipped before those are worked out.
     */
    public static double householdCeiling(Behaviour.Weights w, double neighbourhoodUtility, HouseholdTerms best,
            double trust, double attachment, double threshold) {
        return householdUtility(w, neighbourhoodUtility, new HouseholdTerms(trust, best.monitored(), best.transport(),
                best.destinationChoice(), best.woundedMember(), attachment, 0, 0, threshold));
    }

    /**
     * Whether an event with an hourly rate may happen within one tick given a uniform draw: false
     * only when {@link #happensInTick} is false for certain ({@code 1 − exp(−x) ≤ x}), with no
     * exponential; for skipping work at a bound of the rate.
     */
    public static boolean mayHappenInTick(double ratePerHour, double tickHours, double draw) {
        return draw < ratePerHour * tickHours * (1 + BOUND_MARGIN);
    }

    /**
     * Heavy shelling (ODD 7.1 "Push"): the bombardment death rate at home in a neighbourhood (per
     * person-day, with the schedule's factor and the pause's violation factor) over the rate at
     * which the term is full: min(1, rate / {@code fullAtDeathsPerPersonDay}). People hear the
     * shelling of their neighbourhood whoever it hits; local danger, by contrast, follows the
     * deaths there.
     */
    public static double heavyShelling(double deathsPerPersonDay, double fullAtDeathsPerPersonDay) {
        return Math.min(1.0, deathsPerPersonDay / fullAtDeathsPerPersonDay);
    }

    /**
     * Threshold spread (ODD 7.1): a household's own decision threshold, normal with mean 0 and
     * standard deviation {@code spread} (utility units): spread × z for a standard normal draw z.
     * Subtracted from U, so a household with a high threshold needs a stronger push to go and
     * departures spread out in time.
     */
    public static double thresholdOffset(double spread, double standardNormal) {
        return spread * standardNormal;
    }

    /** Hardship of the siege at a tick (ODD 7.1): initial + growth per day × days since the start, at most 1. */
    public static double hardship(Population p, long tick, double tickHours) {
        return Math.min(1.0, p.initialHardship() + p.hardshipGrowthPerDay() * tick * tickHours / 24.0);
    }

    /**
     * Needed hours (ODD 7.1): preparation mean hours + walking hours to the corridor at the
     * household's speed + the corridor's queue over its capacity (the expected wait).
     */
    public static double neededHours(double preparationMeanHours, double walkMinutesAtFreeSpeed, double speedFactor,
            double queuedPersons, double capacityPersonsPerHour) {
        return neededHours(preparationMeanHours, walkMinutesAtFreeSpeed, speedFactor,
                queuedPersons / capacityPersonsPerHour);
    }

    /**
     * Needed hours with the expected queue wait already in hours (for a household with a car:
     * vehicles queued at the road's checkpoint / its vehicles per hour, ODD 7.6 "Private cars").
     */
    public static double neededHours(double preparationMeanHours, double walkMinutesAtFreeSpeed, double speedFactor,
            double queueWaitHours) {
        return preparationMeanHours + walkMinutesAtFreeSpeed / 60.0 / speedFactor + queueWaitHours;
    }

    /**
     * Preparation across windows (ODD 7.1): the packing hours a household counts against the
     * window. When another window of the pause follows, a household that knows windows recur
     * packs while the corridor is closed and goes at the next opening, so only the share
     * 1 − {@code acrossWindowsShare} of its packing counts; otherwise all of it.
     */
    public static double preparationHoursCounted(double preparationMeanHours, double acrossWindowsShare,
            boolean anotherWindowFollows) {
        return anotherWindowFollows ? preparationMeanHours * (1 - acrossWindowsShare) : preparationMeanHours;
    }

    /**
     * Wait-and-see (ODD 7.1): 1 while nobody has been seen to arrive safely, falling linearly to 0
     * once {@code waitAndSeePersons} persons are out safely (an absolute number):
     * 1 − min(1, persons out / {@code waitAndSeePersons}).
     */
    public static double waitAndSee(long personsOutSafely, double waitAndSeePersons) {
        return 1 - Math.min(1.0, personsOutSafely / waitAndSeePersons);
    }

    /** An exponential duration with the given mean from a uniform draw in (0, 1): −mean × ln(u) (preparation, patience). */
    public static double exponentialHours(double meanHours, double uniform) {
        return -meanHours * Math.log(uniform);
    }

    /**
     * Front shift (ODD 7.7): U at local danger 1 and hardship 1, without social proof, clash
     * news, fighter control or any corridor term; the household crosses with probability logistic(U).
     */
    public static double frontCrossingUtility(Behaviour.Weights w, double trust, boolean woundedMember,
            double attachment) {
        return utility(w, new NeighbourhoodTerms(1.0, 1.0, 0, 0, 0, 0),
                new HouseholdTerms(trust, false, false, false, woundedMember, attachment, 0, 0));
    }

    /** Hourly rate of deciding: {@code maxRate × logistic(U)}. */
    public static double ratePerHour(double maxRatePerHour, double utility) {
        return maxRatePerHour * logistic(utility);
    }

    /** Probability of an event with an hourly rate happening within one tick: {@code 1 − exp(−rate × tickHours)}. */
    public static double probabilityInTick(double ratePerHour, double tickHours) {
        return -Math.expm1(-ratePerHour * tickHours);
    }

    /**
     * Whether an event with an hourly rate happens within one tick, given a uniform draw:
     * {@code draw < 1 − exp(−rate × tickHours)}. Same answer as comparing with
     * {@link #probabilityInTick}, which is only computed when the draw falls between the bounds
     * x − x²/2 ≤ 1 − exp(−x) ≤ x (x = rate × tickHours), widened by a margin far above rounding error.
     */
    public static boolean happensInTick(double ratePerHour, double tickHours, double draw) {
        double x = ratePerHour * tickHours;
        if (draw >= x * (1 + BOUND_MARGIN)) {
            return false;
        }
        if (draw < (x - 0.5 * x * x) * (1 - BOUND_MARGIN)) {
            return true;
        }
        return draw < probabilityInTick(ratePerHour, tickHours);
    }

    /** Relative margin on the bounds of {@link #happensInTick}. */
    private static final double BOUND_MARGIN = 1e-9;

    public static double logistic(double u) {
        return 1.0 / (1.0 + Math.exp(-u));
    }

    /**
     * Time pressure: the hours a household needs (preparation + walk + expected queue wait)
     * over the hours of the announced open window it can still use ({@link #openHoursLeft}),
     * capped at {@link #MAX_TIME_PRESSURE}.
     */
    public static double timePressure(double neededHours, double hoursLeft) {
        if (hoursLeft <= 0) {
            return MAX_TIME_PRESSURE;
        }
        return Math.min(MAX_TIME_PRESSURE, neededHours / hoursLeft);
    }

    /**
     * Hours of the announced window a household can still use: from when it opens (or now, if
     * open) to its announced end. The notice before it opens is not counted: packing during
     * the notice does not make an 11-hour window longer, so with a day's notice an 11-hour
     * window is as pressing as without, and far more pressing than a four-day one.
     */
    public static double openHoursLeft(long tick, long opensTick, long closesTick, double tickHours) {
        return (closesTick - Math.max(tick, opensTick)) * tickHours;
    }

    /** Social proof: share of the neighbourhood gone, relative to the share at which it saturates. */
    public static double socialProof(double shareLeft, double saturationShare) {
        return Math.min(1.0, shareLeft / saturationShare);
    }
}
