package org.safepassage.sim;

import org.safepassage.sim.rules.MovementRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 7 (MODEL.md 6.6): each open civilian corridor serves its queue first come, first
 * served, at its capacity × tick length with the unused fraction carried to the next tick
 * (while the queue is not empty); screening may detain military-age men; the rest are out.
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
            if (!c.open() || !c.civilian()) {
                c.carry(false, 0);
                continue;
            }
            c.carry(true, MovementRule.capacityInTick(c.capacityPersonsPerHour, d.tickHours));
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
            if (c.queue.isEmpty()) {
                c.carry(false, 0);
            }
        }
    }

    private void serve(int h, CorridorState c, long t) {
        Households hh = d.households;
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
        }
    }
}
