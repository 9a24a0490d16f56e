package org.safepassage.sim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.safepassage.scenario.Corridor;
import org.safepassage.sim.rules.MovementRule;
import org.safepassage.sim.rules.RescueRule;

/**
 * A corridor's rescue teams during a run (ODD 7.6 "Rescue teams"): when each team is free, the
 * households of the neighbourhoods they go to, nearest first, and those being brought out. A
 * household brought out is counted out through the ledger's verbs (it joins the corridor and
 * is served at once), beside the corridor's own queue, which it does not wait in.
 */
final class RescueTeams {

    private final Corridor.Rescue spec;
    private final CorridorState corridor;
    /** Per team: the tick it is back and free. */
    private final long[] freeAt;
    /** Per team: the household it is bringing out, or -1. */
    private final int[] bringing;
    private final BitSet taken = new BitSet();
    private int[] nearestFirst;
    private long rescuedPersons;

    RescueTeams(Corridor.Rescue spec, CorridorState corridor) {
        this.spec = spec;
        this.corridor = corridor;
        this.freeAt = new long[spec.teams()];
        this.bringing = new int[spec.teams()];
        java.util.Arrays.fill(bringing, -1);
    }

    long rescuedPersons() {
        return rescuedPersons;
    }

    /**
     * Tick t: teams back from a trip bring their household out; while the corridor is open, each
     * free team sets off for the nearest household at home that accepts ({@link RescueRule}).
     */
    void step(District d, long t) {
        Households hh = d.households;
        for (int team = 0; team < freeAt.length; team++) {
            int h = bringing[team];
            if (h >= 0 && freeAt[team] <= t) {
                bringing[team] = -1;
                taken.clear(h);
                if (atHome(hh, h) && hh.members(h) > 0) {
                    rescuedPersons += hh.members(h);
                    d.ledger.joinQueue(h, corridor, false);
                    d.ledger.evacuate(h, corridor, d.anyPauseOpen());
                }
            }
        }
        if (!corridor.open()) {
            return;
        }
        if (nearestFirst == null) {
            nearestFirst = candidates(d);
        }
        double acceptance = d.scenario.behaviour().rescueAcceptance();
        int next = 0;
        for (int team = 0; team < freeAt.length; team++) {
            if (bringing[team] >= 0 || freeAt[team] > t) {
                continue;
            }
            while (next < nearestFirst.length) {
                int h = nearestFirst[next++];
                if (taken.get(h) || !atHome(hh, h) || hh.members(h) == 0 || hh.flag(h, Households.STAYS)
                        || hh.flag(h, Households.FIGHTER_FAMILY)) {
                    continue;
                }
                boolean decided = hh.phase[h] == HouseholdPhase.PREPARING;
                if (!decided && acceptance == 0) {
                    continue;
                }
                // the household's own draw, the same at every visit: a share of households accept

                if (!RescueRule.accepts(decided, acceptance, d.random.uniform(RandomStreams.Purpose.RESCUE, h, 0, 0))) {
                    continue;
                }
                double speed = MovementRule.speedFactor(d.scenario.behaviour().movement(), hh.children[h],
                        hh.elderly[h], hh.wounded[h]);
                double minutes = RescueRule.tripMinutes(d.grid.minutesTo[corridor.index][hh.cell[h]],
                        spec.minutesPerHousehold(), speed);
                freeAt[team] = t + RescueRule.tripTicks(minutes, d.scenario.clock().tickMinutes());
                bringing[team] = h;
                taken.set(h);
                break;
            }
        }
    }

    private static boolean atHome(Households hh, int h) {
        return hh.phase[h] == HouseholdPhase.STAYING || hh.phase[h] == HouseholdPhase.PREPARING;
    }

    /** Households of the neighbourhoods the teams go to that the corridor reaches, nearest first. */
    private int[] candidates(District d) {
        Households hh = d.households;
        float[] minutes = d.grid.minutesTo[corridor.index];
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < hh.count; h++) {
            int n = d.hoodOf(h);
            boolean there = spec.neighbourhoods().isEmpty()
                    || spec.neighbourhoods().contains(d.scenario.map().neighbourhoods().get(n).name());
            if (there && Float.isFinite(minutes[hh.cell[h]])) {
                out.add(h);
            }
        }
        out.sort(Comparator.comparingDouble((Integer h) -> minutes[hh.cell[h]]).thenComparingInt(h -> h));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
