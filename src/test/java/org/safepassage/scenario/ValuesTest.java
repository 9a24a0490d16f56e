package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values are read as documented: ISO-8601 durations, local date-times, defaults, the map. */
class ValuesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"PT11H, 660", "PT24H, 1440", "P4D, 5760", "PT90M, 90", "PT1H30M, 90", "P1DT2H, 1560", "PT0S, 0"})
    void isoDurations(String text, long minutes) {
        assertEquals(Duration.ofMinutes(minutes), Fields.parseDuration(text));
    }

    @ParameterizedTest
    @CsvSource({"11h", "PT", "P4", "4D", "P1W", "P1M", "PT-", "''"})
    void notIsoDurations(String text) {
        assertNull(Fields.parseDuration(text), text);
    }

    @Test
    void durationsAndDateTimesInAScenario() {
        Path s = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "    duration: PT4H", "    duration: P1DT2H30M",
                "    notice: PT2H", "    notice: P2D",
                "  horizon: PT12H", "  horizon: P3D",
                "  start: 2016-10-20T06:00", "  start: 2016-10-18T06:00"); // room for the two days' notice
        Scenario sc = TinyFiles.load(s);
        assertEquals(LocalDateTime.of(2016, 10, 18, 6, 0), sc.clock().start());
        assertEquals(Duration.ofDays(3), sc.clock().horizon());
        assertEquals(3 * 24 * 12, sc.clock().ticks());
        Pause p = sc.pauses().get(0);
        assertEquals(LocalDateTime.of(2016, 10, 20, 8, 0), p.start());
        assertEquals(Duration.ofMinutes(26 * 60 + 30), p.duration());
        assertEquals(LocalDateTime.of(2016, 10, 18, 8, 0), p.announcedAt());
    }

    @Test
    void dateTimesWithSecondsAreLocal() {
        Path s = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "    start: 2016-10-20T08:00", "    start: 2016-10-20T08:00:30");
        assertEquals(LocalDateTime.of(2016, 10, 20, 8, 0, 30), TinyFiles.load(s).pauses().get(0).start());
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "    start: 2016-10-20T08:00:30", "    start: 2016-10-20T08:00Z");
        assertEquals(List.of("tiny.yaml:29:12: error: pauses[0].start: found '2016-10-20T08:00Z'; a local date-time"
                + " such as 2016-10-20T08:00"), TinyFiles.problems(dir, s));
    }

    @Test
    void absentKeysTakeTheirDefaults() {
        Scenario s = TinyFiles.load(TinyFiles.copyTo(dir));
        Pause p = s.pauses().get(0);
        assertEquals(1, p.repeatDays());
        assertEquals(0.5, p.announcementCoverage());
        assertEquals(0.0, p.earlyEndPerHour());
        assertEquals(1.0, p.regroupingMultiplier());
        Corridor c = s.corridors().get(0);
        assertEquals(Corridor.Kind.CIVILIAN, c.kind());
        assertEquals(4.0, c.widthMetres());
        assertEquals(Corridor.Monitoring.NONE, c.monitoring());
        assertNull(c.transport());
        assertNull(c.screening());
        assertEquals(Duration.ofHours(2), c.clashDuration());
        assertEquals(5.0, s.population().meanHouseholdSize());
        assertEquals(0.4, s.population().childShare());
        assertEquals(60.0, s.behaviour().movement().walkingMetresPerMinute());
        assertEquals(1.0e-4, s.hazards().deathsPerPersonDay());
        assertEquals(1.0, s.map().neighbourhoods().get(0).bombardmentFactor());
        assertEquals("", s.meta().description());
        assertEquals(List.of(), s.events());
        assertEquals(List.of(), s.fighters());
    }

    @Test
    void numbersMayUseUnderscoresAndExponents() {
        Path s = TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "  persons: 200", "  persons: 1_200\nhazards:\n  deathsPerPersonDay: 9.0e-5");
        Scenario sc = TinyFiles.load(s);
        assertEquals(1200, sc.population().persons());
        assertEquals(9.0e-5, sc.hazards().deathsPerPersonDay());
    }

    @Test
    void theMapIsReadCellByCell() {
        DistrictMap m = TinyFiles.load(TinyFiles.copyTo(dir)).map();
        assertEquals(8, m.width());
        assertEquals(6, m.height());
        assertEquals(50.0, m.cellMeters());
        assertEquals(Terrain.SAFE, m.terrain()[m.cell(0, 0)]);
        assertEquals(Terrain.STREET, m.terrain()[m.cell(2, 1)]);
        assertEquals(Terrain.FRONT, m.terrain()[m.cell(0, 1)]);
        assertEquals(Terrain.BLOCKED, m.terrain()[m.cell(5, 4)]);
        assertEquals(Terrain.RUBBLE, m.terrain()[m.cell(5, 5)]);
        assertEquals(Terrain.BUILT, m.terrain()[m.cell(0, 5)]);
        assertEquals(List.of("west"), m.safeAreas());
        assertEquals(0, m.safeAreaOfCell()[m.cell(3, 0)]);
        assertEquals(-1, m.safeAreaOfCell()[m.cell(3, 3)]);
        assertEquals(-1, m.neighbourhoodOfCell()[m.cell(0, 1)]);
        assertEquals(0, m.neighbourhoodOfCell()[m.cell(7, 2)]);
        assertEquals(1, m.neighbourhoodOfCell()[m.cell(7, 5)]);
        assertEquals(new Neighbourhood("South", 'b', 0.6, 1.0), m.neighbourhoods().get(1));
        assertTrue(m.file().endsWith("maps/tiny.txt"));
    }
}
