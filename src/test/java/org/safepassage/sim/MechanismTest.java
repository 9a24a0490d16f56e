package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;

/**
 * Each mechanism of MODEL.md 3 and 6, alone on a 30 x 6 strip of houses (src/test/resources/mechanisms):
 * every other mechanism is off, so what is asserted is what that mechanism does.
 */
class MechanismTest {

    /** What every corridor and household looked like at the end of each tick. */
    static final class Recorder implements TickObserver {
        final List<boolean[]> open = new ArrayList<>();
        final List<boolean[]> inClash = new ArrayList<>();
        final List<long[]> evacuated = new ArrayList<>();
        final List<long[]> queued = new ArrayList<>();
        final List<int[]> clashes = new ArrayList<>();
        final List<byte[]> phase = new ArrayList<>();
        final List<int[]> cell = new ArrayList<>();
        final List<byte[]> corridor = new ArrayList<>();

        @Override
        public void afterTick(District d) {
            int k = d.corridors.length;
            boolean[] o = new boolean[k];
            boolean[] c = new boolean[k];
            long[] e = new long[k];
            long[] q = new long[k];
            int[] n = new int[k];
            for (CorridorState s : d.corridors) {
                o[s.index] = s.open();
                c[s.index] = s.inClash(d.tick());
                e[s.index] = s.evacuatedPersons();
                q[s.index] = s.queuedPersons();
                n[s.index] = s.clashes();
            }
            open.add(o);
            inClash.add(c);
            evacuated.add(e);
            queued.add(q);
            clashes.add(n);
            phase.add(d.households.phase.clone());
            cell.add(d.households.cell.clone());
            corridor.add(d.households.corridor.clone());
        }

        int ticks() {
            return open.size();
        }

        /** Persons served by corridor k during tick t. */
        long servedAt(int k, int t) {
            return evacuated.get(t)[k] - (t == 0 ? 0 : evacuated.get(t - 1)[k]);
        }
    }

    private static Recorder run(Scenario s) {
        Recorder r = new Recorder();
        TestScenarios.run(s, r, MechanismTest::invariants);
        return r;
    }

    /** Checked after every tick of every run here: a closed corridor serves nobody; staying households are at home. */
    private static void invariants(District d) {
        Households hh = d.households;
        for (int h = 0; h < hh.count; h++) {
            if (hh.phase[h] == HouseholdPhase.STAYING && hh.cell[h] != hh.home[h]) {
                fail("tick " + d.tick() + ": staying household " + h + " is not at home");
            }
        }
    }

    private static long tickOf(Scenario s, String time) {
        return s.clock().tickOf(java.time.LocalDateTime.parse(time));
    }

    @Test
    void closedCorridorsServeNobodyEvenWithAQueueWaiting() {
        Scenario s = TestScenarios.mechanism("closed-corridors.yaml");
        Recorder r = run(s);
        int gate = s.corridorIndex("Gate");
        int east = s.corridorIndex("East gate");
        long pauseStart = tickOf(s, "2020-01-01T01:00");
        long pauseEnd = tickOf(s, "2020-01-01T03:00");
        long scheduleStart = tickOf(s, "2020-01-01T05:00");
        long scheduleEnd = tickOf(s, "2020-01-01T07:00");
        long waitingAtClosedGate = 0;
        long waitingAtClosedEast = 0;
        for (int t = 0; t < r.ticks(); t++) {
            assertEquals(t >= pauseStart && t < pauseEnd, r.open.get(t)[gate], "Gate open at tick " + t);
            assertEquals(t >= scheduleStart && t < scheduleEnd, r.open.get(t)[east], "East gate open at tick " + t);
            for (int k = 0; k < 2; k++) {
                if (!r.open.get(t)[k]) {
                    assertEquals(0, r.servedAt(k, t), "corridor " + k + " closed at tick " + t + " served persons");
                }
            }
            if (!r.open.get(t)[gate]) {
                waitingAtClosedGate = Math.max(waitingAtClosedGate, r.queued.get(t)[gate]);
            }
            if (!r.open.get(t)[east]) {
                waitingAtClosedEast = Math.max(waitingAtClosedEast, r.queued.get(t)[east]);
            }
        }
        int last = r.ticks() - 1;
        for (int k = 0; k < 2; k++) {
            long served = r.evacuated.get(last)[k];
            assertTrue(served > 0 && served <= 20, "10 an hour for 2 open hours at most, served " + served);
        }
        assertTrue(waitingAtClosedGate > 0 && waitingAtClosedEast > 0,
                "queues waited at both closed corridors (" + waitingAtClosedGate + ", " + waitingAtClosedEast + ")");
    }

    /** MODEL.md 6.6: when a corridor closes, its queue waits with patience, then goes home. */
    @Test
    void aQueueAtAClosedCorridorWaitsWithPatienceThenGoesHome() {
        Scenario s = TestScenarios.mechanism("closed-corridors.yaml", "population.patience.meanHours=0.5");
        Recorder r = run(s);
        int gate = s.corridorIndex("Gate");
        int closes = (int) tickOf(s, "2020-01-01T03:00");
        assertTrue(r.queued.get(closes - 1)[gate] > 100, "a long queue when Gate closes");
        assertTrue(r.queued.get(closes + 2)[gate] > 0, "it waits a while");
        int last = r.ticks() - 1;
        assertEquals(0, r.queued.get(last)[gate], "everyone gave up by the end");
        // patience is exponential with a mean of half an hour: most are gone within two hours
        assertTrue(r.queued.get(closes + 24)[gate] < 0.2 * r.queued.get(closes - 1)[gate]);
        byte[] end = r.phase.get(last);
        byte[] atClose = r.phase.get(closes - 1);
        int home = 0;
        for (int h = 0; h < end.length; h++) {
            if (atClose[h] == HouseholdPhase.QUEUED && end[h] == HouseholdPhase.STAYING) {
                assertEquals(r.cell.get(last)[h], TestScenarios.run(s).district().households.home[h]);
                home++;
                break;
            }
        }
        assertEquals(1, home, "households that gave up are back at home, staying");
    }

    /**
     * MODEL.md 2: a suspended pause closes its corridors for the suspension; households wait at
     * home rather than set out before they would arrive at its end, those queued wait with their
     * patience, and service resumes after.
     */
    @Test
    void aSuspensionClosesTheCorridorAndHouseholdsWaitAtHomeUntilItEnds() {
        Scenario s = TestScenarios.mechanism("queue.yaml", "population.household.meanSize=5",
                "population.preparation.meanHours=1",
                "events=[{at: 2020-01-01T03:00, type: suspend, target: pause, duration: PT2H}]");
        Recorder r = run(s);
        District d = new Evacuation(s).district();
        Households hh = d.households;
        int from = (int) tickOf(s, "2020-01-01T03:00");
        int to = (int) tickOf(s, "2020-01-01T05:00");
        int setOutAfter = 0;
        for (int t = from - 1; t < r.ticks(); t++) {
            byte[] before = r.phase.get(t - 1);
            byte[] now = r.phase.get(t);
            for (int h = 0; h < now.length; h++) {
                if (now[h] != HouseholdPhase.MOVING || before[h] == HouseholdPhase.MOVING) {
                    continue;
                }
                if (t >= to) {
                    setOutAfter++;
                } else if (t >= from) {
                    // only those who will arrive when it reopens (the model takes it to reopen as announced)
                    double speed = org.safepassage.sim.rules.MovementRule.speedFactor(s.behaviour().movement(),
                            hh.children[h], hh.elderly[h], hh.wounded[h]);
                    double walkTicks = Math.ceil(d.grid.minutesTo(0, hh.home[h]) / speed / s.clock().tickMinutes());
                    assertTrue(t + walkTicks >= to, "household " + h + " set out at tick " + t
                            + " to arrive before the suspension ends at tick " + to);
                }
            }
            if (t >= from && t < to) {
                assertFalse(r.open.get(t)[0], "closed while suspended, tick " + t);
                assertEquals(0, r.servedAt(0, t));
            }
        }
        assertTrue(r.queued.get(to - 1)[0] > 0, "the queue waits through the suspension");
        assertTrue(r.open.get(to)[0] && r.servedAt(0, to) > 0, "service resumes when it ends");
        assertTrue(setOutAfter > 0, "households waiting at home set out after it");
    }

    @Test
    void aQueueDrainsAtExactlyItsCapacityFirstComeFirstServed() {
        Scenario s = TestScenarios.mechanism("queue.yaml");
        Recorder r = run(s);
        int gate = s.corridorIndex("Gate");
        double perTick = s.corridors().get(gate).capacityPersonsPerHour() * s.clock().tickHours();
        assertEquals(100.0 / 12.0, perTick, 1e-12);
        long start = tickOf(s, "2020-01-01T01:00");
        long end = tickOf(s, "2020-01-01T07:00");
        for (int t = 0; t < r.ticks(); t++) {
            if (t < start || t >= end) {
                assertEquals(0, r.servedAt(gate, t), "served outside the pause at tick " + t);
                continue;
            }
            assertTrue(r.queued.get(t)[gate] > 0, "the queue never runs dry during the pause (tick " + t + ")");
            long busyTicks = t - start + 1;
            long expected = (long) Math.floor(busyTicks * 100.0 / 12.0 + 1e-9);
            assertEquals(expected, r.evacuated.get(t)[gate],
                    "after " + busyTicks + " ticks of 8 1/3 persons, persons served (tick " + t + ")");
        }
        // first come, first served: nobody still waiting at the end arrived before someone who was served
        int n = r.phase.get(0).length;
        long[] arrived = new long[n];
        long[] served = new long[n];
        java.util.Arrays.fill(arrived, -1);
        java.util.Arrays.fill(served, -1);
        for (int t = 0; t < r.ticks(); t++) {
            byte[] p = r.phase.get(t);
            for (int h = 0; h < n; h++) {
                if (p[h] == HouseholdPhase.QUEUED && arrived[h] < 0) {
                    arrived[h] = t;
                }
                if (p[h] == HouseholdPhase.EVACUATED && served[h] < 0) {
                    served[h] = t;
                    if (arrived[h] < 0) {
                        arrived[h] = t;
                    }
                }
            }
        }
        long lastArrivalServed = -1;
        long firstArrivalWaiting = Long.MAX_VALUE;
        for (int h = 0; h < n; h++) {
            if (served[h] >= 0) {
                lastArrivalServed = Math.max(lastArrivalServed, arrived[h]);
            } else if (arrived[h] >= 0) {
                firstArrivalWaiting = Math.min(firstArrivalWaiting, arrived[h]);
            }
        }
        assertTrue(firstArrivalWaiting != Long.MAX_VALUE, "some are still waiting at the end");
        assertTrue(lastArrivalServed <= firstArrivalWaiting,
                "served someone who arrived at tick " + lastArrivalServed + " before one who arrived at tick "
                        + firstArrivalWaiting);
    }

    @Test
    void aQueueDrainsAtExactlyAWholeCapacityPerTick() {
        // 1 bus of 10 seats every 5 minutes: 120 persons an hour, exactly 10 a tick
        Scenario s = TestScenarios.mechanism("queue.yaml", "corridors[Gate].transport={vehicles: 1, seatsPerVehicle: 10, roundTrip: PT5M}");
        Recorder r = run(s);
        long start = tickOf(s, "2020-01-01T01:00");
        long end = tickOf(s, "2020-01-01T07:00");
        for (long t = start; t < end; t++) {
            assertEquals(10, r.servedAt(0, (int) t), "persons served at tick " + t);
        }
    }

    @Test
    void householdsThatCannotReachTheCorridorBeforeTheWindowEndsDoNotSetOut() {
        Scenario s = TestScenarios.mechanism("window.yaml");
        District d = TestScenarios.run(s).district();
        Recorder r = run(s);
        int far = s.map().neighbourhoodIndex("Far");
        long end = tickOf(s, "2020-01-01T03:00");
        long nearLeft = 0;
        Households hh = d.households;
        for (int t = 0; t < r.ticks(); t++) {
            byte[] p = r.phase.get(t);
            byte[] before = t == 0 ? null : r.phase.get(t - 1);
            for (int h = 0; h < hh.count; h++) {
                boolean setOut = p[h] >= HouseholdPhase.MOVING && (before == null || before[h] < HouseholdPhase.MOVING);
                if (!setOut) {
                    continue;
                }
                double speed = org.safepassage.sim.rules.MovementRule.speedFactor(s.behaviour().movement(),
                        hh.children[h], hh.elderly[h], hh.wounded[h]);
                double walkTicks = d.grid.minutesTo(0, hh.home[h]) / speed / s.clock().tickMinutes();
                assertTrue(t + walkTicks <= end, "household " + h + " set out at tick " + t + " needing "
                        + walkTicks + " ticks of walking; the window ends at tick " + end);
                assertTrue(d.grid.neighbourhood[hh.home[h]] != far, "a Far household set out");
                nearLeft++;
            }
        }
        assertTrue(nearLeft > 50, "Near households set out (" + nearLeft + ")");
        assertEquals(0, d.evacuatedFrom(far));
        assertTrue(d.evacuatedFrom(s.map().neighbourhoodIndex("Near")) > 0);

        // the same households, given eight hours, do set out from Far
        District longer = TestScenarios.run(TestScenarios.mechanism("window.yaml", "pauses[pause].duration=PT8H"))
                .district();
        assertTrue(longer.evacuatedFrom(far) > 0, "with 8 hours, Far households leave");
    }

    /**
     * MODEL.md 6.1 time pressure: what counts is the announced open window the household can
     * still use, not the notice before it. An 11-hour window announced a day ahead is as pressing
     * during the notice as when it opens, and far more pressing than a four-day window.
     */
    @Test
    void anElevenHourWindowWithADaysNoticeIsMorePressingThanAFourDayOne() {
        double tickHours = 1.0 / 12;
        long opens = 24 * 12;
        double neededHours = 5;
        double elevenDuringNotice = org.safepassage.sim.rules.DecisionRule.timePressure(neededHours,
                org.safepassage.sim.rules.DecisionRule.openHoursLeft(0, opens, opens + 11 * 12, tickHours));
        double elevenAtOpening = org.safepassage.sim.rules.DecisionRule.timePressure(neededHours,
                org.safepassage.sim.rules.DecisionRule.openHoursLeft(opens, opens, opens + 11 * 12, tickHours));
        double fourDaysDuringNotice = org.safepassage.sim.rules.DecisionRule.timePressure(neededHours,
                org.safepassage.sim.rules.DecisionRule.openHoursLeft(0, opens, opens + 96 * 12, tickHours));
        assertEquals(5.0 / 11, elevenDuringNotice, 1e-12, "the notice does not lengthen the window");
        assertEquals(elevenAtOpening, elevenDuringNotice, 1e-12);
        assertEquals(5.0 / 96, fourDaysDuringNotice, 1e-12);

        // in a run: only time pressure moves the utility; the same households, during the same
        // day of notice, decide far less often before an 11-hour window than before a four-day one
        String[] common = {"clock.horizon=P2D", "pauses[pause].start=2020-01-02T00:00", "pauses[pause].notice=PT24H",
                "population.preparation.meanHours=3", "behaviour.maxDecisionRatePerHour=0.05",
                "behaviour.weights.intercept=0", "behaviour.weights.trust=0", "behaviour.weights.hardship=0",
                "behaviour.weights.attachment=0", "behaviour.weights.timePressure=8"};
        long[] decided = new long[2];
        String[] durations = {"PT11H", "P4D"};
        for (int i = 0; i < 2; i++) {
            List<String> sets = new ArrayList<>(List.of(common));
            sets.add("pauses[pause].duration=" + durations[i]);
            Scenario s = TestScenarios.mechanism("base.yaml", sets.toArray(String[]::new));
            Recorder r = run(s);
            byte[] atOpening = r.phase.get((int) tickOf(s, "2020-01-02T00:00") - 1);
            for (byte p : atOpening) {
                decided[i] += p != HouseholdPhase.STAYING ? 1 : 0;
            }
        }
        // logistic(-8 × 3/11) / logistic(-8 × 3/96) = 0.13 / 0.44: about a quarter (the walk adds a little)
        assertTrue(decided[1] > 50, "households decide during the notice of a four-day pause (" + decided[1] + ")");
        assertTrue(decided[0] * 2.5 < decided[1], "11-hour window: " + decided[0] + " decided in the notice, four days: "
                + decided[1]);
    }

    /**
     * MODEL.md 6.1 attachment at its extreme ("will not leave home"): the share of households
     * whose attachment is absolute never leave, even through a long evacuation that everyone
     * else takes; all the others leave.
     */
    @Test
    void householdsWhoseAttachmentIsAbsoluteNeverLeave() {
        Scenario s = TestScenarios.mechanism("base.yaml", "population.attachment.stayShare=0.25",
                "clock.horizon=P4D", "pauses[pause].duration=P4D");
        District d = TestScenarios.run(s).district();
        Households hh = d.households;
        int stayers = 0;
        for (int h = 0; h < hh.count; h++) {
            if (hh.flag(h, Households.STAYS)) {
                stayers++;
                assertEquals(HouseholdPhase.STAYING, hh.phase[h], "household " + h + " with absolute attachment left");
                assertEquals(1f, hh.attachment[h]);
            } else {
                assertEquals(HouseholdPhase.EVACUATED, hh.phase[h], "household " + h + " did not leave");
            }
        }
        double share = (double) stayers / hh.count;
        // about 200 households: the binomial's standard deviation is about 0.03
        assertTrue(share > 0.15 && share < 0.35, "share of households staying " + share);
        assertTrue(d.evacuated() < d.initialPersons() * 0.85, "a quarter of households stay: " + d.evacuated());
    }

    /**
     * MODEL.md 2: 1-minute ticks must work. Cells of 200 m take 3 1/3 minutes to cross on a
     * street, more than a minute's walking of any household: walking time carries over.
     */
    @Test
    void householdsCrossCellsThatTakeLongerThanATick() {
        District d = TestScenarios.run(TestScenarios.mechanism("window.yaml", "clock.tickMinutes=1",
                "map.cellMeters=200", "pauses[pause].duration=PT8H")).district();
        assertEquals(d.initialPersons(), d.evacuated(), "everyone walks out within eight hours");
    }

    @Test
    void clashesCloseTheCorridorForTheirDuration() {
        Scenario s = TestScenarios.mechanism("clash.yaml");
        Recorder r = run(s);
        long start = tickOf(s, "2020-01-01T01:00");
        long end = tickOf(s, "2020-01-01T07:00");
        int duration = 12;
        int started = 0;
        for (int t = 0; t < r.ticks(); t++) {
            int before = t == 0 ? 0 : r.clashes.get(t - 1)[0];
            int now = r.clashes.get(t)[0];
            assertTrue(now - before <= 1);
            if (now == before) {
                continue;
            }
            started++;
            assertTrue(t >= start && t < end, "clash outside the pause at tick " + t);
            if (t > 0) {
                assertFalse(r.inClash.get(t - 1)[0], "a clash started while the corridor was closed by one (tick " + t + ")");
            }
            for (int u = t; u < Math.min(t + duration, r.ticks()); u++) {
                assertFalse(r.open.get(u)[0], "open " + (u - t) + " ticks into a one-hour clash (tick " + u + ")");
                assertEquals(0, r.servedAt(0, u), "served during a clash at tick " + u);
                assertTrue(r.queued.get(u)[0] > 0, "the queue waits through the clash");
            }
            int after = t + duration;
            if (after < end) {
                boolean reopened = r.open.get(after)[0];
                boolean clashedAgain = r.clashes.get(after)[0] > now;
                assertTrue(reopened || clashedAgain, "corridor not reopened an hour after the clash at tick " + t);
                if (reopened) {
                    assertTrue(r.servedAt(0, after) > 0, "the reopened corridor serves its queue at tick " + after);
                }
            }
        }
        assertTrue(started >= 2, "clashes happened (" + started + ")");
        for (int t = (int) start; t < end; t++) {
            assertEquals(!r.inClash.get(t)[0], r.open.get(t)[0], "open exactly when not in a clash, tick " + t);
        }
    }

    /** MODEL.md 6.4: persons queued at a corridor during a clash face the clash's own death rate, and only they. */
    @Test
    void clashesHarmTheQueueAtTheirCorridor() {
        Scenario s = TestScenarios.mechanism("clash.yaml", "hazards.clashDeathsPerPersonHour=0.05");
        List<Long> killed = new ArrayList<>();
        Recorder r = new Recorder();
        TestScenarios.run(s, r, d -> killed.add(d.killed()));
        double expected = 0;
        for (int t = 1; t < r.ticks(); t++) {
            long deaths = killed.get(t) - killed.get(t - 1);
            if (r.inClash.get(t)[0] && r.inClash.get(t - 1)[0]) {
                expected += r.queued.get(t - 1)[0] * 0.05 * s.clock().tickHours();
            } else {
                assertEquals(0, deaths, "deaths outside a clash at tick " + t);
            }
        }
        long total = killed.get(killed.size() - 1);
        assertTrue(expected > 10, "enough exposure to test: " + expected);
        assertTrue(Math.abs(total - expected) < 4 * Math.sqrt(expected), "killed " + total + ", expected " + expected);
    }

    /**
     * MODEL.md 2 and 6.5: the early-termination hazard of a pause (5 % an hour here, so 39 % over
     * its 10 hours) grows while fighters regroup (× 10 here, so nearly certain).
     */
    @Test
    void regroupingFightersMakeAnEarlyEndOfThePauseMoreLikely() {
        String[] calm = {"pauses[pause].duration=PT10H", "pauses[pause].earlyEndPerHour=0.05",
            "pauses[pause].regroupingMultiplier=10", "population.persons=100",
            "fighters=[{name: Guards, size: 100, controls: [Far], regroupPerHour: 0}]"};
        String[] regrouping = calm.clone();
        regrouping[4] = "fighters=[{name: Guards, size: 100, controls: [Far], regroupPerHour: 10, regroupHours: 24}]";
        int runs = 60;
        int calmEnds = 0;
        int regroupEnds = 0;
        Scenario calmScenario = TestScenarios.mechanism("base.yaml", calm);
        Scenario regroupScenario = TestScenarios.mechanism("base.yaml", regrouping);
        for (int seed = 1; seed <= runs; seed++) {
            calmEnds += TestScenarios.run(calmScenario.withSeed(seed)).district().calendar.endedEarly(0) ? 1 : 0;
            regroupEnds += TestScenarios.run(regroupScenario.withSeed(seed)).district().calendar.endedEarly(0) ? 1 : 0;
        }
        double expected = 1 - Math.exp(-0.05 * 10);
        double sd = Math.sqrt(expected * (1 - expected) / runs);
        assertTrue(Math.abs((double) calmEnds / runs - expected) < 4 * sd, "calm: " + calmEnds + " of " + runs);
        assertTrue(regroupEnds > 0.9 * runs, "regrouping: " + regroupEnds + " of " + runs);
    }

    /** MODEL.md 6.5: after a deal, fighters leave through their corridor at its capacity, and only while it is open. */
    @Test
    void fightersLeaveAtTheirCorridorsCapacityOnceADealAllowsIt() {
        Scenario s = TestScenarios.mechanism("fighters.yaml");
        List<Long> out = new ArrayList<>();
        District d = TestScenarios.run(s, x -> out.add(x.fightersEvacuated())).district();
        long deal = tickOf(s, "2020-01-01T04:00");
        long end = tickOf(s, "2020-01-01T07:00");
        for (int t = 0; t < out.size(); t++) {
            long expected = t < deal ? 0 : 5 * (Math.min(t + 1, end) - deal);
            assertEquals(expected, out.get(t), "fighters out by tick " + t);
        }
        assertEquals(180, d.fightersEvacuated());
        assertEquals(20, d.fightersPresent());
        assertEquals(0, d.evacuatedThroughCorridors() - d.corridors[0].evacuatedPersons(),
                "civilians do not use the fighters' corridor");
    }

    /**
     * MODEL.md 6.4: deaths are Poisson per person-hour at the base rate × the neighbourhood's
     * factor (× the violation factor during a pause); injuries are injuriesPerDeath per death.
     */
    @Test
    void bombardmentKillsAtItsRateByNeighbourhoodAndLessDuringAPause() {
        Scenario s = TestScenarios.mechanism("hazards.yaml");
        int near = s.map().neighbourhoodIndex("Near");
        int far = s.map().neighbourhoodIndex("Far");
        long nearDeaths = 0;
        long farDeaths = 0;
        long injured = 0;
        int runs = 5;
        for (int seed = 1; seed <= runs; seed++) {
            District d = TestScenarios.run(s.withSeed(seed)).district();
            nearDeaths += d.killedIn(near);
            farDeaths += d.killedIn(far);
            injured += d.injured();
        }
        // 12 hours at 0.2 a day: a share 1 - exp(-0.1) of Near's 1,000 die, 1 - exp(-0.3) of Far's
        double expectedNear = runs * 1000 * -Math.expm1(-0.1);
        double expectedFar = runs * 1000 * -Math.expm1(-0.3);
        String figures = "Near " + nearDeaths + " (expected " + expectedNear + "), Far " + farDeaths + " (expected "
                + expectedFar + "), injured " + injured;
        assertTrue(Math.abs(nearDeaths - expectedNear) < 4 * Math.sqrt(expectedNear), figures);
        assertTrue(Math.abs(farDeaths - expectedFar) < 4 * Math.sqrt(expectedFar), figures);
        double expectedInjured = 2 * (nearDeaths + farDeaths);
        assertTrue(Math.abs(injured - expectedInjured) < 4 * Math.sqrt(expectedInjured), figures);

        // a pause all day long, at a tenth of the rate
        Scenario paused = TestScenarios.mechanism("hazards.yaml", "hazards.pauseViolationFactor=0.1",
                "pauses=[{name: pause, credibility: 0.5, start: 2020-01-01T00:00, duration: PT12H}]");
        long pausedDeaths = 0;
        for (int seed = 1; seed <= runs; seed++) {
            pausedDeaths += TestScenarios.run(paused.withSeed(seed)).district().killed();
        }
        double expectedPaused = runs * 1000 * (-Math.expm1(-0.01) - Math.expm1(-0.03));
        assertTrue(Math.abs(pausedDeaths - expectedPaused) < 4 * Math.sqrt(expectedPaused),
                "during a pause " + pausedDeaths + ", expected " + expectedPaused);
    }

    /** MODEL.md 6.2: medical corridors are for households with wounded members only. */
    @Test
    void onlyHouseholdsWithWoundedUseMedicalCorridors() {
        Scenario s = TestScenarios.mechanism("medical.yaml");
        District d = TestScenarios.run(s, MechanismTest::invariants).district();
        int clinic = s.corridorIndex("Clinic");
        Households hh = d.households;
        int woundedAtClinic = 0;
        int woundedAtGate = 0;
        for (int h = 0; h < hh.count; h++) {
            assertEquals(HouseholdPhase.EVACUATED, hh.phase[h]);
            if (hh.corridor[h] == clinic) {
                assertTrue(hh.wounded[h] > 0, "household " + h + " without wounded left by the medical corridor");
                woundedAtClinic++;
            } else if (hh.wounded[h] > 0) {
                woundedAtGate++;
            }
        }
        assertTrue(woundedAtClinic > 20, "households with wounded use the medical corridor (" + woundedAtClinic + ")");
        assertTrue(woundedAtGate > 0, "and may use the civilian one (" + woundedAtGate + ")");
    }

    /**
     * MODEL.md 6.3: at the announcement, leaflets and broadcast make a share of households
     * (coverage) aware; word of mouth then spreads it, and only it.
     */
    @Test
    void theAnnouncementReachesItsCoverageAndWordOfMouthSpreadsIt() {
        String[] quiet = {"population.initialAwareness=0", "population.persons=5000", "behaviour.maxDecisionRatePerHour=0",
            "pauses[pause].announcementCoverage=0.3", "behaviour.information.wordOfMouthRatePerHour=0",
            "behaviour.information.crossingNewsRatePerHour=0"};
        Scenario s = TestScenarios.mechanism("base.yaml", quiet);
        long announced = tickOf(s, "2020-01-01T01:00");
        List<Double> aware = new ArrayList<>();
        TestScenarios.run(s, d -> {
            int n = 0;
            for (int h = 0; h < d.households.count; h++) {
                n += d.households.aware(h) ? 1 : 0;
            }
            aware.add((double) n / d.households.count);
        });
        assertEquals(0.0, aware.get((int) announced - 1));
        int households = new Evacuation(s).district().households.count;
        double sd = Math.sqrt(0.3 * 0.7 / households);
        assertTrue(Math.abs(aware.get((int) announced) - 0.3) < 4 * sd, "aware at the announcement " + aware.get((int) announced));
        assertEquals(aware.get((int) announced), aware.get(aware.size() - 1), "nobody else hears without word of mouth");

        String[] talking = quiet.clone();
        talking[4] = "behaviour.information.wordOfMouthRatePerHour=0.5";
        List<Double> spread = new ArrayList<>();
        TestScenarios.run(TestScenarios.mechanism("base.yaml", talking), d -> {
            int n = 0;
            for (int h = 0; h < d.households.count; h++) {
                n += d.households.aware(h) ? 1 : 0;
            }
            spread.add((double) n / d.households.count);
        });
        // the same households hear the leaflets (common random numbers), and a few more by word of mouth that tick
        assertTrue(spread.get((int) announced) >= aware.get((int) announced));
        assertTrue(spread.get((int) announced) < aware.get((int) announced) + 0.05);
        assertTrue(spread.get(spread.size() - 1) > 0.6, "word of mouth spreads it: " + spread.get(spread.size() - 1));
    }

    /** MODEL.md 6.2: a household walking to a corridor where a clash breaks out may re-route to another open one. */
    @Test
    void householdsOnTheirWayReRouteWhenTheirCorridorClashes() {
        Scenario s = TestScenarios.mechanism("reroute.yaml");
        Recorder r = run(s);
        int gate = s.corridorIndex("Gate");
        int east = s.corridorIndex("East gate");
        int reRouted = 0;
        for (int t = 1; t < r.ticks(); t++) {
            for (int h = 0; h < r.phase.get(t).length; h++) {
                if (r.phase.get(t)[h] == HouseholdPhase.MOVING && r.phase.get(t - 1)[h] == HouseholdPhase.MOVING
                        && r.corridor.get(t)[h] != r.corridor.get(t - 1)[h]) {
                    assertEquals(gate, r.corridor.get(t - 1)[h]);
                    assertEquals(east, r.corridor.get(t)[h]);
                    assertTrue(r.inClash.get(t)[gate], "re-routed at tick " + t + " without a clash");
                    assertTrue(r.open.get(t)[east]);
                    reRouted++;
                }
            }
        }
        assertTrue(reRouted > 0, "some households re-routed");
    }

    @Test
    void blockingReturnsHouseholdsHome() {
        Scenario s = TestScenarios.mechanism("blocking.yaml");
        District d = TestScenarios.run(s, MechanismTest::invariants).district();
        int near = s.map().neighbourhoodIndex("Near");
        int far = s.map().neighbourhoodIndex("Far");
        assertEquals(0, d.evacuatedFrom(near), "nobody gets out of the neighbourhood the guards hold");
        assertEquals(d.initialPersons(far), d.evacuatedFrom(far), "everyone from the free neighbourhood gets out");
        assertTrue(d.blocked() >= d.initialPersons(near), "every Near household was turned back at least once");
        // turned back, a household is at home (checked every tick), still inside, and trusts the pause less
        Households hh = d.households;
        float[] trustAtStart = new Evacuation(s).district().households.trust;
        for (int h = 0; h < hh.count; h++) {
            if (d.grid.neighbourhood[hh.home[h]] == near) {
                assertTrue(HouseholdPhase.inside(hh.phase[h]), "Near household " + h + " still inside");
                assertTrue(hh.trust[h] <= Math.max(0f, trustAtStart[h] - org.safepassage.sim.rules.InformationRule.TRUST_LOSS_WHEN_BLOCKED),
                        "Near household " + h + " lost trust when turned back");
            } else {
                assertEquals(trustAtStart[h], hh.trust[h], "Far household " + h + " was never turned back");
            }
        }
        // without blocking, Near leaves too
        District free = TestScenarios.run(TestScenarios.mechanism("blocking.yaml",
                "fighters[Guards].blockingProbability=0")).district();
        assertEquals(free.initialPersons(near), free.evacuatedFrom(near));
        assertEquals(0, free.blocked());
    }

    @Test
    void frontShiftsMovePeopleAcrossTheFrontWithoutAnyPause() {
        Scenario s = TestScenarios.mechanism("front-shift.yaml");
        int far = s.map().neighbourhoodIndex("Far");
        long shift = tickOf(s, "2020-01-01T03:00");
        List<long[]> counts = new ArrayList<>();
        Evacuation model = TestScenarios.run(s, d -> counts.add(new long[] {d.leftAcrossFront(),
            d.evacuatedThroughCorridors(), d.insideOf(far)}));
        District d = model.district();
        for (int t = 0; t < counts.size(); t++) {
            assertEquals(0, counts.get(t)[1], "no pause, so nobody leaves through a corridor");
            if (t < shift) {
                assertEquals(0, counts.get(t)[0], "nobody crosses before the shift (tick " + t + ")");
                assertEquals(d.initialPersons(far), counts.get(t)[2]);
            } else {
                assertEquals(0, counts.get(t)[2], "nobody is left in Far after the shift (tick " + t + ")");
            }
        }
        assertTrue(d.lost(far));
        long crossed = d.leftAcrossFront();
        assertTrue(crossed > 0, "people crossed the front");
        assertEquals(crossed, counts.get((int) shift)[0], "they crossed at once, at the shift");
        // every Far household either crossed or retreated into what is left of the enclave
        Households hh = d.households;
        long retreated = 0;
        for (int h = 0; h < hh.count; h++) {
            if (hh.phase[h] == HouseholdPhase.CROSSED) {
                continue;
            }
            assertTrue(d.grid.neighbourhood[hh.home[h]] != far, "household " + h + " still lives in the lost neighbourhood");
        }
        retreated = d.insideOf(s.map().neighbourhoodIndex("Near")) - d.initialPersons(s.map().neighbourhoodIndex("Near"));
        assertTrue(retreated > 0, "some retreated into Near rather than cross");
        assertEquals(d.initialPersons(far), crossed + retreated, "crossing has no deaths here");
        assertEquals(crossed, d.evacuatedFrom(far));
    }

    /**
     * The summary's figures by neighbourhood are by neighbourhood of origin: households that
     * retreat from a lost neighbourhood and later leave by a corridor still count for the
     * neighbourhood they came from, so each neighbourhood's residents add up.
     */
    @Test
    void figuresByNeighbourhoodAreByOriginAfterARetreat() {
        Scenario s = TestScenarios.mechanism("front-shift.yaml",
                "pauses=[{name: pause, credibility: 0.5, start: 2020-01-01T04:00, duration: PT6H, announcementCoverage: 1.0}]",
                "corridors[Gate].screening={by: checkpoint, detentionProbability: 0.5}",
                "hazards.deathsPerPersonDay=0.05");
        var sum = org.safepassage.metrics.SingleRun.run(s, true, null).summary();
        assertTrue(sum.leftAcrossFront() > 0 && sum.evacuatedThroughCorridors() > 0 && sum.detained() > 0, sum.toString());
        long evacuated = 0;
        for (var e : sum.byNeighbourhood().entrySet()) {
            var n = e.getValue();
            assertEquals(n.initialPersons(), n.evacuated() + n.killed() + n.detained() + n.remaining(),
                    e.getKey() + ": " + n);
            evacuated += n.evacuated();
        }
        assertEquals(sum.evacuated(), evacuated);
        var far = sum.byNeighbourhood().get("Far");
        assertTrue(far.evacuated() > sum.leftAcrossFront(), "some of Far's retreated households later left by the corridor");
    }

    @Test
    void frontCrossingKillsAtItsDeathProbability() {
        Scenario s = TestScenarios.mechanism("front-shift.yaml", "hazards.crossingFrontDeathProbability=0.2",
                "behaviour.weights.intercept=20");
        District d = TestScenarios.run(s).district();
        int far = s.map().neighbourhoodIndex("Far");
        long tried = d.initialPersons(far);
        assertEquals(tried, d.leftAcrossFront() + d.killed(), "all of Far tried to cross (intercept 20)");
        double share = (double) d.killed() / tried;
        assertTrue(Math.abs(share - 0.2) < 4 * Math.sqrt(0.2 * 0.8 / tried), "killed share " + share);
    }

    @Test
    void detentionsHappenOnlyWhereThereIsScreening() {
        Scenario s = TestScenarios.mechanism("screening.yaml");
        Evacuation model = new Evacuation(s, true);
        model.addObserver(MechanismTest::invariants);
        Households hh = model.district().households;
        byte[] menAtStart = hh.militaryAgeMen.clone();
        model.start();
        model.runToHorizon();
        District d = model.district();
        int gate = s.corridorIndex("Gate");
        int east = s.corridorIndex("East gate");
        long detainedAtGate = 0;
        long servedAtGate = 0;
        long servedAtEast = 0;
        for (int h = 0; h < hh.count; h++) {
            boolean out = hh.phase[h] == HouseholdPhase.EVACUATED || hh.phase[h] == HouseholdPhase.GONE;
            assertTrue(out, "everyone left or was detained");
            if (hh.corridor[h] == gate) {
                assertEquals(0, hh.militaryAgeMen[h], "a military-age man passed the screening at Gate");
                detainedAtGate += menAtStart[h];
                servedAtGate++;
            } else {
                assertEquals(east, hh.corridor[h]);
                assertEquals(menAtStart[h], hh.militaryAgeMen[h], "a man was taken at East gate, which does not screen");
                servedAtEast++;
            }
        }
        assertTrue(servedAtGate > 20 && servedAtEast > 20, "both corridors served households");
        assertTrue(detainedAtGate > 0);
        assertEquals(detainedAtGate, d.corridors[gate].detainedPersons());
        assertEquals(0, d.corridors[east].detainedPersons());
        assertEquals(detainedAtGate, d.detained());

        District none = TestScenarios.run(TestScenarios.mechanism("screening.yaml",
                "corridors[Gate].screening.detentionProbability=0")).district();
        assertEquals(0, none.detained(), "screening that detains nobody");
    }

    /**
     * ODD 7.3 declarer trust shift: households' trust was drawn around the first pause's
     * credibility; when a later pause by a more credible declarer is announced, everyone's trust
     * rises by the difference of the credibilities (clamped to 0..1), and more households leave
     * in that pause's window than when the same pause comes from a declarer as little trusted.
     */
    @Test
    void trustFollowsTheDeclarerOfThePauseAnnouncedLast() {
        Scenario trusted = TestScenarios.mechanism("declarers.yaml", "pauses[second].credibility=0.8");
        long announced = tickOf(trusted, "2020-01-01T05:00");
        List<double[]> trust = new ArrayList<>();
        List<float[]> own = new ArrayList<>();
        District d = TestScenarios.run(trusted, x -> {
            double[] t = new double[x.households.count];
            for (int h = 0; h < t.length; h++) {
                t[h] = x.news.trust(h);
            }
            trust.add(t);
            own.add(x.households.trust.clone());
        }).district();
        for (int h = 0; h < d.households.count; h++) {
            int before = (int) announced - 1;
            assertEquals(org.safepassage.sim.rules.InformationRule.effectiveTrust(own.get(before)[h], 0.0),
                    trust.get(before)[h], 1e-12, "before the second pause, trust is the household's own");
            assertEquals(org.safepassage.sim.rules.InformationRule.effectiveTrust(own.get((int) announced)[h], 0.6),
                    trust.get((int) announced)[h], 1e-9, "from its announcement, trust is judged against its declarer");
        }
        long[] inSecond = new long[2];
        String[] credibility = {"0.8", "0.2"};
        for (int i = 0; i < 2; i++) {
            Scenario s = TestScenarios.mechanism("declarers.yaml", "pauses[second].credibility=" + credibility[i]);
            Recorder r = run(s);
            for (int k = 0; k < d.corridors.length; k++) {
                inSecond[i] += r.evacuated.get(r.ticks() - 1)[k] - r.evacuated.get((int) announced)[k];
            }
        }
        assertTrue(inSecond[0] > 2 * inSecond[1], "in the second pause, a credible declarer: " + inSecond[0]
                + " out, one as little trusted as the first: " + inSecond[1]);
    }

    /**
     * ODD 7.3, windows announced each morning: with {@code windowNotice}, residents learn of a
     * later window of a daily pause only that long before it opens, so nobody sets out for it
     * earlier; without it, every window is known from the pause's announcement and households
     * that could not use the first window set out for the second while the corridor is closed.
     */
    @Test
    void aWindowAnnouncedThatMorningIsNotSetOutForBeforeItIsAnnounced() {
        int[] firstSetOut = new int[2];
        long[] out = new long[2];
        String[] notice = {"pauses[pause].windowNotice=PT1H", "pauses[pause].repeatDays=2"};
        Scenario s = null;
        for (int i = 0; i < 2; i++) {
            s = TestScenarios.mechanism("window-each-morning.yaml", notice[i]);
            long firstClosed = tickOf(s, "2020-01-01T03:00");
            Recorder r = run(s);
            firstSetOut[i] = -1;
            for (int t = (int) firstClosed + 1; t < r.ticks() && firstSetOut[i] < 0; t++) {
                byte[] before = r.phase.get(t - 1);
                byte[] now = r.phase.get(t);
                for (int h = 0; h < now.length; h++) {
                    if (before[h] == HouseholdPhase.STAYING && now[h] != HouseholdPhase.STAYING) {
                        firstSetOut[i] = t;
                        break;
                    }
                }
            }
            out[i] = r.evacuated.get(r.ticks() - 1)[0];
        }
        long told = tickOf(s, "2020-01-02T00:00");
        assertTrue(firstSetOut[0] >= told, "with the window announced at 00:00, the first set out at tick "
                + firstSetOut[0] + " (00:00 is tick " + told + ")");
        assertTrue(firstSetOut[1] >= 0 && firstSetOut[1] < told, "known from the start: set out for it at tick " + firstSetOut[1]);
        assertTrue(out[0] < out[1], "fewer reach a window announced an hour ahead: " + out[0] + " against " + out[1]);
    }

    /**
     * ODD 7.3: a window of a corridor's own schedule with {@code announcedAt} is on offer only
     * from then; without it, it is known from the first tick and households set out earlier.
     */
    @Test
    void aCorridorScheduleIsOnOfferOnlyFromItsAnnouncement() {
        Scenario posted = TestScenarios.mechanism("schedule-announced.yaml");
        Scenario known = TestScenarios.mechanism("schedule-announced.yaml", "corridors[Gate].schedule[0].announcedAt=2020-01-01T00:00");
        long told = tickOf(posted, "2020-01-01T05:00");
        int[] first = new int[2];
        Scenario[] both = {posted, known};
        for (int i = 0; i < 2; i++) {
            Recorder r = run(both[i]);
            first[i] = -1;
            for (int t = 0; t < r.ticks() && first[i] < 0; t++) {
                for (byte p : r.phase.get(t)) {
                    if (p != HouseholdPhase.STAYING) {
                        first[i] = t;
                        break;
                    }
                }
            }
        }
        assertTrue(first[0] >= told, "posted at 05:00 (tick " + told + "): first set out at tick " + first[0]);
        assertTrue(first[1] >= 0 && first[1] < told, "known from the start: first set out at tick " + first[1]);
    }

    /**
     * ODD 7.1 preparation across windows: with three-hour packing, one-hour daily windows are
     * judged hopeless one by one and move almost nobody; households that pack while the
     * corridor is closed (behaviour.preparationAcrossWindows = 1) count only the walk against
     * the window, wait at home once packed, and go at the next opening.
     */
    @Test
    void householdsThatPackWhileTheCorridorIsClosedUseShortDailyWindows() {
        Scenario off = TestScenarios.mechanism("daily-windows.yaml");
        Scenario on = TestScenarios.mechanism("daily-windows.yaml", "behaviour.preparationAcrossWindows=1");
        long leftOff = TestScenarios.run(off).district().evacuated();
        Recorder r = run(on);
        long leftOn = r.evacuated.get(r.ticks() - 1)[0];
        assertTrue(leftOn > 200, "packing across windows: " + leftOn + " of 1,000 out");
        assertTrue(leftOn > 5 * Math.max(1, leftOff), "across windows " + leftOn + ", each window alone " + leftOff);
        long firstClose = tickOf(on, "2020-01-01T02:00");
        long secondOpen = tickOf(on, "2020-01-02T01:00");
        for (int t = (int) firstClose; t < secondOpen; t++) {
            assertEquals(0, r.servedAt(0, t), "nobody is served while the corridor is closed (tick " + t + ")");
        }
        assertTrue(r.servedAt(0, (int) secondOpen) > 0, "the packed households go at the next opening");
    }

    /**
     * ODD 7.3 local observed trust: a neighbourhood's trust rises by {@code localTrustPerDeparture}
     * for each of its residents seen leaving (an absolute number, not a share) and falls by
     * {@code localTrustPerDeath} for each death seen there, then recovers towards 0 with
     * {@code localTrustRecoveryHours}; a neighbourhood sees only its own. Here only Near can reach
     * the two-hour window (window.yaml), so Far's trust never moves; with bombardment and no pause
     * (hazards.yaml) trust falls where the dead are.
     */
    @Test
    void neighboursSeenLeavingRaiseLocalTrustAndSeenDeathsLowerItBothRecovering() {
        Scenario s = TestScenarios.mechanism("window.yaml", "behaviour.information.localTrustPerDeparture=0.0005",
                "behaviour.information.localTrustRecoveryHours=10");
        int near = 0;
        int far = 1;
        List<double[]> shift = new ArrayList<>();
        List<long[]> left = new ArrayList<>();
        District d = TestScenarios.run(s, x -> {
            shift.add(new double[] {x.news.localShift(near), x.news.localShift(far)});
            left.add(new long[] {x.ledger.byOrigin().evacuated(near), x.ledger.byOrigin().evacuated(far)});
        }).district();
        double recovery = Math.exp(-d.tickHours / 10);
        double highest = 0;
        for (int t = 2; t < shift.size(); t++) {
            // departures of tick t - 1 are seen in the information phase of tick t
            double expected = shift.get(t - 1)[0] * recovery + 0.0005 * (left.get(t - 1)[0] - left.get(t - 2)[0]);
            assertEquals(Math.min(1, expected), shift.get(t)[0], 1e-12, "Near at tick " + t);
            assertEquals(0.0, shift.get(t)[1], "Far saw nobody leave at tick " + t);
            highest = Math.max(highest, shift.get(t)[0]);
        }
        assertTrue(left.get(left.size() - 1)[0] > 100 && left.get(left.size() - 1)[1] == 0, "only Near left");
        assertTrue(highest > 0.05, "Near's trust rose by " + highest);
        assertTrue(shift.get(shift.size() - 1)[0] < highest, "and recovers once departures stop");

        Scenario bombed = TestScenarios.mechanism("hazards.yaml", "behaviour.information.localTrustPerDeath=0.01");
        List<double[]> harm = new ArrayList<>();
        District b = TestScenarios.run(bombed, x -> harm.add(new double[] {x.news.localShift(near), x.news.localShift(far)}))
                .district();
        double[] end = harm.get(harm.size() - 1);
        assertTrue(b.killed() > 0);
        assertTrue(end[1] < end[0] && end[0] <= 0, "Far, bombed three times as hard, trusts less: " + end[1] + " < " + end[0]);
        long off = TestScenarios.run(TestScenarios.mechanism("hazards.yaml")).district().killed();
        assertEquals(off, b.killed(), "trust alone changes no death");
    }

    /**
     * ODD 7.1 wait-and-see: until {@code waitAndSeePersons} persons are out safely, households
     * hold back by up to {@code weights.waitAndSee}; the first crossings free the others, so uptake
     * starts slowly and quickens instead of coming mostly in the first hour.
     */
    @Test
    void waitingToSeeTheFirstCrossingsMakesUptakeStartSlowlyAndQuicken() {
        String[] common = {"behaviour.maxDecisionRatePerHour=0.5", "behaviour.weights.intercept=0",
            "behaviour.weights.trust=0", "behaviour.weights.hardship=0", "behaviour.weights.attachment=0",
            "behaviour.information.waitAndSeePersons=300"};
        Scenario plain = TestScenarios.mechanism("base.yaml", common);
        List<String> sets = new ArrayList<>(List.of(common));
        sets.add("behaviour.weights.waitAndSee=4");
        Scenario waiting = TestScenarios.mechanism("base.yaml", sets.toArray(String[]::new));
        int firstHour = (int) tickOf(plain, "2020-01-01T02:00");
        int lastHourStart = (int) tickOf(plain, "2020-01-01T06:00");
        int end = (int) tickOf(plain, "2020-01-01T07:00");
        Recorder p = run(plain);
        Recorder w = run(waiting);
        long plainFirst = p.evacuated.get(firstHour)[0];
        long waitFirst = w.evacuated.get(firstHour)[0];
        long waitLast = w.evacuated.get(end)[0] - w.evacuated.get(lastHourStart)[0];
        long plainLast = p.evacuated.get(end)[0] - p.evacuated.get(lastHourStart)[0];
        assertTrue(waitFirst * 3 < plainFirst, "first hour: " + waitFirst + " out waiting to see, " + plainFirst + " without");
        assertTrue(waitLast > waitFirst, "uptake quickens once the first are out: last hour " + waitLast
                + ", first " + waitFirst);
        assertTrue(plainLast < plainFirst, "without it, most come first: last hour " + plainLast + ", first " + plainFirst);
    }
}
