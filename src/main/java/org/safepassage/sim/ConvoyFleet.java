package org.safepassage.sim;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.Clock;
import org.safepassage.scenario.Corridor;
import org.safepassage.sim.rules.ConvoyRule;

/**
 * A corridor's convoy during a run (ODD 7.6 "Convoys limited by their vehicles", "Convoys held
 * at a transit point"): the vehicles waiting at the crossing and their free seats, the vehicles
 * away with the persons on board, when each comes back, and the persons killed while held.
 */
final class ConvoyFleet {

    /** A vehicle that left: when, with how many, its trips so far, when it arrives and comes back. */
    private record Away(long departTick, int persons, int trips, long arrivalTick, long returnTick) {
    }

    private final Corridor.Transport spec;
    private final long oneWayTicks;
    private final long[] holdFrom;
    private final long[] holdUntil;
    private final long[] attackTick;
    /** Trips made by each vehicle waiting at the crossing (the loading one first). */
    private final List<Integer> waiting = new ArrayList<>();
    private final List<Away> away = new ArrayList<>();
    private int onLoading;
    private long killedWaiting;
    private long departures;

    ConvoyFleet(Corridor.Transport spec, Clock clock) {
        this.spec = spec;
        this.oneWayTicks = Math.max(1, Math.round(spec.roundTrip().toMinutes() / 2.0 / clock.tickMinutes()));
        int holds = spec.holds().size();
        this.holdFrom = new long[holds];
        this.holdUntil = new long[holds];
        this.attackTick = new long[holds];
        for (int i = 0; i < holds; i++) {
            Corridor.Hold h = spec.holds().get(i);
            holdFrom[i] = clock.tickOf(h.from());
            holdUntil[i] = clock.tickOf(h.until());
            attackTick[i] = h.attackedAt() == null ? Long.MIN_VALUE : clock.tickOf(h.attackedAt());
        }
        for (int v = 0; v < spec.vehicles(); v++) {
            waiting.add(0);
        }
    }

    /** Free seats at the crossing ({@link ConvoyRule#seatsAtCrossing}). */
    long seatsAtCrossing() {
        return ConvoyRule.seatsAtCrossing(waiting.size(), spec.seatsPerVehicle(), onLoading);
    }

    /** Expected hours of waiting for a seat with {@code queuedPersons} ahead ({@link ConvoyRule#waitHours}). */
    double waitHours(long queuedPersons, double ratePersonsPerHour) {
        return ConvoyRule.waitHours(queuedPersons, seatsAtCrossing(), ratePersonsPerHour);
    }

    long killedWaiting() {
        return killedWaiting;
    }

    long departures() {
        return departures;
    }

    /**
     * Start of tick t: vehicles whose round trip is over come back to the crossing; an attack on
     * a hold due now kills those waiting there ({@link ConvoyRule#killed}); returns the persons killed.
     */
    long startTick(long t) {
        for (int i = away.size() - 1; i >= 0; i--) {
            Away a = away.get(i);
            if (a.returnTick() <= t) {
                away.remove(i);
                if (a.trips() < spec.trips()) {
                    waiting.add(a.trips());
                }
            }
        }
        long killedNow = 0;
        for (int i = 0; i < attackTick.length; i++) {
            if (attackTick[i] == t) {
                long held = 0;
                for (Away a : away) {
                    if (a.departTick() <= t && a.arrivalTick() > t
                            && ConvoyRule.held(a.departTick(), oneWayTicks, holdFrom[i], holdUntil[i])) {
                        held += a.persons();
                    }
                }
                killedNow += ConvoyRule.killed(spec.holds().get(i).killed(), held);
            }
        }
        killedWaiting += killedNow;
        return killedNow;
    }

    /** {@code persons} boarded at tick t: each vehicle that is full leaves. */
    void boarded(long persons, long t) {
        onLoading += (int) persons;
        while (!waiting.isEmpty() && onLoading >= spec.seatsPerVehicle()) {
            onLoading -= spec.seatsPerVehicle();
            depart(spec.seatsPerVehicle(), t);
        }
        if (waiting.isEmpty()) {
            onLoading = 0;
        }
    }

    /** The window closed at tick t: the vehicle loading leaves with whoever is on board. */
    void windowClosed(long t) {
        if (onLoading > 0 && !waiting.isEmpty()) {
            depart(onLoading, t);
            onLoading = 0;
        }
    }

    private void depart(int persons, long t) {
        int trips = waiting.remove(0) + 1;
        long arrival = t + oneWayTicks;
        for (int i = 0; i < holdFrom.length; i++) {
            arrival = Math.max(arrival, ConvoyRule.arrivalTick(t, oneWayTicks, holdFrom[i], holdUntil[i]));
        }
        away.add(new Away(t, persons, trips, arrival, arrival + oneWayTicks));
        departures++;
    }
}
