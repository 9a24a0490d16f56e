package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * ODD 7.8, flight across a moving front, isolated on four bands of houses (front-flight.yaml):
 * no pause, no corridor open, the front moves once (band A falls at 00:00 on day 2). Claims:
 * households within the front's reach keep fleeing hour after hour while it moves, pause or
 * not and whatever their trust; those beyond its reach do not; with an outward share below 1
 * the rest move deeper into the enclave; men crossing are detained by the receiving side at
 * the stated probability; the flight stops when the front stops or is pushed back (a regain);
 * switched off, the run is the one of front shifts alone. Every run checks conservation.
 */
class FrontFlightTest {

    private static final String FILE = "front-flight.yaml";

    /** Persons from band B (by origin) out after each tick. */
    static final class OutOfB implements TickObserver {
        final List<Long> out = new ArrayList<>();
        final List<Long> insideCAndD = new ArrayList<>();

        @Override
        public void afterTick(District d) {
            out.add(d.evacuatedFrom(1));
            insideCAndD.add(d.insideOf(2) + d.insideOf(3));
        }
    }

    private static OutOfB run(Scenario s) {
        OutOfB r = new OutOfB();
        TestScenarios.run(s, r);
        return r;
    }

    private static long tick(Scenario s, String time) {
        return s.clock().tickOf(java.time.LocalDateTime.parse(time));
    }

    @Test
    void householdsNearAMovingFrontKeepFleeingForDaysWithoutAPause() {
        Scenario s = TestScenarios.mechanism(FILE);
        OutOfB r = run(s);
        District d = new Evacuation(s).district();
        long shift = tick(s, "2020-01-02T00:00");
        assertEquals(0L, r.out.get((int) shift - 1), "nobody from B flees before the front moves");
        long end = r.out.get(r.out.size() - 1);
        long atShift = r.out.get((int) shift);
        assertTrue(end > d.initialPersons(1) / 2, "most of B flees over the three days: " + end);
        assertTrue(atShift < end / 10, "not at once at the shift but over days: " + atShift + " of " + end);
        int hoursWithFlight = 0;
        for (int t = (int) shift + 1; t < r.out.size(); t++) {
            hoursWithFlight += r.out.get(t) > r.out.get(t - 1) ? 1 : 0;
        }
        assertTrue(hoursWithFlight > 40, "flight goes on hour after hour: " + hoursWithFlight + " of 72 hours");
        District end2 = TestScenarios.run(s).district();
        assertEquals(0, end2.evacuatedFrom(2) + end2.evacuatedFrom(3), "C and D are beyond the front's reach");
        assertEquals(end, end2.evacuatedFrom(1), "deterministic");
        assertEquals(0, end2.evacuatedThroughCorridors(), "no pause, no corridor: everyone left across the front");
    }

    @Test
    void trustPlaysNoPartAndTheRateDrivesIt() {
        long base = TestScenarios.run(TestScenarios.mechanism(FILE)).district().evacuatedFrom(1);
        long distrustful = TestScenarios.run(TestScenarios.mechanism(FILE, "behaviour.weights.trust=0"))
                .district().evacuatedFrom(1);
        assertEquals(base, distrustful, "the declarer's trust does not enter the flight");
        long off = TestScenarios.run(TestScenarios.mechanism(FILE, "behaviour.front.flightRatePerHour=0"))
                .district().evacuatedFrom(1);
        assertEquals(0, off, "switched off, only the shift's own residents move");
        long faster = TestScenarios.run(TestScenarios.mechanism(FILE, "behaviour.front.flightRatePerHour=0.2"))
                .district().evacuatedFrom(1);
        assertTrue(faster > base, faster + " > " + base);
        long wider = TestScenarios.run(TestScenarios.mechanism(FILE, "behaviour.front.reachMetres=600"))
                .district().evacuatedFrom(2);
        assertTrue(wider > 0, "with a reach of 600 m band C flees too");
    }

    @Test
    void switchedOffTheRunIsTheOneOfFrontShiftsAlone() {
        Scenario off = TestScenarios.mechanism(FILE, "behaviour.front.flightRatePerHour=0",
                "front={outwardShare: 0.3, detentionProbability: 0}", "front.movingFrom=2020-01-01T00:00");
        Scenario bare = TestScenarios.mechanism(FILE, "behaviour.front.flightRatePerHour=0");
        assertEquals(SingleRun.run(bare).summary(), SingleRun.run(off).summary());
    }

    @Test
    void withAnOutwardShareBelowOneTheRestFleeDeeperIntoTheEnclave() {
        District d = TestScenarios.run(TestScenarios.mechanism(FILE, "front.outwardShare=0")).district();
        assertEquals(0, d.evacuatedFrom(1), "nobody from B crosses");
        assertEquals(d.initialPersons(1), d.remainingByOrigin()[1], "all of B's people are still inside");
        assertTrue(movedDeeper(d) > d.initialPersons(1) / 2, "most of B moved into C and D, beyond the reach: "
                + movedDeeper(d));
        Scenario half = TestScenarios.mechanism(FILE, "front.outwardShare=0.5");
        District h = TestScenarios.run(half).district();
        long out = h.evacuatedFrom(1);
        long in = movedDeeper(h);
        assertTrue(Math.abs(out - in) < 0.25 * (out + in), "about half each way: out " + out + ", in " + in);
    }

    @Test
    void menCrossingAreDetainedByTheReceivingSide() {
        District none = TestScenarios.run(TestScenarios.mechanism(FILE)).district();
        assertEquals(0, none.detained());
        District all = TestScenarios.run(TestScenarios.mechanism(FILE, "front.detentionProbability=1")).district();
        Households hh = all.households;
        long menOut = 0;
        for (int h = 0; h < hh.count; h++) {
            if (hh.phase[h] == HouseholdPhase.CROSSED) {
                menOut += hh.militaryAgeMen[h];
            }
        }
        assertEquals(0, menOut, "no man crossed without being detained");
        assertTrue(all.detained() > 0);
        assertEquals(none.leftAcrossFront(), all.leftAcrossFront() + all.detained(),
                "the same households crossed; their men are detained instead of out");
    }

    @Test
    void flightStopsWhenTheFrontStopsOrIsPushedBack() {
        Scenario stops = TestScenarios.mechanism(FILE, "front.movingUntil=2020-01-03T00:00");
        OutOfB r = run(stops);
        long until = tick(stops, "2020-01-03T00:00");
        assertTrue(r.out.get((int) until - 1) > 0);
        assertEquals(r.out.get((int) until - 1), r.out.get(r.out.size() - 1), "no flight after the front stops");

        Scenario regained = TestScenarios.mechanism(FILE,
                "events=[{at: 2020-01-02T00:00, type: front-shift, target: A, safeArea: government},"
                        + " {at: 2020-01-03T00:00, type: front-regain, target: A}]");
        OutOfB g = run(regained);
        long back = tick(regained, "2020-01-03T00:00");
        assertTrue(g.out.get((int) back - 1) > 0);
        assertEquals(g.out.get((int) back - 1), g.out.get(g.out.size() - 1),
                "with A regained the front is back on its first line, beyond B's reach");
        District d = TestScenarios.run(regained).district();
        assertTrue(!d.lost(0), "A is held again");
        assertEquals(org.safepassage.scenario.Terrain.BUILT, d.grid.terrain(s(regained, 5, 2)), "A's houses are houses again");
    }

    /** Persons of B (by origin) who live in C or D now. */
    private static long movedDeeper(District d) {
        Households hh = d.households;
        long n = 0;
        for (int h = 0; h < hh.count; h++) {
            int home = d.grid.neighbourhood(hh.home[h]);
            if (hh.origin[h] == 1 && HouseholdPhase.inside(hh.phase[h]) && (home == 2 || home == 3)) {
                n += hh.members(h);
            }
        }
        return n;
    }

    private static int s(Scenario sc, int x, int y) {
        return sc.map().cell(x, y);
    }
}
