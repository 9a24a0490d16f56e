package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Event;
import org.safepassage.sim.rules.DecisionRule;

/**
 * MODEL.md 6.7: a neighbourhood passes to the besieging side. Its households decide at once,
 * by the utility of 6.1 with local danger at its maximum and no time pressure, between crossing
 * the front (each person risks being killed; the rest count as left across the front) and
 * retreating to a home in what is left of the enclave. The map is redrawn: the neighbourhood's
 * cells join the safe area, corridors whose entry was there are lost, fighters lose control
 * of it, distance fields are recomputed. A regain (ODD 7.8) gives a lost neighbourhood back.
 */
final class FrontShift {
    private final District d;

    FrontShift(District d) {
        this.d = d;
    }

    void apply(Event e) {
        int n = d.scenario.map().neighbourhoodIndex(e.target());
        if (n < 0 || d.lost(n)) {
            return;
        }
        int area = d.scenario.map().safeAreas().indexOf(e.safeArea());
        d.loseNeighbourhood(n);
        for (CorridorState c : d.corridors) {
            if (d.grid.neighbourhood[c.entryCell] == n) {
                c.lose();
            }
        }
        for (FighterState g : d.fighters) {
            g.loseControl(n);
        }
        long crossedBefore = d.leftAcrossFront();
        Households hh = d.households;
        for (int h = 0; h < hh.count; h++) {
            if (!HouseholdPhase.inside(hh.phase[h])) {
                continue;
            }
            boolean atHome = d.hoodOf(h) == n;
            boolean here = d.grid.neighbourhood[hh.cell[h]] == n;
            if (atHome || here) {
                decide(h, n);
            }
        }
        d.grid.cede(n, area);
        redraw();
        d.note("front shift: " + e.target() + " passes to " + e.safeArea() + "; "
                + (d.leftAcrossFront() - crossedBefore) + " persons cross the front");
    }

    /**
     * A {@code front-regain} (ODD 7.8): a lost neighbourhood returns to the enclave; its cells
     * take back the terrain of the map and distance fields are recomputed. Nobody lives there
     * (its residents crossed or retreated); corridors lost with it stay lost and fighters do
     * not take back control of it.
     */
    void regain(Event e) {
        int n = d.scenario.map().neighbourhoodIndex(e.target());
        if (n < 0 || !d.lost(n)) {
            return;
        }
        d.regainNeighbourhood(n);
        d.grid.restore(n);
        redraw();
        d.note("front shift: " + e.target() + " is regained by the enclave");
    }

    /** After the map changed: crossing times, the distance fields of corridors not lost, the map's version. */
    private void redraw() {
        d.grid.updateCrossing(d.scenario.behaviour().movement());
        for (CorridorState c : d.corridors) {
            if (!c.lost()) {
                d.grid.computeField(c.index, c.entryCell);
            }
        }
        d.mapChanged();
    }

    private void decide(int h, int n) {
        Households hh = d.households;
        Behaviour b = d.scenario.behaviour();
        double u = DecisionRule.frontCrossingUtility(b.weights(), d.news.trust(h), hh.wounded[h] > 0, hh.attachment[h]);
        double uniform = d.random.uniform(RandomStreams.Purpose.FRONT, h, d.tick(), 0);
        int refuge = refuge(h, n);
        if (uniform < DecisionRule.logistic(u) || refuge < 0) {
            FrontCrossing.cross(d, h, RandomStreams.Purpose.FRONT);
        } else {
            d.ledger.sendHome(h);
            d.ledger.rehome(h, refuge);
        }
    }

    /** A random built-up cell in what is left of the enclave, or -1 when nothing is left. */
    private int refuge(int h, int lost) {
        long total = 0;
        for (int m = 0; m < d.hoods; m++) {
            if (!d.lost(m)) {
                total += d.builtCells[m].length;
            }
        }
        if (total == 0) {
            return -1;
        }
        long pick = (long) (d.random.uniform(RandomStreams.Purpose.FRONT, h, d.tick(), 1000) * total);
        for (int m = 0; m < d.hoods; m++) {
            if (d.lost(m)) {
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
