package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.rules.InformationRule;

/**
 * ODD 7.6 "Private cars" and "Exits controlled by an armed party", ODD 7.3 "A declared
 * ceasefire that fails" and ODD 7.2 "An evacuation deal for one pocket", each alone on the strip of
 * src/test/resources/mechanisms (every other mechanism off), with conservation checked after
 * every tick ({@link TestScenarios#run}).
 */
class TransportAndExitsTest {

    /** Per tick: vehicles out, vehicles queued, persons served on foot, at corridor 0. */
    private static final class Road implements TickObserver {
        final List<long[]> rows = new ArrayList<>();

        @Override
        public void afterTick(District d) {
            CorridorState c = d.corridors[0];
            rows.add(new long[] {c.vehiclesOut(), c.vehicleQueue.size(), c.evacuatedPersons(), c.detainedPersons(),
                c.turnedBackPersons()});
        }
    }

    private static long tickOf(Scenario s, String at) {
        return s.clock().tickOf(LocalDateTime.parse(at));
    }

    @Test
    void theCheckpointLetsCarsThroughAtItsVehiclesPerHourOneHouseholdAVehicle() {
        Scenario s = TestScenarios.mechanism("cars.yaml");
        Road r = new Road();
        District d = TestScenarios.run(s, r).district();
        long start = tickOf(s, "2020-01-01T01:00");
        long end = tickOf(s, "2020-01-01T07:00");
        // 12 vehicles an hour at 5-minute ticks: exactly one vehicle a tick while cars wait
        for (int t = (int) start + 1; t < end; t++) {
            long out = r.rows.get(t)[0] - r.rows.get(t - 1)[0];
            if (r.rows.get(t - 1)[1] > 0) {
                assertEquals(1, out, "vehicles out at tick " + t + " with cars waiting");
            }
            assertTrue(out <= 1, "never more than the checkpoint's rate, tick " + t);
        }
        assertEquals(0, r.rows.get((int) start - 1)[0], "no car out before the pause");
        assertTrue(r.rows.get((int) end - 1)[1] > 0, "cars still queued at the end: the road binds");
        long vehicles = d.corridors[0].vehiclesOut();
        assertEquals(end - start, vehicles, 1, "one vehicle a tick for the six hours");
        // every car carries its whole household, and only car owners drive
        Households hh = d.households;
        long carPersons = 0;
        long carHouseholds = 0;
        long owners = 0;
        for (int h = 0; h < hh.count; h++) {
            owners += d.cars.owns(h) ? 1 : 0;
        }
        assertEquals(0.5, owners / (double) hh.count, 0.1, "about half the households own a car");
        // persons out = on foot (12 an hour, one a tick) + the households in the cars that passed
        long foot = 0;
        for (int t = 1; t < r.rows.size(); t++) {
            foot += Math.min(1, r.rows.get(t)[2] - r.rows.get(t - 1)[2]);
        }
        for (int h = 0; h < hh.count; h++) {
            if (hh.phase[h] == HouseholdPhase.EVACUATED && d.cars.owns(h)) {
                carHouseholds++;
                carPersons += hh.members(h);
            }
        }
        assertTrue(carHouseholds >= vehicles, "every vehicle out is an owner's household");
        assertTrue(carPersons / (double) carHouseholds > 3, "persons per vehicle: whole households (mean size 4)");
        assertTrue(foot > 0, "those on foot are served beside the cars");
    }

    @Test
    void aCarOwnerExpectsTheWaitOfTheCarQueueAndOthersThatOfTheQueueOnFoot() {
        Scenario s = TestScenarios.mechanism("cars.yaml", "clock.horizon=PT3H");
        District d = TestScenarios.run(s).district();
        CorridorState c = d.corridors[0];
        long inCars = 0;
        for (int i = 0; i < c.vehicleQueue.size(); i++) {
            int h = c.vehicleQueue.get(i);
            if (d.households.phase[h] == HouseholdPhase.QUEUED && d.households.corridor[h] == 0) {
                inCars += d.households.members(h);
            }
        }
        assertTrue(c.vehicleQueue.size() > 0 && inCars > 0, "cars waiting at 03:00");
        assertEquals(c.vehicleQueue.size() / 12.0, c.queueWaitHours(true), 1e-12, "vehicles queued / vehicles per hour");
        assertEquals((c.queuedPersons() - inCars) / 12.0, c.queueWaitHours(false), 1e-12,
                "persons queued on foot / the buses' persons per hour");
    }

    @Test
    void fuelLimitsTheCarTripsAndTheRestGoOnFoot() {
        Scenario s = TestScenarios.mechanism("cars.yaml", "population.cars.fuelTrips=10",
                "corridors[Gate].road.vehiclesPerHour=1000");
        District d = TestScenarios.run(s).district();
        assertEquals(10, d.corridors[0].vehiclesOut(), "exactly the fuel's ten trips");
        assertEquals(0, d.cars.fuelTripsLeft());
        Scenario unlimited = TestScenarios.mechanism("cars.yaml", "corridors[Gate].road.vehiclesPerHour=1000");
        assertTrue(TestScenarios.run(unlimited).district().corridors[0].vehiclesOut() > 50,
                "without the fuel limit far more cars leave");
    }

    @Test
    void withoutCarsOrWithoutARoadTheRunIsTheSameAsBefore() {
        long[] plain = outcome(TestScenarios.mechanism("cars.yaml", "population.cars.householdShare=0"));
        long[] noRoad = outcome(TestScenarios.mechanism("base.yaml", "population.household.meanSize=4",
                "corridors[Gate].transport={vehicles: 1, seatsPerVehicle: 12, roundTrip: PT1H}"));
        assertArrayEquals(noRoad, plain, "a road nobody drives on changes nothing");
        long[] carsNoRoad = outcome(TestScenarios.mechanism("base.yaml", "population.household.meanSize=4",
                "population.cars={householdShare: 0.5}",
                "corridors[Gate].transport={vehicles: 1, seatsPerVehicle: 12, roundTrip: PT1H}"));
        assertArrayEquals(noRoad, carsNoRoad, "cars without a road to drive change nothing");
        long[] cars = outcome(TestScenarios.mechanism("cars.yaml"));
        assertArrayEquals(cars, outcome(TestScenarios.mechanism("cars.yaml")), "same seed, same run");
        assertTrue(cars[0] > noRoad[0], "the road adds its vehicles to the buses' capacity");
    }

    /** Persons out, detained, and households in each phase at the end. */
    private static long[] outcome(Scenario s) {
        District d = TestScenarios.run(s).district();
        long[] out = new long[3 + HouseholdPhase.class.getDeclaredFields().length];
        out[0] = d.ledger.evacuatedThroughCorridors();
        out[1] = d.ledger.detained();
        for (int h = 0; h < d.households.count; h++) {
            out[3 + d.households.phase[h]]++;
        }
        return out;
    }

    @Test
    void anArmedPartyHoldingTheExitDetainsAndTurnsBackItsSharesOnlyWhileItHoldsIt() {
        Scenario s = TestScenarios.mechanism("controlled-exit.yaml");
        Road r = new Road();
        District d = TestScenarios.run(s, r).district();
        long from = tickOf(s, "2020-01-01T02:00");
        long until = tickOf(s, "2020-01-01T05:00");
        long[] before = r.rows.get((int) from - 1);
        long[] during = r.rows.get((int) until - 1);
        long[] after = r.rows.get(r.rows.size() - 1);
        assertEquals(0, before[3] + before[4], "nobody detained or turned back before the party holds the exit");
        assertEquals(during[3], after[3], "nobody detained after it");
        assertEquals(during[4], after[4], "nobody turned back after it");
        double processed = (during[2] - before[2]) + (during[3] - before[3]) + (during[4] - before[4]);
        assertTrue(processed > 150, "enough processed to measure shares: " + processed);
        assertEquals(0.3, (during[3] - before[3]) / processed, 0.12, "share detained");
        assertEquals(0.2, (during[4] - before[4]) / processed, 0.12, "share turned back");
        // turned-back households are home, with their trust cut as if blocked at their door
        Scenario free = TestScenarios.mechanism("controlled-exit.yaml", "corridors[Gate].control=[]");
        District f = TestScenarios.run(free).district();
        int home = 0;
        for (int h = 0; h < d.households.count; h++) {
            if (d.households.trust[h] < f.households.trust[h]) {
                assertTrue(d.households.trust[h] <= InformationRule.trustAfterBlocking(f.households.trust[h]) + 1e-6,
                        "a household's trust falls only by being sent back");
                home += d.households.phase[h] == HouseholdPhase.STAYING ? 1 : 0;
            }
        }
        assertTrue(home > 0, "some households sent home with their trust cut");
        assertTrue(d.ledger.evacuatedThroughCorridors() < f.ledger.evacuatedThroughCorridors(),
                "fewer out while the exit is held");
        assertEquals(0, f.ledger.detained(), "without control nobody is detained");
    }

    /** Per tick: district trust shift, persons served at corridor 0, whether it is open. */
    private static final class Trust implements TickObserver {
        final List<double[]> rows = new ArrayList<>();

        @Override
        public void afterTick(District d) {
            rows.add(new double[] {d.news.trustShift(), d.corridors[0].evacuatedPersons(), d.corridors[0].open() ? 1 : 0});
        }
    }

    private static Trust trustRun(String... sets) {
        Trust r = new Trust();
        TestScenarios.run(TestScenarios.mechanism("queue.yaml", sets), r);
        return r;
    }

    @Test
    void aCeasefireViolatedAtItsStatedTimeEndsThePauseThenAndCostsTrust() {
        Scenario s = TestScenarios.mechanism("queue.yaml");
        int at = (int) tickOf(s, "2020-01-01T03:00");
        Trust kept = trustRun();
        Trust broken = trustRun("pauses[pause].violatedAt=2020-01-01T03:00",
                "behaviour.information.trustLossViolation=0.3");
        Trust brokenNoExtra = trustRun("pauses[pause].violatedAt=2020-01-01T03:00");
        for (int t = 0; t < at; t++) {
            assertArrayEquals(kept.rows.get(t), broken.rows.get(t), 0.0, "the same run before the violation, tick " + t);
        }
        for (int t = at; t < broken.rows.size(); t++) {
            assertEquals(0, broken.rows.get(t)[2], "closed from the violation on, tick " + t);
            assertEquals(broken.rows.get(at - 1)[1], broken.rows.get(t)[1], "nobody served after it, tick " + t);
            assertEquals(0.3, brokenNoExtra.rows.get(t)[0] - broken.rows.get(t)[0], 1e-12,
                    "trustLossViolation on top of the early end, tick " + t);
        }
        assertTrue(kept.rows.get(kept.rows.size() - 1)[1] > broken.rows.get(at)[1], "kept, it goes on serving");
        assertTrue(kept.rows.get(at)[0] - brokenNoExtra.rows.get(at)[0] >= 0.2 - 1e-12,
                "an early end's trust loss (0.2) at least, even with trustLossViolation 0");
        Trust after = trustRun("pauses[pause].violatedAt=2020-01-01T08:00",
                "behaviour.information.trustLossViolation=0.3");
        for (int t = 0; t < kept.rows.size(); t++) {
            assertArrayEquals(kept.rows.get(t), after.rows.get(t), 0.0, "a violation after the pause is over changes nothing");
        }
    }

    /** Households evacuated, by neighbourhood of origin (index 0 Near, 1 Far). */
    private static long[] outByOrigin(District d) {
        long[] out = new long[2];
        for (int h = 0; h < d.households.count; h++) {
            if (d.households.phase[h] == HouseholdPhase.EVACUATED) {
                out[d.households.origin[h]]++;
            }
        }
        return out;
    }

    @Test
    void aCorridorOfAPocketDealIsUsedOnlyByThePocketsResidents() {
        Scenario s = TestScenarios.mechanism("pocket-deal.yaml");
        assertEquals(0, s.map().neighbourhoodIndex("Near"));
        long[] deal = outByOrigin(TestScenarios.run(s).district());
        long[] open = outByOrigin(TestScenarios.run(TestScenarios.mechanism("pocket-deal.yaml",
                "corridors[Gate].neighbourhoods=[]")).district());
        assertEquals(0, deal[1], "nobody from Far leaves by a corridor that is only for Near");
        assertTrue(open[1] > 0, "without the deal's limit Far's residents use it");
        assertEquals(open[0], deal[0], "Near's residents leave as before (the corridor is theirs in both)");
        long[] both = outByOrigin(TestScenarios.run(TestScenarios.mechanism("pocket-deal.yaml",
                "corridors[Gate].neighbourhoods=[Near, Far]")).district());
        assertArrayEquals(open, both, "a deal naming every neighbourhood is no limit");
    }
}
