package org.safepassage.sim.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Behaviour;

/** ODD 7.1: the decision to leave, its utility, its ceiling and its rate. */
class DecisionRuleTest {

    private static final Behaviour.Weights ONES = new Behaviour.Weights(0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

    private static DecisionRule.NeighbourhoodTerms calm() {
        return new DecisionRule.NeighbourhoodTerms(0, 0, 0, 0, 0, 0);
    }

    private static DecisionRule.HouseholdTerms neutral() {
        return new DecisionRule.HouseholdTerms(0.5, false, false, false, false, 0, 0, 0);
    }

    @Test
    void eachTermEntersWithTheSignOfTheOddTable() {
        assertEquals(0, DecisionRule.utility(ONES, calm(), neutral()));
        assertEquals(1, DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(1, 0, 0, 0, 0, 0), neutral()));
        assertEquals(1, DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(0, 1, 0, 0, 0, 0), neutral()));
        assertEquals(1, DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(0, 0, 1, 0, 0, 0), neutral()));
        assertEquals(-1, DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(0, 0, 0, 1, 0, 0), neutral()));
        assertEquals(-1, DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(0, 0, 0, 0, 1, 0), neutral()));
        assertEquals(0.5, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(1, false, false, false, false, 0, 0, 0)));
        assertEquals(1, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, true, false, false, false, 0, 0, 0)));
        assertEquals(1, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, false, true, false, false, 0, 0, 0)));
        assertEquals(1, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, false, false, true, false, 0, 0, 0)));
        assertEquals(1, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, false, false, false, true, 0, 0, 0)));
        assertEquals(-1, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, false, false, false, false, 1, 0, 0)));
        assertEquals(-0.25, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, false, false, false, false, 0, 0.25, 0)));
        assertEquals(-3, DecisionRule.utility(ONES, calm(),
                new DecisionRule.HouseholdTerms(0.5, false, false, false, false, 0, 0, 3)));
    }

    @Test
    void theUtilityIsItsNeighbourhoodPartPlusTheHouseholdsTerms() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            Behaviour.Weights w = weights(r);
            DecisionRule.NeighbourhoodTerms n = neighbourhood(r);
            DecisionRule.HouseholdTerms h = household(r);
            assertEquals(DecisionRule.householdUtility(w, DecisionRule.neighbourhoodUtility(w, n), h),
                    DecisionRule.utility(w, n, h));
        }
    }

    private static DecisionRule.HouseholdTerms[] households(SplittableRandom r) {
        DecisionRule.HouseholdTerms[] households = new DecisionRule.HouseholdTerms[1 + r.nextInt(20)];
        for (int h = 0; h < households.length; h++) {
            households[h] = household(r);
        }
        return households;
    }

    /** The most favourable terms over these households, as the decision phase builds them. */
    private static DecisionRule.HouseholdTerms mostFavourable(Behaviour.Weights w, DecisionRule.HouseholdTerms[] households) {
        double maxTrust = 0;
        double leastAttachment = 1;
        double lowestThreshold = Double.POSITIVE_INFINITY;
        boolean monitored = false;
        boolean transport = false;
        boolean destination = false;
        for (DecisionRule.HouseholdTerms h : households) {
            maxTrust = Math.max(maxTrust, h.trust());
            leastAttachment = Math.min(leastAttachment, h.attachment());
            lowestThreshold = Math.min(lowestThreshold, h.threshold());
            monitored |= h.monitored();
            transport |= h.transport();
            destination |= h.destinationChoice();
        }
        return DecisionRule.mostFavourable(w, maxTrust, monitored, transport, destination, leastAttachment, lowestThreshold);
    }

    /**
     * The property the decision phase relies on to skip households: over random weights in the
     * loader's ranges and random terms, no household's utility exceeds the ceiling built from
     * the largest neighbourhood part and the most favourable terms on offer.
     */
    @Test
    void theCeilingBoundsTheUtilityOfEveryHousehold() {
        SplittableRandom r = new SplittableRandom(2026);
        for (int trial = 0; trial < 2000; trial++) {
            Behaviour.Weights w = weights(r);
            DecisionRule.NeighbourhoodTerms[] hoods = new DecisionRule.NeighbourhoodTerms[1 + r.nextInt(6)];
            double largest = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < hoods.length; n++) {
                hoods[n] = neighbourhood(r);
                largest = Math.max(largest, DecisionRule.neighbourhoodUtility(w, hoods[n]));
            }
            DecisionRule.HouseholdTerms[] households = households(r);
            double ceiling = DecisionRule.utilityCeiling(w, largest, mostFavourable(w, households));
            for (DecisionRule.NeighbourhoodTerms n : hoods) {
                for (DecisionRule.HouseholdTerms h : households) {
                    double u = DecisionRule.utility(w, n, h);
                    assertTrue(u <= ceiling, "utility " + u + " above the ceiling " + ceiling + " for " + w + n + h);
                }
            }
        }
    }

    /**
     * Claim: a household's own ceiling (its neighbourhood part, trust, attachment and threshold,
     * the most favourable corridor terms) bounds its utility whatever its corridor's terms, and
     * lies at or below the district's ceiling, over random weights and terms.
     */
    @Test
    void theHouseholdCeilingBoundsItsUtilityAndLiesUnderTheDistrictCeiling() {
        SplittableRandom r = new SplittableRandom(2027);
        for (int trial = 0; trial < 2000; trial++) {
            Behaviour.Weights w = weights(r);
            DecisionRule.NeighbourhoodTerms hood = neighbourhood(r);
            double hoodUtility = DecisionRule.neighbourhoodUtility(w, hood);
            DecisionRule.HouseholdTerms[] households = households(r);
            DecisionRule.HouseholdTerms best = mostFavourable(w, households);
            double district = DecisionRule.utilityCeiling(w, hoodUtility, best);
            for (DecisionRule.HouseholdTerms h : households) {
                double own = DecisionRule.householdCeiling(w, hoodUtility, best, h.trust(), h.attachment(), h.threshold());
                double u = DecisionRule.utility(w, hood, h);
                assertTrue(u <= own, "utility " + u + " above the household's ceiling " + own + " for " + w + hood + h);
                assertTrue(own <= district, "household ceiling " + own + " above the district's " + district);
            }
        }
    }

    @Test
    void mayHappenInTickIsFalseOnlyWhenTheEventCannotHappen() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            double rate = r.nextDouble() * 3;
            double draw = r.nextDouble();
            if (DecisionRule.happensInTick(rate, 1.0 / 12, draw)) {
                assertTrue(DecisionRule.mayHappenInTick(rate, 1.0 / 12, draw));
            }
        }
        assertTrue(!DecisionRule.mayHappenInTick(0.12, 1, 0.2));
        assertTrue(DecisionRule.mayHappenInTick(0.12, 1, 0.1));
    }

    @Test
    void theCeilingIsReachedByTheMostFavourableHousehold() {
        Behaviour.Weights w = new Behaviour.Weights(-5.1, 12.49, 7.239, 2.166, 3.432, 3.355, 1.046, 2.315, 3.726, 3.488,
                4.453, 3.985, 1.611, 7.208, 0, 2, 3);
        DecisionRule.NeighbourhoodTerms n = new DecisionRule.NeighbourhoodTerms(0.3, 0.5, 0.2, 0.1, 0, 0, 1, 0.4);
        DecisionRule.HouseholdTerms best = new DecisionRule.HouseholdTerms(0.9, true, true, true, true, 0.1, 0, 0, -1.5);
        assertEquals(DecisionRule.utility(w, n, best), DecisionRule.utilityCeiling(w,
                DecisionRule.neighbourhoodUtility(w, n), DecisionRule.mostFavourable(w, 0.9, true, true, true, 0.1, -1.5)));
    }

    @Test
    void timePressureIsNeededOverOpenHoursCappedAtThree() {
        assertEquals(0.5, DecisionRule.timePressure(5, 10));
        assertEquals(DecisionRule.MAX_TIME_PRESSURE, DecisionRule.timePressure(50, 10));
        assertEquals(DecisionRule.MAX_TIME_PRESSURE, DecisionRule.timePressure(1, 0));
    }

    @Test
    void openHoursLeftIgnoreTheNotice() {
        // an 11-hour window announced 24 hours ahead (hourly ticks): 11 hours, as without notice
        assertEquals(11, DecisionRule.openHoursLeft(0, 24, 35, 1.0));
        assertEquals(5, DecisionRule.openHoursLeft(30, 24, 35, 1.0));
    }

    @Test
    void socialProofSaturates() {
        assertEquals(0.5, DecisionRule.socialProof(0.05, 0.1), 1e-15);
        assertEquals(1.0, DecisionRule.socialProof(0.5, 0.1));
    }

    @Test
    void hardshipGrowsByTheDayUpToOne() {
        var pop = org.safepassage.sim.TestScenarios.load(org.safepassage.sim.TestScenarios.SHIPPED.resolve("pause-4d.yaml"))
                .population();
        assertEquals(pop.initialHardship(), DecisionRule.hardship(pop, 0, 1.0 / 12));
        assertEquals(Math.min(1, pop.initialHardship() + pop.hardshipGrowthPerDay() * 2), DecisionRule.hardship(pop, 48, 1.0),
                1e-12);
        assertEquals(1.0, DecisionRule.hardship(pop, 1_000_000, 1.0));
    }

    @Test
    void neededHoursArePreparationWalkAndQueue() {
        assertEquals(3 + 1 / 0.5 + 2, DecisionRule.neededHours(3, 60, 0.5, 200, 100), 1e-12);
    }

    @Test
    void rateAndProbabilityPerTick() {
        assertEquals(0.3, DecisionRule.ratePerHour(0.6, 0), 1e-15);
        assertEquals(1 - Math.exp(-0.3 / 12), DecisionRule.probabilityInTick(0.3, 1.0 / 12), 1e-15);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            double rate = r.nextDouble() * 5;
            double draw = r.nextDouble();
            assertEquals(draw < DecisionRule.probabilityInTick(rate, 1.0 / 12), DecisionRule.happensInTick(rate, 1.0 / 12, draw));
        }
    }

    @Test
    void exponentialHoursHaveTheirMean() {
        SplittableRandom r = new SplittableRandom(11);
        double sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += DecisionRule.exponentialHours(4, 1 - r.nextDouble());
        }
        assertEquals(4, sum / n, 0.05);
    }

    @Test
    void atAFrontShiftDangerAndHardshipAreFull() {
        assertEquals(DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(1, 1, 0, 0, 0, 0),
                new DecisionRule.HouseholdTerms(0.7, false, false, false, true, 0.4, 0, 0)),
                DecisionRule.frontCrossingUtility(ONES, 0.7, true, 0.4));
    }

    static Behaviour.Weights weights(SplittableRandom r) {
        double[] v = new double[17];
        v[0] = r.nextDouble(-100, 100);
        for (int i = 1; i < 17; i++) {
            v[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble(0, 100);
        }
        return new Behaviour.Weights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], v[15], v[16]);
    }

    static DecisionRule.NeighbourhoodTerms neighbourhood(SplittableRandom r) {
        return new DecisionRule.NeighbourhoodTerms(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                r.nextInt(3) * 0.5, r.nextDouble(), r.nextInt(2), r.nextDouble());
    }

    static DecisionRule.HouseholdTerms household(SplittableRandom r) {
        return new DecisionRule.HouseholdTerms(r.nextDouble(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                r.nextBoolean(), r.nextDouble(), r.nextBoolean() ? r.nextDouble() : 0,
                r.nextDouble() * DecisionRule.MAX_TIME_PRESSURE,
                r.nextBoolean() ? 0 : DecisionRule.thresholdOffset(r.nextDouble(0, 100), r.nextGaussian()));
    }

    @Test
    void packingAcrossWindowsCountsOnlyTheRestOfThePreparationWhenAnotherWindowFollows() {
        assertEquals(3.0, DecisionRule.preparationHoursCounted(3, 0, true), "off: all of it");
        assertEquals(3 * 0.25, DecisionRule.preparationHoursCounted(3, 0.75, true), 1e-15);
        assertEquals(3.0, DecisionRule.preparationHoursCounted(3, 1, false), "the last window: all of it");
    }

    @Test
    void waitingToSeeHoldsBackUntilEnoughAreOutSafelyAndLowersTheUtility() {
        assertEquals(1.0, DecisionRule.waitAndSee(0, 100));
        assertEquals(0.75, DecisionRule.waitAndSee(25, 100), 1e-15);
        assertEquals(0.0, DecisionRule.waitAndSee(5000, 100), "a thousand out is enough news, in a town or a city");
        assertEquals(-1, DecisionRule.utility(ONES, new DecisionRule.NeighbourhoodTerms(0, 0, 0, 0, 0, 1), neutral()));
    }
}
