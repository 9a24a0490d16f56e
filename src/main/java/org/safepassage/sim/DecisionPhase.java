package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Corridor;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.FighterRule;
import org.safepassage.sim.rules.HazardRule;
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
    /** Fighter control of each neighbourhood at this tick. */
    private final double[] control;
    private final CorridorChooser choice;
    private int mapVersionSeen = -1;

    DecisionPhase(District d, Offer offer) {
        this.d = d;
        this.offer = offer;
        this.hoodUtility = new double[d.hoods];
        this.control = new double[d.hoods];
        this.choice = new CorridorChooser(d, offer);
        this.decisionDraws = d.random.forHouseholds(RandomStreams.Purpose.DECISIONS, d.households.count);
        float least = Float.POSITIVE_INFINITY;
        float lowest = Float.POSITIVE_INFINITY;
        for (int h = 0; h < d.households.count; h++) {
            least = Math.min(least, d.households.attachment[h]);
            lowest = Math.min(lowest, d.households.threshold[h]);
        }
        this.leastAttachment = least;
        this.lowestThreshold = lowest;
    }

    /** The households' decision draws, the hash's household stage worked out once. */
    private final RandomStreams.HouseholdDraws decisionDraws;
    /** Smallest attachment of any household (attachment does not change during a run). */
    private final float leastAttachment;
    /** Lowest own threshold of any household (thresholds do not change during a run). */
    private final float lowestThreshold;

    @Override
    public void step(SimState state) {
        long t = d.tick();
        offer.update(t, mapVersionSeen != d.mapVersion());
        mapVersionSeen = d.mapVersion();
        if (offer.any) {
            decideToLeave(t);
        }
        prepare(t);
        loseTime(t);
    }

    /** Fighter control of a neighbourhood (ODD 7.1): the largest {@link FighterRule#control} of the groups present there. */
    double fighterControl(int hood) {
        double c = 0;
        for (FighterState g : d.fighters) {
            if (g.present() > 0 && g.controls(hood)) {
                c = Math.max(c, FighterRule.control(g.spec.stance()));
            }
        }
        return c;
    }

    private void decideToLeave(long t) {
        Behaviour b = d.scenario.behaviour();
        Behaviour.Weights w = b.weights();
        double hardship = DecisionRule.hardship(d.scenario.population(), t, d.tickHours);
        double clash = d.news.clashNewsTerm();
        double saturation = b.information().socialProofSaturationShare();
        double waitAndSee = DecisionRule.waitAndSee(d.evacuated(), b.information().waitAndSeePersons());
        for (int n = 0; n < d.hoods; n++) {
            control[n] = fighterControl(n);
            double shellingPerDay = 24 * HazardRule.deathsPerPersonHour(d.scenario.hazards(),
                    d.scenario.map().neighbourhoods().get(n).bombardmentFactor() * d.push.bombardmentFactor(n),
                    d.anyPauseOpen());
            hoodUtility[n] = DecisionRule.neighbourhoodUtility(w, new DecisionRule.NeighbourhoodTerms(
                    d.news.localDangerTerm(n), hardship, DecisionRule.socialProof(d.ledger.byOrigin().shareLeft(n), saturation),
                    clash, control[n], waitAndSee, d.push.ordered(n) ? 1 : 0,
                    DecisionRule.heavyShelling(shellingPerDay, b.information().heavyShellingDeathsPerPersonDay())));
        }
        Households hh = d.households;
        double prepHours = d.scenario.population().preparationMeanHours();
        // a draw above the decision probability of the utility ceiling cannot lead to a decision,
        // so the household's utility need not be computed (same result, less work)
        DecisionRule.HouseholdTerms best = mostFavourable();
        double maxProbability = Math.min(DecisionRule.probabilityInTick(b.maxDecisionRatePerHour(), d.tickHours),
                DecisionRule.probabilityInTick(DecisionRule.ratePerHour(b.maxDecisionRatePerHour(),
                        DecisionRule.utilityCeiling(w, largest(hoodUtility), best)), d.tickHours) * (1 + 1e-9));
        for (int h = 0; h < hh.count; h++) {
            if (hh.phase[h] != HouseholdPhase.STAYING || !hh.aware(h) || hh.flag(h, Households.STAYS)) {
                continue;
            }
            double draw = decisionDraws.uniform(h, t, 0);
            if (draw >= maxProbability) {
                continue;
            }
            if (hh.flag(h, Households.FIGHTER_FAMILY) && control[d.grid.neighbourhood[hh.home[h]]] > 0) {
                continue; // a fighter's family stays while a group holding its neighbourhood is there
            }
            double hood = hoodUtility[d.grid.neighbourhood[hh.home[h]]];
            double trust = d.news.trust(h);
            if (!DecisionRule.mayHappenInTick(DecisionRule.ratePerHour(b.maxDecisionRatePerHour(),
                    DecisionRule.householdCeiling(w, hood, best, trust, hh.attachment[h], hh.threshold[h])),
                    d.tickHours, draw)) {
                continue;
            }
            int k = offer.nearestFor(hh.home[h], hh.wounded[h] > 0);
            if (k < 0) {
                continue;
            }
            double u = DecisionRule.householdUtility(w, hood, termsOf(h, trust, d.corridors[k], t, prepHours));
            if (DecisionRule.happensInTick(DecisionRule.ratePerHour(b.maxDecisionRatePerHour(), u), d.tickHours, draw)) {
                d.ledger.startPreparing(h);
                hh.setTimer(h, (float) DecisionRule.exponentialHours(prepHours,
                        d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 1)));
                hh.set(h, Households.READY, false);
            }
        }
    }

    /** Household h's terms of the utility of ODD 7.1 (its effective trust given) with corridor c as its nearest on offer. */
    private DecisionRule.HouseholdTerms termsOf(int h, double trust, CorridorState c, long t, double prepHours) {
        Households hh = d.households;
        Corridor spec = c.spec;
        int k = c.index;
        double speed = MovementRule.speedFactor(d.scenario.behaviour().movement(), hh.children[h], hh.elderly[h],
                hh.wounded[h]);
        double counted = DecisionRule.preparationHoursCounted(prepHours,
                d.scenario.behaviour().preparationAcrossWindows(), offer.recurs[k]);
        double needHours = DecisionRule.neededHours(counted, d.grid.minutesTo[k][hh.home[h]], speed,
                c.queueWaitHours(d.cars.wouldDrive(h, c)));
        double openHours = DecisionRule.openHoursLeft(t, offer.nextOpenTick[k], offer.closeTick[k], d.tickHours);
        return new DecisionRule.HouseholdTerms(trust,
                spec.monitoring() == Corridor.Monitoring.NEUTRAL,
                spec.transport() != null,
                spec.destinationChoice(),
                hh.wounded[h] > 0,
                hh.attachment[h],
                hh.militaryAgeMen[h] > 0 && spec.screening() != null ? spec.screening().detentionProbability() : 0,
                DecisionRule.timePressure(needHours, openHours),
                hh.threshold[h]);
    }

    /**
     * {@link DecisionRule#mostFavourable} terms at this tick: the most trusting household, the
     * terms of the corridors on offer, the least attached household, the lowest threshold; with
     * the best neighbourhood they give {@link DecisionRule#utilityCeiling}, with a household's own
     * trust, attachment and threshold {@link DecisionRule#householdCeiling}.
     */
    private DecisionRule.HouseholdTerms mostFavourable() {
        Behaviour.Weights w = d.scenario.behaviour().weights();
        boolean monitored = false;
        boolean transport = false;
        boolean destination = false;
        for (CorridorState c : d.corridors) {
            if (offer.offered[c.index]) {
                monitored |= c.spec.monitoring() == Corridor.Monitoring.NEUTRAL;
                transport |= c.spec.transport() != null;
                destination |= c.spec.destinationChoice();
            }
        }
        return DecisionRule.mostFavourable(w, d.news.maxTrust(), monitored, transport, destination, leastAttachment,
                lowestThreshold);
    }

    private static double largest(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private void prepare(long t) {
        Households hh = d.households;
        IntList list = d.ledger.preparing;
        int kept = 0;
        for (int i = 0; i < list.size(); i++) {
            int h = list.get(i);
            if (hh.phase[h] != HouseholdPhase.PREPARING) {
                hh.set(h, Households.IN_PREPARING_LIST, false);
                continue;
            }
            list.set(kept++, h);
            if (!hh.flag(h, Households.READY)) {
                hh.setTimer(h, hh.timer[h] - (float) d.tickHours);
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
            d.ledger.sendHome(h);
            return;
        }
        double speed = MovementRule.speedFactor(d.scenario.behaviour().movement(), hh.children[h], hh.elderly[h],
                hh.wounded[h]);
        if (!choice.anyInTime(h, t, speed)) {
            return; // no corridor choose() could pick would let it set out now (choose draws nothing that persists)
        }
        int k = choice.choose(h, t, -1);
        if (k < 0) {
            return;
        }
        long walkTicks = (long) Math.ceil(d.grid.minutesTo[k][hh.cell[h]] / speed / d.scenario.clock().tickMinutes());
        boolean opensInTime = offer.nextOpenTick[k] - t <= walkTicks;
        boolean arrivesBeforeEnd = t + walkTicks < offer.closeTick[k];
        if (opensInTime && arrivesBeforeEnd) {
            hh.setTimer(h, 0);
            hh.setPatience(h, (float) DecisionRule.exponentialHours(d.scenario.population().patienceMeanHours(),
                    d.random.uniform(RandomStreams.Purpose.DECISIONS, h, t, 3)));
            hh.set(h, (byte) (Households.CHECKED | Households.REROUTED), false);
            d.ledger.setOut(h, k);
        }
    }

    /** Moving and queued households whose corridor is closed lose patience; moving ones re-route after a clash. */
    private void loseTime(long t) {
        Households hh = d.households;
        float dt = (float) d.tickHours;
        for (int i = 0; i < d.ledger.moving.size(); i++) {
            int h = d.ledger.moving.get(i);
            if (hh.phase[h] != HouseholdPhase.MOVING) {
                continue;
            }
            CorridorState c = d.corridors[hh.corridor[h]];
            if (c.open()) {
                continue;
            }
            if ((c.inClash(t) || c.lost()) && !hh.flag(h, Households.REROUTED)) {
                hh.set(h, Households.REROUTED, true);
                int k = choice.choose(h, t, c.index);
                if (k >= 0 && d.corridors[k].open()) {
                    d.ledger.reroute(h, k);
                    continue;
                }
            }
            hh.setPatience(h, hh.patience[h] - dt);
            if (hh.patience[h] <= 0 || c.lost()) {
                d.ledger.sendHome(h);
            }
        }
        for (CorridorState c : d.corridors) {
            if (c.open() || c.queuedHouseholds() == 0) {
                continue;
            }
            for (int i = 0; i < c.queuedHouseholds(); i++) {
                int h = c.queuedHousehold(i);
                if (hh.phase[h] != HouseholdPhase.QUEUED || hh.corridor[h] != c.index) {
                    continue;
                }
                hh.setPatience(h, hh.patience[h] - dt);
                if (hh.patience[h] <= 0 || c.lost()) {
                    d.ledger.sendHome(h);
                }
            }
            c.cleanQueue(hh);
        }
    }
}
