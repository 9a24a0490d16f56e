package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of ODD 7.6 "Private cars" and "Exits controlled by an armed party": read as written, refused where wrong. */
class TransportAndExitsInputTest {

    @TempDir
    Path dir;

    private Path child(String text) {
        return TinyFiles.child(dir, text);
    }

    private static String only(Path file) {
        return TinyFiles.onlyProblem(file);
    }

    @Test
    void carsRoadsAndControlAreReadAsWrittenAndAbsentMeansNone() {
        Scenario plain = TinyFiles.load(child(""));
        assertEquals(Population.Cars.NONE, plain.population().cars());
        assertNull(plain.corridors().get(0).road());
        assertTrue(plain.corridors().get(0).control().isEmpty());
        Scenario s = TinyFiles.load(child("population:\n  cars: {householdShare: 0.7, fuelTrips: 500}\n"
                + "corridors:\n  - name: gate\n    road: {vehiclesPerHour: 120}\n    control:\n"
                + "      - {by: armed group, from: 2016-10-20T08:00, until: 2016-10-20T12:00, detainedShare: 0.1,"
                + " turnedBackShare: 0.4}\n"));
        assertEquals(new Population.Cars(0.7, 500), s.population().cars());
        assertEquals(120, s.corridors().get(0).road().vehiclesPerHour());
        assertEquals(new Corridor.Control("armed group", LocalDateTime.parse("2016-10-20T08:00"),
                LocalDateTime.parse("2016-10-20T12:00"), 0.1, 0.4), s.corridors().get(0).control().get(0));
        assertTrue(TinyFiles.load(child("population:\n  cars: {householdShare: 0.7}\n")).population().cars()
                .fuelTrips() < 0, "no fuelTrips: fuel does not limit the trips");
    }

    @Test
    void aCarShareAboveOneIsRefusedWhereItIsWritten() {
        Path f = child("population:\n  cars: {householdShare: 1.5}\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":3:26: error: population.cars.householdShare: found 1.5; a number from 0 to 1"), p);
    }

    @Test
    void aRoadWithoutItsRateIsRefusedWhereItIsWritten() {
        Path f = child("corridors:\n  - name: gate\n    road: {}\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":4:11: error: corridors[0].road.vehiclesPerHour"), p);
    }

    @Test
    void controlSharesAddingUpToMoreThanOneAreRefusedWhereTheyAreWritten() {
        Path f = child("corridors:\n  - name: gate\n    control:\n      - {from: 2016-10-20T08:00, until: 2016-10-20T12:00,"
                + " detainedShare: 0.6, turnedBackShare: 0.5}\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":5:96: error: corridors[0].control[0].turnedBackShare: detainedShare + "
                + "turnedBackShare = 1.1; shares whose sum is at most 1"), p);
    }

    @Test
    void aControlPeriodEndingBeforeItStartsIsRefusedWhereItIsWritten() {
        Path f = child("corridors:\n  - name: gate\n    control:\n      - {from: 2016-10-20T12:00, until: 2016-10-20T08:00,"
                + " detainedShare: 0.1}\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":5:41: error: corridors[0].control[0].until: 2016-10-20T08:00, not after from "
                + "2016-10-20T12:00; a date-time after `from`"), p);
    }

    @Test
    void aViolationBeforeThePauseIsAnnouncedIsRefusedWhereItIsWritten() {
        Path f = child("pauses:\n  - name: pause\n    violatedAt: 2016-10-19T08:00\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":4:17: error: pauses[0].violatedAt: 2016-10-19T08:00, before the pause is announced"), p);
        assertEquals(LocalDateTime.parse("2016-10-20T09:00"), TinyFiles.load(child("pauses:\n  - name: pause\n"
                + "    violatedAt: 2016-10-20T09:00\n")).pauses().get(0).violatedAt());
    }

    @Test
    void aPocketDealNamingAnUnknownNeighbourhoodIsRefusedWhereItIsWritten() {
        Path f = child("corridors:\n  - name: gate\n    neighbourhoods: [Nowhere]\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":4:22: error: corridors[0].neighbourhoods[0]"), p);
        assertTrue(p.contains("Nowhere"), p);
    }
}
