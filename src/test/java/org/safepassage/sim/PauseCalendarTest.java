package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Clock;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.Pause;

/**
 * The pause calendar of MODEL.md 2: daily windows, notice, extensions announced during a
 * pause (kept or not) that residents know only once announced, suspensions, early ends.
 */
class PauseCalendarTest {

    private static final LocalDateTime START = LocalDateTime.parse("2016-10-19T08:00");
    private static final Clock CLOCK = new Clock(START, 5, Duration.ofDays(7));

    private static long tick(String time) {
        return CLOCK.tickOf(LocalDateTime.parse(time));
    }

    private static Pause pause(String start, String duration, int days, String notice, List<Pause.Extension> ext) {
        return new Pause("pause", "declarer", 0.5, LocalDateTime.parse(start), Duration.parse(duration), days,
                Duration.parse(notice), 0.5, 0, 1, ext);
    }

    @Test
    void dailyWindowsOpenAndCloseAtTheirHours() {
        PauseCalendar c = new PauseCalendar(List.of(pause("2016-10-20T08:00", "PT11H", 3, "PT24H", List.of())),
                List.of(), CLOCK);
        int open = 0;
        for (long t = 0; t < CLOCK.ticks(); t++) {
            LocalDateTime time = CLOCK.timeOf(t);
            boolean inWindow = time.getDayOfMonth() >= 20 && time.getDayOfMonth() <= 22 && time.getHour() >= 8
                    && time.getHour() < 19;
            assertEquals(inWindow, c.open(0, t), "open at " + time);
            open += c.open(0, t) ? 1 : 0;
        }
        assertEquals(3 * 11 * 12, open);
        assertEquals(0, c.announceTick(0), "announced a day ahead, at the start of the run");
        assertTrue(c.announced(0, tick("2016-10-21T03:00")), "still on between windows");
        assertEquals(tick("2016-10-21T08:00"), c.windowStart(0, tick("2016-10-20T20:00")));
        assertEquals(tick("2016-10-21T19:00"), c.announcedEnd(0, tick("2016-10-20T20:00")));
        assertFalse(c.announced(0, tick("2016-10-22T19:00")), "over after the last window");
        assertEquals(3, c.heldWindows(0).size());
    }

    @Test
    void aWindowAnnouncedEachMorningIsKnownOnlyThatLongBeforeItOpens() {
        Pause p = pause("2016-10-20T08:00", "PT11H", 3, "PT24H", List.of());
        Pause morning = new Pause(p.name(), p.declaredBy(), p.credibility(), p.start(), p.duration(), p.repeatDays(),
                p.notice(), p.announcementCoverage(), p.earlyEndPerHour(), p.regroupingMultiplier(), p.extensions(),
                Duration.ofHours(2));
        PauseCalendar each = new PauseCalendar(List.of(morning), List.of(), CLOCK);
        PauseCalendar all = new PauseCalendar(List.of(p), List.of(), CLOCK);
        assertTrue(each.windowKnown(0, 0), "the first window from the pause's announcement");
        assertTrue(each.windowKnown(0, tick("2016-10-20T18:55")), "during the first window");
        assertFalse(each.windowKnown(0, tick("2016-10-20T19:00")), "the second is not yet announced when the first closes");
        assertFalse(each.windowKnown(0, tick("2016-10-21T05:55")));
        assertTrue(each.windowKnown(0, tick("2016-10-21T06:00")), "two hours before it opens");
        assertTrue(all.windowKnown(0, tick("2016-10-20T19:00")), "without windowNotice every window is known");
        assertFalse(each.windowKnown(0, tick("2016-10-22T19:00")), "none is left");
    }

    @Test
    void extensionsCountOnlyOnceAnnouncedAndAnUnkeptOneEndsThePauseEarlierThanAnnounced() {
        List<Pause.Extension> ext = List.of(
                new Pause.Extension(LocalDateTime.parse("2016-10-20T16:00"), Duration.ofHours(24), true),
                new Pause.Extension(LocalDateTime.parse("2016-10-20T18:00"), Duration.ofDays(4), false));
        PauseCalendar c = new PauseCalendar(List.of(pause("2016-10-20T08:00", "PT11H", 1, "PT24H", ext)), List.of(),
                CLOCK);
        assertEquals(tick("2016-10-20T19:00"), c.announcedEnd(0, tick("2016-10-20T15:55")), "before any extension");
        assertEquals(tick("2016-10-21T19:00"), c.announcedEnd(0, tick("2016-10-20T16:00")), "+24 h once announced");
        assertEquals(tick("2016-10-25T19:00"), c.announcedEnd(0, tick("2016-10-20T18:00")), "four more days promised");
        assertEquals(tick("2016-10-21T19:00"), c.finalEnd(0), "but only the kept extension happens");
        assertTrue(c.open(0, tick("2016-10-21T18:55")));
        assertFalse(c.open(0, tick("2016-10-21T19:00")));
        assertFalse(c.announced(0, tick("2016-10-21T19:00")));
    }

    @Test
    void aSuspensionClosesThePauseForItsDurationAndAnEarlyEndForGood() {
        Event suspend = new Event(LocalDateTime.parse("2016-10-20T12:00"), Event.Type.SUSPEND, "pause",
                Duration.ofHours(3), "");
        PauseCalendar c = new PauseCalendar(List.of(pause("2016-10-20T08:00", "P2D", 1, "PT0S", List.of())),
                List.of(suspend), CLOCK);
        assertTrue(c.open(0, tick("2016-10-20T11:55")));
        for (long t = tick("2016-10-20T12:00"); t < tick("2016-10-20T15:00"); t++) {
            assertFalse(c.open(0, t));
            assertTrue(c.announced(0, t), "suspended, not over");
            assertEquals(tick("2016-10-20T15:00"), c.suspendedUntil(0, t));
        }
        assertTrue(c.open(0, tick("2016-10-20T15:00")));
        assertEquals(2, c.heldWindows(0).size());
        c.endEarly(0, tick("2016-10-21T06:00"));
        assertTrue(c.endedEarly(0));
        assertFalse(c.open(0, tick("2016-10-21T06:00")));
        assertFalse(c.open(0, tick("2016-10-21T10:00")));
        assertEquals(tick("2016-10-21T06:00"), c.finalEnd(0));
    }
}
