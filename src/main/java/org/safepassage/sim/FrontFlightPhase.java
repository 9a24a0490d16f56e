package org.safepassage.sim;

import org.safepassage.scenario.Front;
import org.safepassage.sim.rules.FrontFlightRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase after the hazards (ODD 7.8): while the front moves, households at home (staying
 * or preparing) near the front line flee at the rate of {@link FrontFlightRule}, pause or not:
 * out across the front ({@link FrontCrossing}) with the scenario's outward share, else to a
 * built-up cell of the enclave beyond the front's reach (out when there is none). Does nothing
 * when {@code behaviour.front.flightRatePerHour} is 0 or the front does not move.
 */
final class FrontFlightPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;
    private final FrontLine line;
    private final long fromTick;
    private final long untilTick;
    private final boolean active;

    FrontFlightPhase(District d) {
        this.d = d;
        this.line = new FrontLine(d);
        Front front = d.scenario.front();
        var clock = d.scenario.clock();
        this.fromTick = d.scenario.frontMovesFrom().map(clock::tickOf).orElse(Long.MAX_VALUE);
        this.untilTick = front.movingUntil() != null ? clock.tickOf(front.movingUntil()) : Long.MAX_VALUE;
        this.active = d.scenario.behaviour().front().flightRatePerHour() > 0;
    }

    @Override
    public void step(SimState state) {
        long t = d.tick();
        if (!active || !FrontFlightRule.moving(t, fromTick, untilTick)) {
            return;
        }
        line.update();
        Households hh = d.households;
        for (int h = 0; h < hh.count; h++) {
            byte phase = hh.phase[h];
            if (phase != HouseholdPhase.STAYING && phase != HouseholdPhase.PREPARING) {
                continue;
            }
            double p = line.fleeInTick(hh.cell[h]);
            if (p > 0 && d.random.uniform(RandomStreams.Purpose.FRONT_FLIGHT, h, t, 0) < p) {
                flee(h, t);
            }
        }
    }

    private void flee(int h, long t) {
        double share = d.scenario.front().outwardShare();
        int refuge = -1;
        if (!FrontFlightRule.outward(share, d.random.uniform(RandomStreams.Purpose.FRONT_FLIGHT, h, t, 1000))) {
            refuge = line.deepCell(d.random.uniform(RandomStreams.Purpose.FRONT_FLIGHT, h, t, 1001));
        }
        if (refuge < 0) {
            FrontCrossing.cross(d, h, RandomStreams.Purpose.FRONT_FLIGHT);
        } else {
            d.ledger.sendHome(h);
            d.ledger.rehome(h, refuge);
        }
    }
}
