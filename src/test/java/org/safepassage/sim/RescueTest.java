package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.rules.RescueRule;

/**
 * ODD 7.6 "Rescue teams", alone on the strip of src/test/resources/mechanisms (every other
 * mechanism off), with conservation checked after every tick ({@link TestScenarios#run}).
 */
class RescueTest {

    private static long rescuedFrom(District d, String hood) {
        int n = d.scenario.map().neighbourhoodIndex(hood);
        return d.ledger.byOrigin().evacuated(n);
    }

    @Test
    void withAcceptanceOffAndNobodyDecidedTheTeamsBringNobody() {
        District d = TestScenarios.run(TestScenarios.mechanism("rescue.yaml", "behaviour.rescueAcceptance=0")).district();
        assertEquals(0, d.corridors[0].evacuatedPersons(), "behaviour.rescueAcceptance 0: only those who decided go");
        assertEquals(0, d.corridors[0].rescue.rescuedPersons());
    }

    @Test
    void householdsThatAcceptAreBroughtOutOnlyFromTheTeamsNeighbourhoodsAtMostOneATripPerTeam() {
        Scenario s = TestScenarios.mechanism("rescue.yaml", "behaviour.rescueAcceptance=1");
        District d = TestScenarios.run(s).district();
        long persons = d.corridors[0].evacuatedPersons();
        assertEquals(persons, d.corridors[0].rescue.rescuedPersons(), "everyone out was brought by a team");
        assertEquals(0, rescuedFrom(d, "Near"), "teams go only to Far");
        assertEquals(persons, rescuedFrom(d, "Far"));
        // each trip takes at least the 30 minutes at the household: two teams in a 6-hour pause
        // bring at most 2 x 360 / 30 = 24 households, and every trip here is also a walk of
        // 25 cells of 50 m each way, so fewer still
        long households = 0;
        for (int h = 0; h < d.households.count; h++) {
            households += d.households.phase[h] == HouseholdPhase.EVACUATED ? 1 : 0;
        }
        assertTrue(households > 0 && households < 24, "households rescued: " + households);
        double walk = d.grid.minutesTo[0][d.households.home[0]];
        assertTrue(RescueRule.tripMinutes(walk, 30, 1) >= 30 + 2 * walk);
    }

    @Test
    void aShareOfHouseholdsAcceptsAndThoseThatDecidedAlwaysDo() {
        // enough teams for every household of Far: acceptance, not the teams, sets how many go
        Scenario half = TestScenarios.mechanism("rescue.yaml", "behaviour.rescueAcceptance=0.5",
                "corridors[0].rescue.teams=1000");
        Scenario all = TestScenarios.mechanism("rescue.yaml", "behaviour.rescueAcceptance=1",
                "corridors[0].rescue.teams=1000");
        long fromHalf = TestScenarios.run(half).district().corridors[0].evacuatedPersons();
        District everyone = TestScenarios.run(all).district();
        long fromAll = everyone.corridors[0].evacuatedPersons();
        assertEquals(everyone.ledger.byOrigin().initial(everyone.scenario.map().neighbourhoodIndex("Far")), fromAll,
                "all of Far out when everyone accepts and teams suffice");
        assertEquals(0.5, fromHalf / (double) fromAll, 0.12, "about half accept: " + fromHalf + " of " + fromAll);
        // households that decided to leave but are still packing (48 h on average) go with the team
        Scenario decided = TestScenarios.mechanism("rescue.yaml", "behaviour.weights.intercept=20",
                "population.preparation.meanHours=48", "corridors[0].rescue.minutesPerHousehold=0");
        District d = TestScenarios.run(decided).district();
        long rescued = d.corridors[0].rescue.rescuedPersons();
        assertTrue(rescued > 0, "packing households accept at acceptance 0");
        assertTrue(rescued <= rescuedFrom(d, "Far"), "and only in Far");
    }
}
