package org.safepassage.sim.rules;

/**
 * ODD 7.6 "Rescue teams": teams that go in by a corridor while it is open and bring households
 * of a battle zone out. A free team goes to the nearest household still at home that accepts
 * it, at the walking speed, spends {@code minutesPerHousehold} there and walks back at the
 * household's speed; the household is out when the team is back. A household that has decided
 * to leave accepts; one that has not accepts with {@code behaviour.rescueAcceptance}.
 */
public final class RescueRule {

    private RescueRule() {
    }

    /**
     * Minutes of one rescue: free walking minutes to the household + {@code minutesPerHousehold}
     * + the same walk back at the household's speed factor.
     */
    public static double tripMinutes(double walkMinutes, double minutesPerHousehold, double householdSpeedFactor) {
        return walkMinutes + minutesPerHousehold + walkMinutes / householdSpeedFactor;
    }

    /** Ticks of one rescue: {@link #tripMinutes} in whole ticks, at least one. */
    public static long tripTicks(double tripMinutes, double tickMinutes) {
        return Math.max(1L, (long) Math.ceil(tripMinutes / tickMinutes));
    }

    /**
     * Whether a household at home goes with a team that reaches it: always when it has decided
     * to leave, else when its own uniform draw (one per household for the run) is below
     * {@code acceptance}, so that this share of the households accept.
     */
    public static boolean accepts(boolean decidedToLeave, double acceptance, double uniform) {
        return decidedToLeave || uniform < acceptance;
    }
}
