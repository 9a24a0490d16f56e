package org.safepassage.sim;

import org.safepassage.scenario.Corridor;
import org.safepassage.sim.rules.CarRule;
import org.safepassage.sim.rules.ExitControlRule;
import org.safepassage.sim.rules.MovementRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 7 (MODEL.md 6.6): each open civilian corridor serves its queue first come, first
 * served, at its capacity × tick length with the unused fraction carried to the next tick
 * (while the queue is not empty), and its road's queue of cars at the checkpoint's vehicles
 * per hour the same way (ODD 7.6 "Private cars"); an armed party holding the exit may detain
 * or turn back those it processes (ODD 7.6 "Exits controlled by an armed party"); screening
 * may detain military-age men; the rest are out.
 */
final class CorridorPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;

    CorridorPhase(District d) {
        this.d = d;
    }

    @Override
    public void step(SimState state) {
        Households hh = d.households;
        long t = d.tick();
        for (CorridorState c : d.corridors) {
            c.cleanQueue(hh);
            if (c.fleet != null) {
                convoyTick(c, t);
            }
            if (c.rescue != null) {
                c.rescue.step(d, t);
            }
            if (!c.open() || !c.civilian()) {
                c.carry(false, 0);
                c.vehicleCarry(false, 0);
                if (c.fleet != null) {
                    c.fleet.windowClosed(t);
                }
                continue;
            }
            if (c.fleet != null) {
                c.carry(false, 0);
            }
            c.carry(true, c.fleet == null ? MovementRule.capacityInTick(c.capacityPersonsPerHour, d.tickHours)
                    : c.fleet.seatsAtCrossing());
            double seats = c.carryPersons();
            while (!c.queue.isEmpty()) {
                int h = c.queue.peek();
                if (hh.phase[h] != HouseholdPhase.QUEUED || hh.corridor[h] != c.index) {
                    c.queue.poll();
                    continue;
                }
                int persons = hh.members(h);
                if (!MovementRule.fits(persons, c.carryPersons())) {
                    break;
                }
                c.queue.poll();
                c.useCarry(persons);
                serve(h, c, t);
            }
            if (c.fleet != null) {
                c.fleet.boarded(Math.round(seats - c.carryPersons()), t);
            }
            if (c.queue.isEmpty()) {
                c.carry(false, 0);
            }
            if (c.spec.road() != null) {
                serveVehicles(c, t);
            }
        }
    }

    /**
     * A convoy's start of tick (ODD 7.6): vehicles come back; an attack on those held at a
     * transit point kills some of them and is news like a clash at the corridor (ODD 7.3).
     */
    private void convoyTick(CorridorState c, long t) {
        long killed = c.fleet.startTick(t);
        if (killed > 0) {
            d.news.clashAt(c, d.scenario.behaviour().information());
            d.note("convoy of " + c.spec.name() + " attacked while held: " + killed + " killed");
        }
    }

    /** The road's checkpoint serves the queue of cars, one household a vehicle (ODD 7.6 "Private cars"). */
    private void serveVehicles(CorridorState c, long t) {
        Households hh = d.households;
        c.vehicleCarry(true, CarRule.vehiclesInTick(c.spec.road().vehiclesPerHour(), d.tickHours));
        while (!c.vehicleQueue.isEmpty()) {
            int h = c.vehicleQueue.peek();
            if (hh.phase[h] != HouseholdPhase.QUEUED || hh.corridor[h] != c.index) {
                c.vehicleQueue.poll();
                continue;
            }
            if (!CarRule.vehicleFits(c.vehicleCarry())) {
                break;
            }
            c.vehicleQueue.poll();
            c.useVehicle();
            if (serve(h, c, t)) {
                c.vehicleOut();
            }
        }
        if (c.vehicleQueue.isEmpty()) {
            c.vehicleCarry(false, 0);
        }
    }

    /** Serves household h at corridor c; true when any of its members got out. */
    private boolean serve(int h, CorridorState c, long t) {
        Households hh = d.households;
        Corridor.Control control = control(c, t);
        if (control != null) {
            var outcome = ExitControlRule.outcome(d.random.uniform(RandomStreams.Purpose.CORRIDORS, h, t, -1),
                    control.detainedShare(), control.turnedBackShare());
            if (outcome == ExitControlRule.Outcome.DETAINED) {
                d.ledger.detainAll(h, c);
                return false;
            }
            if (outcome == ExitControlRule.Outcome.TURNED_BACK) {
                c.turnedBack(hh.members(h));
                d.ledger.turnBack(h);
                d.news.turnedBack(h);
                return false;
            }
        }
        var screening = c.spec.screening();
        if (screening != null && screening.detentionProbability() > 0) {
            int men = hh.militaryAgeMen[h];
            for (int i = 0; i < men; i++) {
                if (d.random.uniform(RandomStreams.Purpose.CORRIDORS, h, t, i) < screening.detentionProbability()) {
                    d.ledger.detain(h, c);
                }
            }
        }
        if (hh.members(h) > 0) {
            d.ledger.evacuate(h, c, d.anyPauseOpen());
            return true;
        }
        return false;
    }

    /** The armed party's control of c's exit at tick t, or null when nobody holds it. */
    private Corridor.Control control(CorridorState c, long t) {
        for (Corridor.Control k : c.spec.control()) {
            if (t >= d.scenario.clock().tickOf(k.from()) && t < d.scenario.clock().tickOf(k.until())) {
                return k;
            }
        }
        return null;
    }
}
