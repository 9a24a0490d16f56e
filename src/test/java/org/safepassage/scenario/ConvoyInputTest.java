package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of ODD 7.6 "Convoys limited by their vehicles", "Convoys held at a transit point" and "Rescue teams": read as written, refused where wrong. */
class ConvoyInputTest {

    @TempDir
    Path dir;

    private Path child(String text) {
        return TinyFiles.child(dir, text);
    }

    @Test
    void tripsAndHoldsAreReadAsWrittenAndAbsentMeansASteadyRate() {
        Scenario plain = TinyFiles.load(child("corridors:\n  - name: gate\n    transport: {vehicles: 4, seatsPerVehicle: 50,"
                + " roundTrip: PT2H}\n"));
        assertFalse(plain.corridors().get(0).transport().convoy());
        assertEquals(new Corridor.Transport(4, 50, Duration.ofHours(2)), plain.corridors().get(0).transport());
        Scenario s = TinyFiles.load(child("corridors:\n  - name: gate\n    transport:\n      vehicles: 4\n"
                + "      seatsPerVehicle: 50\n      roundTrip: PT2H\n      trips: 2\n      holds:\n"
                + "        - {at: stop, from: 2016-10-20T08:00, until: 2016-10-20T20:00, attackedAt: 2016-10-20T10:00,"
                + " killed: 9}\n"));
        Corridor.Transport t = s.corridors().get(0).transport();
        assertTrue(t.convoy());
        assertEquals(2, t.trips());
        assertEquals(List.of(new Corridor.Hold("stop", LocalDateTime.parse("2016-10-20T08:00"),
                LocalDateTime.parse("2016-10-20T20:00"), LocalDateTime.parse("2016-10-20T10:00"), 9)), t.holds());
    }

    @Test
    void holdsWithoutTripsAreRefusedWhereTheyAreWritten() {
        Path f = child("corridors:\n  - name: gate\n    transport:\n      vehicles: 4\n      seatsPerVehicle: 50\n"
                + "      roundTrip: PT2H\n      holds:\n        - {from: 2016-10-20T08:00, until: 2016-10-20T20:00}\n");
        String p = TinyFiles.onlyProblem(f);
        assertTrue(p.startsWith(f + ":9:9: error: corridors[0].transport.holds: holds without trips; `trips`"), p);
    }

    @Test
    void anAttackOutsideItsHoldIsRefusedWhereItIsWritten() {
        Path f = child("corridors:\n  - name: gate\n    transport:\n      vehicles: 4\n      seatsPerVehicle: 50\n"
                + "      roundTrip: PT2H\n      trips: 1\n      holds:\n        - {from: 2016-10-20T08:00, until: 2016-10-20T20:00,"
                + " attackedAt: 2016-10-21T08:00, killed: 3}\n");
        String p = TinyFiles.onlyProblem(f);
        assertTrue(p.startsWith(f + ":10:73: error: corridors[0].transport.holds[0].attackedAt: 2016-10-21T08:00, outside"
                + " the hold"), p);
    }

    @Test
    void deathsWithoutAnAttackAndAHoldEndingBeforeItStartsAreRefused() {
        Path f = child("corridors:\n  - name: gate\n    transport:\n      vehicles: 4\n      seatsPerVehicle: 50\n"
                + "      roundTrip: PT2H\n      trips: 1\n      holds:\n        - {from: 2016-10-20T08:00, until: 2016-10-20T07:00,"
                + " killed: 3}\n");
        String all = String.join("\n", TinyFiles.problems(dir, f));
        assertTrue(all.contains("corridors[0].transport.holds[0].until: 2016-10-20T07:00, not after from"), all);
        assertTrue(all.contains("corridors[0].transport.holds[0].killed: killed without attackedAt"), all);
    }

    @Test
    void rescueTeamsAreReadAsWrittenAndAnUnknownNeighbourhoodIsRefusedWhereItIsWritten() {
        Scenario plain = TinyFiles.load(child(""));
        assertEquals(null, plain.corridors().get(0).rescue());
        Scenario s = TinyFiles.load(child("corridors:\n  - name: gate\n    rescue: {teams: 5, minutesPerHousehold: 20}\n"));
        assertEquals(new Corridor.Rescue(5, 20, List.of()), s.corridors().get(0).rescue());
        Path f = child("corridors:\n  - name: gate\n    rescue: {teams: 5, neighbourhoods: [nowhere]}\n");
        String p = TinyFiles.onlyProblem(f);
        assertTrue(p.startsWith(f + ":4:41: error: corridors[0].rescue.neighbourhoods[0]: no neighbourhood named 'nowhere'"), p);
        Path g = child("corridors:\n  - name: gate\n    rescue: {minutesPerHousehold: 20}\n");
        assertTrue(TinyFiles.onlyProblem(g).contains("corridors[0].rescue.teams"), TinyFiles.onlyProblem(g));
    }
}
