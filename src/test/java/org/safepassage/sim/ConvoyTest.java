package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;

/**
 * ODD 7.6 "Convoys limited by their vehicles" and "Convoys held at a transit point", alone on
 * the strip of src/test/resources/mechanisms (every other mechanism off), with conservation
 * checked after every tick ({@link TestScenarios#run}).
 */
class ConvoyTest {

    /** Persons out at corridor 0 after each tick, and the news' trust shift. */
    private static final class Out implements TickObserver {
        final List<Long> persons = new ArrayList<>();
        final List<Double> trust = new ArrayList<>();

        @Override
        public void afterTick(District d) {
            persons.add(d.corridors[0].evacuatedPersons());
            trust.add(d.news.trustShift());
        }
    }

    private static int tick(Scenario s, String at) {
        return (int) s.clock().tickOf(LocalDateTime.parse(at));
    }

    private static final String HOLD = "corridors[0].transport.holds=[{at: Stop, from: 2020-01-01T01:30, "
            + "until: 2020-01-01T05:00, attackedAt: 2020-01-01T02:00, killed: 1000}]";

    @Test
    void theSeatsOfTheVehiclesWaitingAreTheCapacityAndEachVehicleComesBackARoundTripLaterUntilItsTripsAreMade() {
        Scenario s = TestScenarios.mechanism("convoy.yaml");
        Out o = new Out();
        District d = TestScenarios.run(s, o).district();
        int open = tick(s, "2020-01-01T01:00");
        int back = tick(s, "2020-01-01T03:00");
        // the three vehicles' 60 seats fill within the pause's first hour (households spill over
        // a vehicle by at most one household: 6 persons of slack)
        long first = o.persons.get(back - 1);
        assertTrue(first >= 54 && first <= 66, "first loads: the 60 seats waiting, got " + first);
        assertEquals(first, o.persons.get(open + 6), "nothing more until the vehicles come back");
        long all = o.persons.get(o.persons.size() - 1);
        assertTrue(all >= 114 && all <= 126, "two trips of 3 x 20 seats, got " + all);
        assertTrue(o.persons.get(back + 2) > first, "the second trips load once the vehicles are back (03:00)");
        assertTrue(d.corridors[0].queuedPersons() > 0, "households still waiting: the seats bind, not willingness");
        assertEquals(6, d.corridors[0].fleet.departures(), "3 vehicles x 2 trips");
    }

    @Test
    void aHeldConvoyComesBackOnlyAfterTheHoldAndAnAttackKillsAtMostThoseWaitingAndCostsTrustLikeAClash() {
        Scenario s = TestScenarios.mechanism("convoy.yaml", HOLD, "behaviour.information.trustLossPerClash=0.3");
        Out o = new Out();
        District d = TestScenarios.run(s, o).district();
        int attack = tick(s, "2020-01-01T02:00");
        int release = tick(s, "2020-01-01T05:00");
        long first = o.persons.get(attack);
        // the vehicles held at the stop until 05:00 return at 06:00 (half a round trip later), not at 03:00
        assertEquals(first, o.persons.get(tick(s, "2020-01-01T05:55")), "no second load before 06:00");
        assertTrue(o.persons.get(o.persons.size() - 1) > first, "second load after the held vehicles return");
        // everyone on board was waiting at the stop: the 1,000 reported are capped at those waiting
        assertEquals(first, d.corridors[0].fleet.killedWaiting(), "killed = those waiting, at most the reported 1,000");
        assertEquals(0.3, o.trust.get(attack - 1) - o.trust.get(attack), 1e-9, "the attack costs trust like a clash");
        assertTrue(release > attack);
        // those killed had left the enclave: they stay counted as out (the observations count who left)
        assertEquals(o.persons.get(attack), o.persons.get(attack - 1));
    }

    @Test
    void withoutTripsTheVehiclesStayASteadyRate() {
        Scenario s = TestScenarios.mechanism("convoy.yaml", "corridors[0].transport.trips=0");
        Out o = new Out();
        District d = TestScenarios.run(s, o).district();
        assertEquals(null, d.corridors[0].fleet);
        // 3 x 20 / 2 h = 30 persons an hour over 6 hours
        long all = o.persons.get(o.persons.size() - 1);
        assertEquals(180, all, 8, "the steady rate of vehicles x seats / round trip");
    }
}
