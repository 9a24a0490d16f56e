package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Population;
import org.safepassage.sim.rules.CorridorChoiceRule;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.MovementRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 5 (MODEL.md 6.1, 6.2): aware staying households may decide to leave; preparing
 * households count down, choose a corridor and set out when they can reach it while it is
 * open; moving and queued households whose corridor is closed lose patience, re-route after
 * a clash, or go home.
 */
final class DecisionPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;
    private final Offer offer;
    private final double[] hoodUtility;
    private final double[] choiceUtility;
    private int mapVersionSeen = -1;

    DecisionPhase(District d, Offer offer) {
        this.d = d;
        this.offer = offer;
        this.hoodUtility = new double[d.hoods];
        this.choiceUtility = new double[d.corridors.length];
        float least = Float.POSITIVE_INFINITY;
        for (int h = 0; h < d.households.count; h++) {
            least = Math.min(least, d.households.attachment[h]);
        }
        this.leastAttachment = least;
    }

    /** Smallest attachment of any household (attachment does not change during a run). */
    private final float leastAttachment;

    @Override
    public void step(SimState state) {
        long t = d.tick;
        offer.update(t, mapVersionSeen != d.mapVersion);
        mapVersionSeen = d.mapVersion;
        if (offer.any) {
            decideToLeave(t);
        }
        prepare(t);
        loseTime(t);
    }

    /** Hardline control counts 1, moderate control 0.5 (MODEL.md 6.1 "fighter control"). */
    double fighterControl(int hood) {
        double c = 0;
        for (FighterState g : d.fighters) {
            if (g.present > 0 && g.controls(hood)) {
                c = Math.max(c, g.spec.stance() == FighterGroup.Stance.HARDLINE ? 1.0 : 0.5);
            }
        }
        return c;
    }

    /** Hardship of the siege at tick t: initial + growth per day, at most 1. */
    double hardship(long t) {
        Population pop = d.scenario.population();
        return Math.min(1.0, pop.initialHardship() + pop.hardshipGrowthPerDay() * t * d.tickHours / 24.0);
    }

    private void decideToLeave(long t) {
        Behaviour b = d.scenario.behaviour();
        Behaviour.Weights w = b.weights();
        double hardship = hardship(t);
        double clash = Math.min(1.0, d.clashNews);
        for (int n = 0; n < d.hoods; n++) {
            double shareLeft = d.initialPersonsByHood[n] == 0 ? 0 : (double) d.evacuatedByHood[n] / d.initialPersonsByHood[n];
            hoodUtility[n] = DecisionRule.utility(w, 0.5, 0, 0, 0, Math.min(1.0, d.danger[n]), hardship, false,
                    DecisionRule.socialProof(shareLeft, b.information().socialProofSaturationShare()),
                    0, clash, fighterControl(n), 0, 0);
        }
        Households hh = d.households;
        Behaviour.Movement m = b.movement();
        double prepHours = d.scenario.population().preparationMeanHours();
        // the decision probability never exceeds that of the largest utility any household can
        // have this tick: a draw above it cannot lead to a decision, so the household's utility
        // need not be computed (same result, less work)
        double maxProbability = Math.min(DecisionRule.probabilityInTick(b.maxDecisionRatePerHour(), d.tickHours),
                DecisionRule.probabilityInTick(DecisionRule.ratePerHour(b.maxDecisionRatePerHour(), utilityCeiling()),
                        d.tickHours) * (1 + 1e-9));
        for (int h = 0; h < hh.count; h++) {
            if (hh.phase[h] != Phase.STAYING || !hh.aware(h) || hh.flag(h, Households.STAYS)) {
                continue;
            }
            double draw = d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 0);
            if (draw >= maxProbability) {
                continue;
            }
            boolean wounded = hh.wounded[h] > 0;
            int k = offer.nearestFor(hh.home[h], wounded);
            if (k < 0) {
                continue;
            }
            CorridorState c = d.corridors[k];
            double speed = MovementRule.speedFactor(m, hh.children[h], hh.elderly[h], hh.wounded[h]);
            double needHours = prepHours + d.grid.minutesTo[k][hh.home[h]] / 60.0 / speed
                    + c.queuedPersons / c.capacityPersonsPerHour;
            double openHours = DecisionRule.openHoursLeft(t, offer.nextOpenTick[k], offer.closeTick[k], d.tickHours);
            double u = hoodUtility[d.grid.neighbourhood[hh.home[h]]]
                    + w.trust() * (d.trust(h) - 0.5)
                    + (c.spec.monitoring() == Corridor.Monitoring.NEUTRAL ? w.monitored() : 0)
                    + (c.spec.transport() != null ? w.transport() : 0)
                    + (c.spec.destinationChoice() ? w.destinationChoice() : 0)
                    + (wounded ? w.woundedMember() : 0)
                    - w.attachment() * hh.attachment[h]
                    - (hh.militaryAgeMen[h] > 0 && c.spec.screening() != null
                            ? w.screeningRisk() * c.spec.screening().detentionProbability() : 0)
                    - w.timePressure() * DecisionRule.timePressure(needHours, openHours);
            if (DecisionRule.happensInTick(DecisionRule.ratePerHour(b.maxDecisionRatePerHour(), u), d.tickHours, draw)) {
                d.setPhase(h, Phase.PREPARING);
                hh.timer[h] = (float) (-prepHours * Math.log(d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 1)));
                hh.set(h, Households.READY, false);
                d.decisionsThisTick++;
            }
        }
    }

    /**
     * An upper bound of the utility below, for any household this tick: each term at its largest
     * (the best neighbourhood, the most trusting household, the most attractive corridor on
     * offer, a wounded member, the least attached household, no screening risk, no time
     * pressure), added in the same order, so that rounding cannot put a household above it.
     */
    private double utilityCeiling() {
        Behaviour.Weights w = d.scenario.behaviour().weights();
        double hood = Double.NEGATIVE_INFINITY;
        for (double v : hoodUtility) {
            hood = Math.max(hood, v);
        }
        double monitored = 0;
        double transport = 0;
        double destination = 0;
        for (CorridorState c : d.corridors) {
            if (offer.offered[c.index]) {
                monitored = Math.max(monitored, c.spec.monitoring() == Corridor.Monitoring.NEUTRAL ? w.monitored() : 0);
                transport = Math.max(transport, c.spec.transport() != null ? w.transport() : 0);
                destination = Math.max(destination, c.spec.destinationChoice() ? w.destinationChoice() : 0);
            }
        }
        double trust = d.households.count == 0 ? 0 : d.maxOwnTrust + d.trustShift;
        trust = trust < 0 ? 0 : trust > 1 ? 1 : trust;
        return hood
                + w.trust() * (trust - 0.5)
                + monitored
                + transport
                + destination
                + w.woundedMember()
                - w.attachment() * leastAttachment;
    }

    private void prepare(long t) {
        Households hh = d.households;
        IntList list = d.preparing;
        int kept = 0;
        for (int i = 0; i < list.size(); i++) {
            int h = list.get(i);
            if (hh.phase[h] != Phase.PREPARING) {
                hh.set(h, Households.IN_PREPARING_LIST, false);
                continue;
            }
            list.set(kept++, h);
            if (!hh.flag(h, Households.READY)) {
                hh.timer[h] -= (float) d.tickHours;
                if (hh.timer[h] > 0) {
                    continue;
                }
                hh.set(h, Households.READY, true);
            }
            setOut(h, t);
        }
        list.truncate(kept);
    }

    /** A ready household picks a corridor and sets out if it can get there while it is open. */
    private void setOut(int h, long t) {
        Households hh = d.households;
        if (!offer.any) {
            d.sendHome(h);
            return;
        }
        int k = choose(h, t, -1);
        if (k < 0) {
            return;
        }
        double speed = MovementRule.speedFactor(d.scenario.behaviour().movement(), hh.children[h], hh.elderly[h],
                hh.wounded[h]);
        long walkTicks = (long) Math.ceil(d.grid.minutesTo[k][hh.cell[h]] / speed / d.scenario.clock().tickMinutes());
        boolean opensInTime = offer.nextOpenTick[k] - t <= walkTicks;
        boolean arrivesBeforeEnd = t + walkTicks < offer.closeTick[k];
        if (opensInTime && arrivesBeforeEnd) {
            hh.corridor[h] = (byte) k;
            hh.timer[h] = 0;
            hh.patience[h] = (float) (-d.scenario.population().patienceMeanHours()
                    * Math.log(d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 3)));
            hh.set(h, (byte) (Households.CHECKED | Households.REROUTED), false);
            d.setPhase(h, Phase.MOVING);
        }
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
            if (!offer.offered[k] || k == exclude || (c.medical() && !wounded) || Float.isInfinite(minutes)) {
                choiceUtility[k] = Double.NaN;
                continue;
            }
            choiceUtility[k] = CorridorChoiceRule.utility(cc, minutes / 60.0 / speed,
                    c.queuedPersons / c.capacityPersonsPerHour, c.clashNews,
                    c.spec.monitoring() == Corridor.Monitoring.NEUTRAL, c.spec.destinationChoice());
        }
        return CorridorChoiceRule.pick(choiceUtility, choiceUtility.length,
                d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 2));
    }

    /** Moving and queued households whose corridor is closed lose patience; moving ones re-route after a clash. */
    private void loseTime(long t) {
        Households hh = d.households;
        float dt = (float) d.tickHours;
        for (int i = 0; i < d.moving.size(); i++) {
            int h = d.moving.get(i);
            if (hh.phase[h] != Phase.MOVING) {
                continue;
            }
            CorridorState c = d.corridors[hh.corridor[h]];
            if (c.open) {
                continue;
            }
            if ((c.inClash(t) || c.lost) && !hh.flag(h, Households.REROUTED)) {
                hh.set(h, Households.REROUTED, true);
                int k = choose(h, t, c.index);
                if (k >= 0 && d.corridors[k].open) {
                    hh.corridor[h] = (byte) k;
                    continue;
                }
            }
            hh.patience[h] -= dt;
            if (hh.patience[h] <= 0 || c.lost) {
                d.sendHome(h);
            }
        }
        for (CorridorState c : d.corridors) {
            if (c.open || c.queue.isEmpty()) {
                continue;
            }
            for (int i = 0; i < c.queue.size(); i++) {
                int h = c.queue.get(i);
                if (hh.phase[h] != Phase.QUEUED || hh.corridor[h] != c.index) {
                    continue;
                }
                hh.patience[h] -= dt;
                if (hh.patience[h] <= 0 || c.lost) {
                    d.sendHome(h);
                }
            }
            c.cleanQueue(hh);
        }
    }
}
