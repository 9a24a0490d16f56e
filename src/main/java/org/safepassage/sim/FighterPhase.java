package org.safepassage.sim;

import org.apache.commons.math3.random.RandomGenerator;
import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.FighterRule;
import org.safepassage.sim.rules.MovementRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 4 (MODEL.md 6.5): fighters regroup during pauses, clash at corridors (closing
 * them and alarming everyone), and leave through their fighter corridor when a deal allows
 * it. Their turning back of households leaving the neighbourhoods they hold is {@link Blocking},
 * applied as each trip starts.
 */
final class FighterPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;

    FighterPhase(District d) {
        this.d = d;
    }

    @Override
    public void step(SimState state) {
        long t = d.tick();
        RandomGenerator rng = d.random.generator(RandomStreams.Purpose.FIGHTERS);
        if (d.anyPauseOpen()) {
            for (FighterState g : d.fighters) {
                if (g.present() > 0 && !g.regrouping(t) && g.spec.regroupPerHour() > 0
                        && rng.nextDouble() < DecisionRule.probabilityInTick(g.spec.regroupPerHour(), d.tickHours)) {
                    g.startRegrouping(t + FighterRule.regroupTicks(g.spec, d.tickHours));
                    d.note(g.spec.name() + " regrouping");
                }
            }
        }
        clashes(t, rng);
        fightersLeave();
    }

    /** Hardline fighters present in the neighbourhood of a cell. */
    int hardlineAt(int cell) {
        int hood = d.grid.neighbourhood[cell];
        int n = 0;
        for (FighterState g : d.fighters) {
            if (g.spec.stance() == FighterGroup.Stance.HARDLINE && g.controls(hood)) {
                n += g.present();
            }
        }
        return n;
    }

    private void clashes(long t, RandomGenerator rng) {
        Behaviour.Information info = d.scenario.behaviour().information();
        for (CorridorState c : d.corridors) {
            if (!c.open()) {
                continue;
            }
            double rate = FighterRule.clashRatePerHour(c.spec, hardlineAt(c.entryCell));
            if (rate > 0 && rng.nextDouble() < DecisionRule.probabilityInTick(rate, d.tickHours)) {
                c.clash(t + FighterRule.clashTicks(c.spec, d.scenario.clock().tickMinutes()));
                d.news.clashAt(c, info);
                d.note("clash at " + c.spec.name() + ", closed for " + c.spec.clashDuration());
            }
        }
    }

    private void fightersLeave() {
        // capacity carries over only while fighters are waiting to use it (as a civilian queue's does)
        for (CorridorState c : d.corridors) {
            boolean waiting = false;
            for (FighterState g : d.fighters) {
                waiting |= g.dealAllowed() && g.present() > 0 && g.corridor == c.index;
            }
            c.fighterCarry(c.open() && waiting, MovementRule.capacityInTick(c.capacityPersonsPerHour, d.tickHours));
        }
        for (FighterState g : d.fighters) {
            if (!g.dealAllowed() || g.present() == 0 || g.corridor < 0) {
                continue;
            }
            CorridorState c = d.corridors[g.corridor];
            if (!c.open()) {
                continue;
            }
            int leaving = (int) Math.min(g.present(), MovementRule.wholePersons(c.fighterCarry()));
            c.useFighterCarry(leaving);
            d.fighterTally.fightersLeave(g, c, leaving);
        }
    }
}
