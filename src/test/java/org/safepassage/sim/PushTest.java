package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;

/**
 * The push and the spread of households' thresholds (ODD 7.1 "Push", "Threshold spread",
 * "Households that stay whole"), each alone on the strip of src/test/resources/mechanisms.
 */
class PushTest {

    private static final String ORDER_NEAR =
            "events=[{at: 2020-01-01T02:00, type: evacuation-order, target: Near, by: the besieger}]";

    /** Persons out by neighbourhood of origin at the end of every tick: [tick][Near, Far]. */
    private static List<long[]> leftByOrigin(Scenario s) {
        List<long[]> out = new ArrayList<>();
        TestScenarios.run(s, d -> out.add(new long[] {d.ledger.byOrigin().evacuated(0), d.ledger.byOrigin().evacuated(1)}));
        return out;
    }

    private static int tickOf(Scenario s, String time) {
        return (int) s.clock().tickOf(java.time.LocalDateTime.parse(time));
    }

    /**
     * An order to leave raises the utility of the ordered neighbourhood's households by its
     * weight from the order's time on, whatever their trust: with a reluctance that keeps
     * almost everyone home, Near empties after its order while Far, not ordered, does not move
     * more than before; before the order Near is as unmoved as Far. With the weight at 0 the
     * order changes nothing (everyone already knew of the way out).
     */
    @Test
    void anOrderToLeaveMovesTheOrderedNeighbourhoodEvenWithLittleTrust() {
        Scenario ordered = TestScenarios.mechanism("push.yaml", ORDER_NEAR, "behaviour.weights.evacuationOrder=6");
        List<long[]> on = leftByOrigin(ordered);
        List<long[]> none = leftByOrigin(TestScenarios.mechanism("push.yaml"));
        List<long[]> zero = leftByOrigin(TestScenarios.mechanism("push.yaml", ORDER_NEAR));
        int order = tickOf(ordered, "2020-01-01T02:00");
        long[] end = on.get(on.size() - 1);
        long[] endNone = none.get(none.size() - 1);
        assertTrue(end[0] > 400, "Near, ordered: " + end[0] + " of 500 out");
        assertTrue(endNone[0] < 50 && endNone[1] < 50, "without the push almost nobody leaves: " + Arrays.toString(endNone));
        assertTrue(end[1] < 50, "Far, not ordered: " + end[1] + " out");
        assertTrue(on.get(order - 1)[0] < 20, "before the order Near is unmoved: " + on.get(order - 1)[0]);
        for (int t = 0; t < on.size(); t++) {
            assertArrayEquals(none.get(t), zero.get(t), "weight 0: the order changes nothing (tick " + t + ")");
        }
    }

    /** An order reaches every household of its area (leaflets, texts, calls), and only those. */
    @Test
    void anOrderMakesItsAreaAwareOfTheWayOut() {
        Scenario s = TestScenarios.mechanism("push.yaml", ORDER_NEAR, "population.initialAwareness=0");
        District d = TestScenarios.run(s).district();
        int aware0 = 0;
        int aware1 = 0;
        for (int h = 0; h < d.households.count; h++) {
            if (d.households.aware(h)) {
                if (d.hoodOf(h) == 0) {
                    aware0++;
                } else {
                    aware1++;
                }
            }
        }
        int near = 0;
        for (int h = 0; h < d.households.count; h++) {
            near += d.hoodOf(h) == 0 ? 1 : 0;
        }
        assertEquals(near, aware0, "every household of Near knows");
        assertEquals(0, aware1, "nobody in Far was told");
    }

    /**
     * Heavy shelling: the bombardment schedule multiplies the death rate of its neighbourhood
     * from its time on, and the heavy-shelling term (rate over the rate at which it is full)
     * pushes its residents out whoever is hit: Far, shelled at a hundred times the base rate
     * from 02:00 (the full term), empties; Near, at the base rate (a hundredth of it), barely moves.
     */
    @Test
    void heavyShellingOfANeighbourhoodDrivesItsResidentsOut() {
        String shellFar = "events=[{at: 2020-01-01T02:00, type: bombardment, target: Far, factor: 100}]";
        Scenario s = TestScenarios.mechanism("push.yaml", shellFar, "behaviour.weights.heavyShelling=6");
        List<long[]> left = leftByOrigin(s);
        long[] end = left.get(left.size() - 1);
        int start = tickOf(s, "2020-01-01T02:00");
        assertTrue(left.get(start - 1)[1] < 20, "before the shelling Far is unmoved: " + left.get(start - 1)[1]);
        assertTrue(end[1] > 400, "Far, shelled: " + end[1] + " of 500 out");
        assertTrue(end[0] < 100, "Near: " + end[0] + " out");
        long[] off = leftByOrigin(TestScenarios.mechanism("push.yaml", shellFar)).get(left.size() - 1);
        assertTrue(off[1] < 50, "weight 0: the schedule alone moves nobody (" + off[1] + ")");
    }

    /**
     * The bombardment schedule multiplies the base death rate from each change on, by
     * neighbourhood or for the whole district: doubling it from the start doubles the expected
     * deaths of the hazards strip (12 hours at 0.2 a day, Far three times Near).
     */
    @Test
    void theBombardmentScheduleMultipliesTheDeathRate() {
        Scenario s = TestScenarios.mechanism("hazards.yaml",
                "events=[{at: 2020-01-01T00:00, type: bombardment, factor: 2}]");
        long deaths = 0;
        int runs = 5;
        for (int seed = 1; seed <= runs; seed++) {
            deaths += TestScenarios.run(s.withSeed(seed)).district().killed();
        }
        double expected = runs * 1000 * (-Math.expm1(-0.2) - Math.expm1(-0.6));
        assertTrue(Math.abs(deaths - expected) < 4 * Math.sqrt(expected), deaths + " deaths, expected " + expected);
    }

    /**
     * Threshold spread (a threshold model of collective behaviour): as the push grows steadily
     * (hardship rising over the day), households that all share one threshold go within a short
     * time of each other; with thresholds spread (standard deviation 6 utility units) the same
     * departures spread over hours: the interquartile range of decision times widens at least
     * two and a half times, and the runs stay deterministic and conserve persons.
     */
    @Test
    void spreadThresholdsMakeUptakeGradualUnderAGrowingPush() {
        String[] rising = {"population.hardship={initial: 0, growthPerDay: 1}", "behaviour.maxDecisionRatePerHour=60",
            "behaviour.weights={intercept: -14, trust: 0, attachment: 0, localDanger: 0, socialProof: 0, hardship: 40,"
                + " timePressure: 0, waitAndSee: 0, evacuationOrder: 0, heavyShelling: 0}"};
        List<String> same = new ArrayList<>(List.of(rising));
        same.add("behaviour.thresholdSpread=0");
        Scenario alike = TestScenarios.mechanism("push.yaml", same.toArray(String[]::new));
        List<String> sets = new ArrayList<>(List.of(rising));
        sets.add("behaviour.thresholdSpread=6");
        Scenario spread = TestScenarios.mechanism("push.yaml", sets.toArray(String[]::new));
        double iqrAlike = decisionTimeIqrHours(alike);
        double iqrSpread = decisionTimeIqrHours(spread);
        assertTrue(iqrSpread > 2.5 * iqrAlike, "interquartile range of decision times: " + iqrSpread + " h spread, "
                + iqrAlike + " h alike");
        assertEquals(iqrSpread, decisionTimeIqrHours(spread), "same seed, same run");
    }

    /** Hours between the first and third quartile of the ticks at which households decided to leave. */
    private static double decisionTimeIqrHours(Scenario s) {
        List<byte[]> phases = new ArrayList<>();
        District d = TestScenarios.run(s, x -> phases.add(x.households.phase.clone())).district();
        assertEquals(d.ledger.initialPersons(), d.ledger.counts().inside() + d.evacuated() + d.ledger.killed()
                + d.ledger.detained(), "persons conserved");
        List<Integer> decided = new ArrayList<>();
        for (int h = 0; h < d.households.count; h++) {
            for (int t = 0; t < phases.size(); t++) {
                if (phases.get(t)[h] != HouseholdPhase.STAYING) {
                    decided.add(t);
                    break;
                }
            }
        }
        assertTrue(decided.size() > d.households.count / 2, decided.size() + " of " + d.households.count + " decided");
        decided.sort(null);
        int q1 = decided.get(decided.size() / 4);
        int q3 = decided.get(3 * decided.size() / 4);
        return (q3 - q1) * d.tickHours;
    }
    /**
     * Households that stay whole: the decision is the household's, so a household with a
     * military-age man whose corridor screens weighs the detention probability for all its
     * members, and stays home far more often than one without (relative to the same run with
     * a screening that detains nobody); nobody leaves alone, so every household that left has
     * all its members out but the detained men.
     */
    @Test
    void aHouseholdWithAManWhoMayBeDetainedStaysWhole() {
        String[] sets = {"corridors[Gate].screening={by: checkpoint, detentionProbability: 0.5, personsPerHour: 100000}",
            "population.household={militaryAgeMenShareOfAdults: 0.5}", "behaviour.maxDecisionRatePerHour=0.3",
            "behaviour.weights={intercept: 0, trust: 0, hardship: 0, attachment: 0, socialProof: 0, screeningRisk: 6, "
                + "waitAndSee: 0, evacuationOrder: 0, heavyShelling: 0}"};
        double[] screened = shareLeftWithAndWithoutMen(TestScenarios.mechanism("base.yaml", sets));
        List<String> free = new ArrayList<>(List.of(sets));
        free.set(0, "corridors[Gate].screening={by: checkpoint, detentionProbability: 0, personsPerHour: 100000}");
        double[] open = shareLeftWithAndWithoutMen(TestScenarios.mechanism("base.yaml", free.toArray(String[]::new)));
        double ratioScreened = screened[0] / screened[1];
        double ratioOpen = open[0] / open[1];
        assertTrue(ratioScreened < 0.3 * ratioOpen, "share left with men over share without: " + ratioScreened
                + " where men may be detained, " + ratioOpen + " where not");
    }

    /** Share of households that left, [with military-age men, without]; checks that nobody left alone. */
    private static double[] shareLeftWithAndWithoutMen(Scenario s) {
        Evacuation model = new Evacuation(s, true);
        Households hh = model.district().households;
        byte[] men = hh.militaryAgeMen.clone();
        int[] members = new int[hh.count];
        for (int h = 0; h < hh.count; h++) {
            members[h] = hh.members(h);
        }
        model.start();
        model.runToHorizon();
        int[] left = new int[2];
        int[] all = new int[2];
        for (int h = 0; h < hh.count; h++) {
            int kind = men[h] > 0 ? 0 : 1;
            all[kind]++;
            if (hh.phase[h] == HouseholdPhase.EVACUATED || hh.phase[h] == HouseholdPhase.GONE) {
                left[kind]++;
                assertEquals(members[h], hh.members(h) + (men[h] - hh.militaryAgeMen[h]),
                        "household " + h + " left whole, but for its detained men");
            } else {
                assertEquals(members[h], hh.members(h), "household " + h + " stayed whole");
            }
        }
        assertTrue(all[0] > 50 && all[1] > 50, "both kinds of household: " + Arrays.toString(all));
        return new double[] {(double) left[0] / all[0], (double) left[1] / all[1]};
    }
    /**
     * Fighters' families stay: size × {@code behaviour.fighterFamiliesPerFighter} households of
     * the neighbourhoods a group holds are its fighters' families; they do not decide to leave
     * while a group holding their neighbourhood is there, and may once it has gone (here by a
     * deal, its last bus about 07:20, in a pause open until 12:00). Everyone else leaves at once.
     */
    @Test
    void fightersFamiliesStayWhileTheGroupIsThere() {
        Scenario s = TestScenarios.mechanism("fighters.yaml", "behaviour.fighterFamiliesPerFighter=0.25",
                "pauses[pause].duration=PT11H");
        int far = s.map().neighbourhoodIndex("Far");
        List<Integer> leftWhileThere = new ArrayList<>();
        District d = TestScenarios.run(s, x -> {
            if (x.fighters[0].present() > 0) {
                for (int h = 0; h < x.households.count; h++) {
                    if (x.households.flag(h, Households.FIGHTER_FAMILY) && x.households.phase[h] != HouseholdPhase.STAYING) {
                        leftWhileThere.add(h);
                    }
                }
            }
        }).district();
        Households hh = d.households;
        int families = 0;
        int familiesOut = 0;
        int othersStaying = 0;
        for (int h = 0; h < hh.count; h++) {
            if (hh.flag(h, Households.FIGHTER_FAMILY)) {
                families++;
                assertEquals(far, d.hoodOf(h), "families live where the group holds");
                familiesOut += hh.phase[h] == HouseholdPhase.EVACUATED ? 1 : 0;
            } else if (hh.phase[h] == HouseholdPhase.STAYING) {
                othersStaying++;
            }
        }
        assertTrue(Math.abs(families - 50) < 4 * Math.sqrt(50), families + " families for 200 fighters at 0.25");
        assertTrue(leftWhileThere.isEmpty(), "families that set out while the group was there: " + leftWhileThere);
        assertEquals(0, d.fighters[0].present(), "the group left by its deal");
        assertTrue(familiesOut > families / 2, familiesOut + " of " + families + " families out once the group had gone");
        assertEquals(0, othersStaying, "every other household left");
        District off = TestScenarios.run(TestScenarios.mechanism("fighters.yaml", "pauses[pause].duration=PT11H")).district();
        for (int h = 0; h < off.households.count; h++) {
            assertTrue(!off.households.flag(h, Households.FIGHTER_FAMILY), "0: no family is drawn");
        }
    }
}
