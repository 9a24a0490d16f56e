package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Corridor;
import org.safepassage.sim.rules.CorridorChoiceRule;
import org.safepassage.sim.rules.MovementRule;

/**
 * Corridor choice (ODD 7.2) for households setting out or re-routing: which offered corridors a
 * household may use and reach, their utilities by {@link CorridorChoiceRule}, and the logit pick.
 */
final class CorridorChooser {

    private final District d;
    private final Offer offer;
    /** Each corridor's utility for the household being decided (NaN: not available). */
    private final double[] choiceUtility;

    CorridorChooser(District d, Offer offer) {
        this.d = d;
        this.offer = offer;
        this.choiceUtility = new double[d.corridors.length];
    }

    /** Whether some offered corridor opens before household h could reach it and is still open when it arrives. */
    boolean anyInTime(int h, long t, double speed) {
        int cell = d.households.cell[h];
        double tickMinutes = d.scenario.clock().tickMinutes();
        for (CorridorState c : d.corridors) {
            int k = c.index;
            float minutes = d.grid.minutesTo[k][cell];
            if (!offer.offered[k] || Float.isInfinite(minutes)) {
                continue;
            }
            long walkTicks = (long) Math.ceil(minutes / speed / tickMinutes);
            if (offer.nextOpenTick[k] - t <= walkTicks && t + walkTicks < offer.closeTick[k]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Corridor choice by multinomial logit over offered corridors the household may use and can
     * reach; {@code exclude} is left out (a re-route). Returns -1 when none is available.
     */
    int choose(int h, long t, int exclude) {
        Households hh = d.households;
        Behaviour.CorridorChoice cc = d.scenario.behaviour().choice();
        double speed = MovementRule.speedFactor(d.scenario.behaviour().movement(), hh.children[h], hh.elderly[h],
                hh.wounded[h]);
        boolean wounded = hh.wounded[h] > 0;
        for (CorridorState c : d.corridors) {
            int k = c.index;
            float minutes = d.grid.minutesTo[k][hh.cell[h]];
            if (!offer.offered[k] || k == exclude || (c.medical() && !wounded) || Float.isInfinite(minutes)
                    || !c.serves(d.hoodOf(h))) {
                choiceUtility[k] = Double.NaN;
                continue;
            }
            choiceUtility[k] = CorridorChoiceRule.utility(cc, minutes / 60.0 / speed,
                    c.queueWaitHours(d.cars.wouldDrive(h, c)), c.clashNews(),
                    c.spec.monitoring() == Corridor.Monitoring.NEUTRAL, c.spec.destinationChoice());
        }
        return CorridorChoiceRule.pick(choiceUtility, choiceUtility.length,
                d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 2));
    }
}
