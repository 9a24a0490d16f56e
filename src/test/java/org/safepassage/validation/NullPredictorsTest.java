package org.safepassage.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.Observed;
import org.safepassage.scenario.ScenarioLoader;

/** The two null predictors: open hours as declared, "nobody leaves", and the fitted share. */
class NullPredictorsTest {

    @TempDir
    Path dir;

    /** The teaching district (pause 20 Oct 08:00-19:00, clock from 06:00) with extra keys. */
    private Episode teaching(String extra, String points) throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios", "teaching.yaml").toAbsolutePath() + "\n"
                + "meta: {name: e}\n" + extra
                + "observed:\n  start: 2016-10-20T08:00\n  points:\n" + points);
        return ScenarioLoader.loadEpisode(f, List.of());
    }

    @Test
    void openHoursCountDailyWindowsKeptExtensionsAndSuspensions() throws Exception {
        Episode e = teaching("clock: {horizon: P4D}\n"
                + "pauses:\n  - {name: pause, repeatDays: 2, extensions: [{announcedAt: 2016-10-21T10:00, by: PT2H},"
                + " {announcedAt: 2016-10-21T10:00, by: PT5H, kept: false}]}\n"
                + "events:\n  - {at: 2016-10-20T10:00, type: suspend, target: pause, duration: PT3H}\n",
                "    - {hours: 5, persons: 10}\n    - {hours: 60, persons: 100}\n");
        NullPredictors.Facts f = NullPredictors.facts(e);
        // 08:00-13:00 with 10:00-13:00 suspended: 2 hours open by 13:00.
        assertEquals(2.0, f.openHours()[0], 1e-6);
        // Day 1: 11 h less 3 suspended = 8; day 2: 11 h + the kept 2 h = 13 (the unkept 5 h do not count).
        assertEquals(21.0, f.openHours()[1], 1e-6);
        assertEquals(2000, f.persons());
    }

    @Test
    void aCorridorsOwnScheduleCountsWithoutAPause() throws Exception {
        Episode e = teaching("pauses: []\ncorridors:\n  - {name: West gate, schedule: [{start: 2016-10-20T09:00, duration: PT4H}]}\n"
                + "  - {name: East gate, kind: fighter}\n", "    - {hours: 10, persons: 10}\n");
        assertEquals(4.0, NullPredictors.facts(e).openHours()[0], 1e-6);
    }

    @Test
    void aMovingFrontCountsAsOpenFromItsFirstShiftUntilItStops() throws Exception {
        String noWay = "pauses: []\ncorridors: []\n";
        String points = "    - {hours: 10, persons: 10}\n    - {hours: 30, persons: 20}\n";
        Episode shift = teaching(noWay + "events:\n  - {at: 2016-10-20T12:00, type: front-shift, target: North, safeArea: west}\n"
                + "front: {movingUntil: 2016-10-21T08:00}\n", points);
        // Observations at 18:00 on the 20th and 14:00 on the 21st: open from 12:00 to 08:00 the next day.
        assertEquals(6.0, NullPredictors.facts(shift).openHours()[0], 1e-6);
        assertEquals(20.0, NullPredictors.facts(shift).openHours()[1], 1e-6);
        Episode still = teaching(noWay, points);
        assertEquals(0.0, NullPredictors.facts(still).openHours()[1], 1e-6, "no front shift, no corridor: never open");
    }

    @Test
    void nobodyLeavesScoresTheLogOfTheObservedFigure() {
        NullPredictors.Facts f = new NullPredictors.Facts("x", 1000, 1, List.of(point(0), point(990)), new double[] {1, 2});
        assertEquals((0 + 2) / 2.0, NullPredictors.nobodyError(f), 1e-12);
    }

    @Test
    void theFittedShareRecoversTheShareThatMadeTheFigures() {
        double share = 0.002;
        List<NullPredictors.Facts> facts = List.of(synthetic("a", 50_000, share, 10, 40),
                synthetic("b", 8_000, share, 5, 100), synthetic("c", 200_000, share, 24, 48));
        double fitted = NullPredictors.fitShare(facts);
        assertEquals(Math.log10(share), Math.log10(fitted), 0.011);
        double[][] loo = NullPredictors.leaveOneOut(facts);
        for (double[] row : loo) {
            assertTrue(row[0] < 0.02, "each left-out episode is predicted by the others' share: " + row[0]);
        }
        // The figure is capped at the population.
        assertEquals(8_000, NullPredictors.shareFigure(facts.get(1), 1, 1.0), 1e-9);
    }

    private static NullPredictors.Facts synthetic(String name, double persons, double share, double... open) {
        List<Observed.Point> points = new java.util.ArrayList<>();
        for (double h : open) {
            points.add(point(share * persons * h));
        }
        return new NullPredictors.Facts(name, persons, 1, points, open);
    }

    private static Observed.Point point(double persons) {
        return new Observed.Point(1, persons, persons, persons, Observed.Quality.Q, "");
    }
}
