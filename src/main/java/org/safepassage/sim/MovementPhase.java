package org.safepassage.sim;

import org.apache.commons.math3.random.RandomGenerator;
import org.safepassage.scenario.Behaviour;
import org.safepassage.sim.rules.MovementRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 6 (MODEL.md 6.6): moving households, in a fresh random order each tick, walk
 * down their corridor's distance field as far as this tick's walking minutes (at the speed of
 * their slowest member) take them, never into a cell over the crowd limit; at the entry they
 * join the corridor's queue. Fighters may turn a household back as it sets off ({@link Blocking}).
 */
final class MovementPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;
    private final double cellCapacity;
    private final Blocking blocking;

    MovementPhase(District d) {
        this.d = d;
        this.blocking = new Blocking(d);
        this.cellCapacity = MovementRule.cellCapacityPersons(d.scenario.behaviour().movement(), d.grid.cellMeters);
    }

    @Override
    public void step(SimState state) {
        Households hh = d.households;
        IntList list = d.ledger.moving;
        int kept = 0;
        for (int i = 0; i < list.size(); i++) {
            int h = list.get(i);
            if (hh.phase[h] == HouseholdPhase.MOVING) {
                list.set(kept++, h);
            } else {
                hh.set(h, Households.IN_MOVING_LIST, false);
            }
        }
        list.truncate(kept);
        RandomGenerator rng = d.random.generator(RandomStreams.Purpose.MOVEMENT);
        for (int i = kept - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
        Behaviour.Movement m = d.scenario.behaviour().movement();
        float tickMinutes = d.scenario.clock().tickMinutes();
        for (int i = 0; i < kept; i++) {
            int h = list.get(i);
            if (hh.phase[h] == HouseholdPhase.MOVING && !blocking.turnsBack(h, d.tick())) {
                walk(h, m, tickMinutes);
            }
        }
    }

    private void walk(int h, Behaviour.Movement m, float tickMinutes) {
        Households hh = d.households;
        int k = hh.corridor[h];
        CorridorState c = d.corridors[k];
        int[] next = d.grid.nextCell[k];
        int persons = hh.members(h);
        float budget = hh.timer[h] + tickMinutes
                * (float) MovementRule.speedFactor(m, hh.children[h], hh.elderly[h], hh.wounded[h]);
        boolean crowded = false;
        while (true) {
            int cell = hh.cell[h];
            if (cell == c.entryCell) {
                d.ledger.joinQueue(h, c, d.cars.drives(h, c));
                return;
            }
            int to = next[cell];
            if (to < 0) {
                // the way is cut (front shift): give up
                d.ledger.sendHome(h);
                return;
            }
            float cost = d.grid.stepMinutes(cell, to);
            if (cost > budget) {
                break;
            }
            if (to != c.entryCell && d.crowd.occupancy(to) + persons > cellCapacity) {
                crowded = true;
                break;
            }
            budget -= cost;
            d.crowd.step(h, to, persons);
        }
        // Walking time not used is kept towards the next step, which may take longer than a
        // tick (large cells, 1-minute ticks, slow members); it is always less than that step.
        // Held up by a crowd, a household does not bank more than one tick of walking.
        hh.setTimer(h, crowded ? Math.min(budget, tickMinutes) : budget);
    }
}
