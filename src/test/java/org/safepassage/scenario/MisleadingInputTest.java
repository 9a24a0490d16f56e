package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that used to load silently into something other than what they say (issue 18, item 6). */
class MisleadingInputTest {

    @TempDir
    Path dir;

    private Path child(String text) {
        TinyFiles.copyTo(dir);
        return TinyFiles.write(dir.resolve("child.yaml"), "extends: tiny.yaml\n" + text);
    }

    private static String only(Path file) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0).format();
    }

    @Test
    void aNoticeReachingBeforeTheClocksStartIsRefusedWhereItIsWritten() {
        // The tiny clock starts 2 h before the pause: 72 h of notice used to become 2 h silently.
        Path f = child("pauses:\n  - name: pause\n    notice: PT72H\n");
        assertEquals(f + ":4:13: error: pauses[0].notice: notice PT72H announces the pause at 2016-10-17T08:00, "
                + "before the clock starts; a notice of at most PT2H (the time from clock.start 2016-10-20T06:00 "
                + "to the pause), or clock.start at or before 2016-10-17T08:00 with clock.horizon longer by as much",
                only(f));
    }

    @Test
    void aNoticeThatFitsIsAppliedAsWritten() {
        Scenario s = TinyFiles.load(child("clock:\n  start: 2016-10-17T08:00\n  horizon: P4D\n"
                + "pauses:\n  - name: pause\n    notice: PT72H\n"));
        assertEquals(Duration.ofHours(72), s.pauses().get(0).notice());
    }

    @Test
    void aScheduleWindowAnnouncedAfterItOpensIsRefusedWhereItIsWritten() {
        Path f = child("corridors:\n  - name: gate\n    schedule:\n"
                + "      - {start: 2016-10-20T10:00, duration: PT2H, announcedAt: 2016-10-20T11:00}\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":5:64: error: corridors[0].schedule[0].announcedAt: 2016-10-20T11:00, after the window "
                + "opens at 2016-10-20T10:00; a date-time at or before the window's start"), p);
    }

    @Test
    void declarersMonitoringIsRefusedBecauseItMeansNothingInTheModel() {
        Path f = child("corridors:\n  - name: gate\n    monitoring: declarer\n");
        String p = only(f);
        assertTrue(p.startsWith(f + ":4:17: error: corridors[0].monitoring: 'declarer': a monitor from the party"),
                p);
        assertTrue(p.endsWith("; none (or neutral for an ICRC/UN/SARC monitor)"), p);
    }

    @Test
    void aPauseUnderANewNameIsAddedWithAWarning() {
        Path f = child("pauses:\n  - {name: pause2, duration: PT6H, credibility: 0.3, start: 2016-10-20T09:00}\n");
        assertEquals(2, TinyFiles.load(f).pauses().size(), "still allowed: a second pause");
        List<Problem> w = ScenarioLoader.warnings(f);
        assertEquals(1, w.size(), w.toString());
        assertEquals(f + ":3:12: warning: pauses[pause2]: no item of 'tiny.yaml' is named 'pause2', so this one is "
                + "added beside pause; the name of a base item (pause) to change it; nothing to do if an extra item "
                + "is meant", w.get(0).formatWarning());
    }

    @Test
    void oneUnnamedItemReplacingANamedListIsWarned() {
        Path f = child("corridors:\n  - {entryCell: [2, 1], leadsTo: west, monitoring: neutral}\n");
        List<Problem> w = ScenarioLoader.warnings(f);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).formatWarning().startsWith(f + ":3:3: warning: corridors: this list of 1 item(s), not all "
                + "named, replaces the whole list of 'tiny.yaml' (gate)"), w.get(0).formatWarning());
    }

    @Test
    void changingAnItemByItsNameWarnsOfNothing() {
        assertEquals(List.of(), ScenarioLoader.warnings(child("pauses:\n  - {name: pause, duration: PT6H}\n")));
    }
}
