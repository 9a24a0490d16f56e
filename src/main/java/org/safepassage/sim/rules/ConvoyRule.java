package org.safepassage.sim.rules;

/**
 * ODD 7.6 "Convoys limited by their vehicles" and "Convoys held at a transit point": a convoy's
 * capacity is the seats of the vehicles waiting at the crossing, not a rate. Those who board
 * have left the enclave; a vehicle leaves when full, or when the window closes with anyone on
 * board, and comes back for its next trip a round trip later, later still when it was held on
 * the way. An attack on those waiting at a transit point kills the reported number, at most as
 * many as are waiting there.
 */
public final class ConvoyRule {

    private ConvoyRule() {
    }

    /** Seats free at the crossing: vehicles waiting × seats per vehicle − persons already on the one loading. */
    public static long seatsAtCrossing(int vehiclesWaiting, int seatsPerVehicle, int onLoadingVehicle) {
        return Math.max(0L, (long) vehiclesWaiting * seatsPerVehicle - onLoadingVehicle);
    }

    /**
     * Tick a vehicle that left at {@code departTick} reaches the far end: half a round trip later,
     * or at the end of a hold ({@code holdFromTick}..{@code holdUntilTick}) that catches it on the way.
     */
    public static long arrivalTick(long departTick, long oneWayTicks, long holdFromTick, long holdUntilTick) {
        long arrival = departTick + oneWayTicks;
        return held(departTick, oneWayTicks, holdFromTick, holdUntilTick) ? Math.max(arrival, holdUntilTick) : arrival;
    }

    /** Whether a vehicle that left at {@code departTick} is caught by the hold: it is on the way when the hold starts or leaves during it. */
    public static boolean held(long departTick, long oneWayTicks, long holdFromTick, long holdUntilTick) {
        return departTick < holdUntilTick && departTick + oneWayTicks > holdFromTick;
    }

    /** Persons killed by an attack on those waiting: the reported number, at most those waiting. */
    public static long killed(long reportedKilled, long personsWaiting) {
        return Math.min(reportedKilled, personsWaiting);
    }

    /**
     * Expected hours a household joining the queue waits for a seat: persons queued beyond the
     * seats at the crossing / the convoy's rate (vehicles × seats / round trip); 0 while the
     * seats waiting suffice.
     */
    public static double waitHours(long queuedPersons, long seatsAtCrossing, double ratePersonsPerHour) {
        return Math.max(0L, queuedPersons - seatsAtCrossing) / ratePersonsPerHour;
    }
}
