package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;

/** MODEL.md 6.1: the decision to leave. */
public final class DecisionRule {

    /** Largest value of the time-pressure term (needed time over time left is capped here). */
    public static final double MAX_TIME_PRESSURE = 3.0;

    private DecisionRule() {
    }

    /**
     * The utility U of leaving. Every term is in 0..1 except trust − 0.5 (−0.5..0.5) and time
     * pressure (0..{@link #MAX_TIME_PRESSURE}); weights are magnitudes, signs as in the table of 6.1.
     */
    public static double utility(Behaviour.Weights w, double trust, double monitored, double transport,
            double destinationChoice, double localDanger, double hardship, boolean woundedMember,
            double socialProof, double attachment, double clashNews, double fighterControl,
            double screeningRisk, double timePressure) {
        return w.intercept()
                + w.trust() * (trust - 0.5)
                + w.monitored() * monitored
                + w.transport() * transport
                + w.destinationChoice() * destinationChoice
                + w.localDanger() * localDanger
                + w.hardship() * hardship
                + (woundedMember ? w.woundedMember() : 0.0)
                + w.socialProof() * socialProof
                - w.attachment() * attachment
                - w.clashNews() * clashNews
                - w.fighterControl() * fighterControl
                - w.screeningRisk() * screeningRisk
                - w.timePressure() * timePressure;
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
