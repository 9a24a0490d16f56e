package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;

/**
 * ODD 7.8: flight across a moving front over days. While the front moves, every household at
 * home near the front line flees at an hourly rate that falls linearly with its distance from
 * the line, with no pause and no trust term: it is not a term of the decision utility of 7.1,
 * so {@link DecisionRule#utilityCeiling} is untouched. A household that flees crosses the
 * front (out) with the scenario's outward share, else moves deeper into the enclave (in).
 */
public final class FrontFlightRule {

    private FrontFlightRule() {
    }

    /** Proximity to the fighting: 1 − metres to the front line / reach, at least 0. */
    public static double proximity(double metresToFront, double reachMetres) {
        return Math.max(0.0, 1.0 - metresToFront / reachMetres);
    }

    /** Hourly rate of fleeing: {@code flightRatePerHour} × {@link #proximity}. */
    public static double ratePerHour(Behaviour.FrontFlight f, double metresToFront) {
        return f.flightRatePerHour() * proximity(metresToFront, f.reachMetres());
    }

    /** Chance of fleeing within one tick: 1 − exp(−rate × tick hours) ({@link DecisionRule#probabilityInTick}). */
    public static double probabilityInTick(Behaviour.FrontFlight f, double metresToFront, double tickHours) {
        return DecisionRule.probabilityInTick(ratePerHour(f, metresToFront), tickHours);
    }

    /** Whether the front is moving at a tick: from its first tick (inclusive) to its last (exclusive). */
    public static boolean moving(long tick, long fromTick, long untilTick) {
        return tick >= fromTick && tick < untilTick;
    }

    /** A household that flees goes out across the front when its uniform draw is below the outward share. */
    public static boolean outward(double outwardShare, double uniform) {
        return uniform < outwardShare;
    }

    /** Whether a cell is deep enough in the enclave to flee to: at least the reach from the front line. */
    public static boolean outOfReach(double metresToFront, double reachMetres) {
        return metresToFront >= reachMetres;
    }
}
