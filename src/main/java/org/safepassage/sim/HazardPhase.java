package org.safepassage.sim;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.safepassage.scenario.Hazards;
import org.safepassage.sim.rules.HazardRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 3 (MODEL.md 6.4): bombardment and crossfire. The expected deaths of the tick,
 * summed over neighbourhoods and phases from the person counts, give a Poisson number of
 * deaths; each victim is a person drawn in proportion to their exposure (a household picked
 * by rejection sampling, then a member). Injuries likewise, × injuriesPerDeath. Persons queued
 * at a corridor in a clash face the clash's own death rate.
 */
final class HazardPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MEMBERS = 30;
    private final District d;
    private final double maxExposure;
    /** Largest neighbourhood factor × bombardment-schedule factor at this tick (victim sampling bound). */
    private double maxFactor;

    HazardPhase(District d) {
        this.d = d;
        Hazards h = d.scenario.hazards();
        this.maxExposure = Math.max(1.0, Math.max(h.movingExposure(), h.queuedExposure()));
    }

    @Override
    public void step(SimState state) {
        Hazards hz = d.scenario.hazards();
        RandomGenerator rng = d.random.generator(RandomStreams.Purpose.HAZARDS);
        double expectedDeaths = 0;
        maxFactor = 0;
        for (int n = 0; n < d.hoods; n++) {
            maxFactor = Math.max(maxFactor, factor(n));
            double rate = HazardRule.deathsPerPersonHour(hz, factor(n), d.anyPauseOpen());
            for (int phase = HouseholdPhase.STAYING; phase <= HouseholdPhase.QUEUED; phase++) {
                expectedDeaths += HazardRule.expectedDeaths(d.ledger.counts().in(n, phase), rate, HazardRule.exposure(hz, phase),
                        d.tickHours);
            }
        }
        long deaths = poisson(rng, expectedDeaths);
        for (long i = 0; i < deaths && d.personsInside() > 0; i++) {
            int h = victim(rng);
            if (h >= 0) {
                d.ledger.kill(h, rng.nextDouble());
            }
        }
        long injuries = poisson(rng, expectedDeaths * hz.injuriesPerDeath());
        for (long i = 0; i < injuries && d.personsInside() > 0; i++) {
            int h = victim(rng);
            if (h >= 0) {
                d.ledger.wound(h, rng.nextDouble());
            }
        }
        clashCasualties(hz, rng);
    }

    private void clashCasualties(Hazards hz, RandomGenerator rng) {
        for (CorridorState c : d.corridors) {
            if (!c.inClash(d.tick()) || c.queuedPersons() == 0) {
                continue;
            }
            long deaths = poisson(rng, HazardRule.expectedClashDeaths(hz, c.queuedPersons(), d.tickHours));
            for (long i = 0; i < deaths && c.queuedPersons() > 0; i++) {
                for (int tries = 0; tries < 10_000; tries++) {
                    int h = c.queuedHousehold(rng.nextInt(c.queuedHouseholds()));
                    if (d.households.phase[h] == HouseholdPhase.QUEUED && d.households.corridor[h] == c.index
                            && rng.nextDouble() * MAX_MEMBERS < d.households.members(h)) {
                        d.ledger.kill(h, rng.nextDouble());
                        break;
                    }
                }
            }
        }
    }

    static long poisson(RandomGenerator rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        return new PoissonDistribution(rng, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }

    /** A household drawn with probability proportional to members × factor × exposure; -1 if none. */
    private int victim(RandomGenerator rng) {
        Households hh = d.households;
        Hazards hz = d.scenario.hazards();
        double maxWeight = MAX_MEMBERS * maxFactor * maxExposure;
        for (int tries = 0; tries < 100_000; tries++) {
            int h = rng.nextInt(hh.count);
            double w = weight(hz, h);
            if (w > 0 && rng.nextDouble() * maxWeight < w) {
                return h;
            }
        }
        // few people left inside: draw from the exact distribution
        double total = 0;
        for (int h = 0; h < hh.count; h++) {
            total += weight(hz, h);
        }
        double target = rng.nextDouble() * total;
        for (int h = 0; h < hh.count; h++) {
            target -= weight(hz, h);
            if (target < 0) {
                return h;
            }
        }
        return -1;
    }

    private double weight(Hazards hz, int h) {
        int phase = d.households.phase[h];
        if (!HouseholdPhase.inside(phase)) {
            return 0;
        }
        return HazardRule.victimWeight(d.households.members(h), factor(d.hoodOf(h)), HazardRule.exposure(hz, phase));
    }

    /** Neighbourhood n's bombardment factor now: the map's factor × the schedule's (ODD 7.1 "Push"). */
    private double factor(int n) {
        return d.scenario.map().neighbourhoods().get(n).bombardmentFactor() * d.push.bombardmentFactor(n);
    }
}
