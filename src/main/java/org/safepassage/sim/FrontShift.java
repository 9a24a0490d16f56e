package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.rules.DecisionRule;

/**
 * MODEL.md 6.7: a neighbourhood passes to the besieging side. Its households decide at once,
 * by the utility of 6.1 with local danger at its maximum and no time pressure, between crossing
 * the front (each person risks being killed; the rest count as left across the front) and
 * retreating to a home in what is left of the enclave. The map is redrawn: the neighbourhood's
 * cells join the safe area, corridors whose entry was there are lost, fighters lose control
 * of it, distance fields are recomputed.
 */
final class FrontShift {
    private final District d;

    FrontShift(District d) {
        this.d = d;
    }

    void apply(Event e) {
        int n = d.scenario.map().neighbourhoodIndex(e.target());
        if (n < 0 || d.lostHood[n]) {
            return;
        }
        int area = d.scenario.map().safeAreas().indexOf(e.safeArea());
        d.lostHood[n] = true;
        for (CorridorState c : d.corridors) {
            if (d.grid.neighbourhood[c.entryCell] == n) {
                c.lost = true;
                c.open = false;
                c.queueDirty = true;
            }
        }
        for (FighterState g : d.fighters) {
            g.controls[n] = false;
        }
        long crossedBefore = d.leftAcrossFront;
        Households hh = d.households;
        for (int h = 0; h < hh.count; h++) {
            if (!Phase.inside(hh.phase[h])) {
                continue;
            }
            boolean atHome = d.hoodOf(h) == n;
            boolean here = d.grid.neighbourhood[hh.cell[h]] == n;
            if (atHome || here) {
                decide(h, n);
            }
        }
        for (int c = 0; c < d.grid.cells(); c++) {
            if (d.grid.neighbourhood[c] == n && d.grid.terrain[c] != Terrain.SAFE) {
                d.grid.terrain[c] = Terrain.SAFE;
                d.grid.safeArea[c] = area;
            }
        }
        d.grid.updateCrossing(d.scenario.behaviour().movement());
        for (CorridorState c : d.corridors) {
            if (!c.lost) {
                d.grid.computeField(c.index, c.entryCell);
            }
        }
        d.mapVersion++;
        d.note("front shift: " + e.target() + " passes to " + e.safeArea() + "; "
                + (d.leftAcrossFront - crossedBefore) + " persons cross the front");
    }

    private void decide(int h, int n) {
        Households hh = d.households;
        Behaviour b = d.scenario.behaviour();
        double u = DecisionRule.utility(b.weights(), d.trust(h), 0, 0, 0, 1.0, 1.0, hh.wounded[h] > 0, 0,
                hh.attachment[h], 0, 0, 0, 0);
        double uniform = d.random.uniform(RandomStreams.Purpose.FRONT, h, d.tick, 0);
        int refuge = refuge(h, n);
        if (uniform < DecisionRule.logistic(u) || refuge < 0) {
            cross(h);
        } else {
            d.sendHome(h);
            d.rehome(h, refuge);
        }
    }

    /** Each person crossing is killed with the crossing's death probability; the rest are out. */
    private void cross(int h) {
        Households hh = d.households;
        double p = d.scenario.hazards().crossingFrontDeathProbability();
        int members = hh.members(h);
        if (hh.phase[h] == Phase.QUEUED || hh.phase[h] == Phase.MOVING) {
            d.sendHome(h);
        }
        for (int i = 0; i < members; i++) {
            if (d.random.uniform(RandomStreams.Purpose.FRONT, h, d.tick, i + 1) < p) {
                d.kill(h, d.random.uniform(RandomStreams.Purpose.FRONT, h, d.tick, 100 + i));
            }
        }
        int left = hh.members(h);
        if (left > 0) {
            d.setPhase(h, Phase.CROSSED);
            d.leftAcrossFront += left;
            d.evacuatedByHood[d.originOf(h)] += left;
            d.evacuatedThisTick += left;
        }
    }

    /** A random built-up cell in what is left of the enclave, or -1 when nothing is left. */
    private int refuge(int h, int lost) {
        long total = 0;
        for (int m = 0; m < d.hoods; m++) {
            if (!d.lostHood[m]) {
                total += d.builtCells[m].length;
            }
        }
        if (total == 0) {
            return -1;
        }
        long pick = (long) (d.random.uniform(RandomStreams.Purpose.FRONT, h, d.tick, 1000) * total);
        for (int m = 0; m < d.hoods; m++) {
            if (d.lostHood[m]) {
                continue;
            }
            if (pick < d.builtCells[m].length) {
                return d.builtCells[m][(int) pick];
            }
            pick -= d.builtCells[m].length;
        }
        return -1;
    }
}
