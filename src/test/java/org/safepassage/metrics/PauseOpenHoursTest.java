package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.ScenarioLoader;

/** The hours a pause was open are those of the run as it went: suspensions and early ends count. */
class PauseOpenHoursTest {

    @Test
    void aSuspensionIsLeftOutOfTheOpenHours() throws Exception {
        // 15 Dec 11:00 open; suspended 16 Dec 12:00 for 59 h; open again 18 Dec 23:00 to the end
        SingleRun.Result r = SingleRun.run(ScenarioLoader.load(Path.of("scenarios/aleppo-2016-12.yaml"), List.of())
                .scenario());
        List<TimeSeries.OpenWindow> w = r.timeSeries().openWindows();
        assertEquals(2, w.size(), w.toString());
        assertEquals(0, w.get(0).startHours(), 1e-9);
        assertEquals(25, w.get(0).endHours(), 1e-9);
        assertEquals(84, w.get(1).startHours(), 1e-9);
        double horizon = r.scenario().clock().ticks() * r.scenario().clock().tickHours();
        assertEquals(horizon, w.get(1).endHours(), 1e-9);
        assertEquals(25 + horizon - 84, r.summary().pauseOpenHours(), 1e-9);
        assertEquals(r.summary().pauseOpenHours(), r.summary().figures().get("pauseOpenHours"), 0);
    }

    @Test
    void anEarlyEndShortensTheOpenHoursAndAKeptPauseHasItsFullLength() throws Exception {
        Path file = Path.of("scenarios/pause-4d.yaml");
        // early ends off: the four days are kept whole
        SingleRun.Result kept = SingleRun.run(ScenarioLoader.load(file,
                List.of("pauses[pause].earlyEndPerHour=0")).scenario());
        assertEquals(96, kept.summary().pauseOpenHours(), 1e-9);
        // a near-certain early end (10 per hour)
        SingleRun.Result cut = SingleRun.run(ScenarioLoader.load(file,
                List.of("pauses[pause].earlyEndPerHour=10")).scenario());
        assertEquals(true, cut.summary().pauseOpenHours() < 96, "open " + cut.summary().pauseOpenHours() + " h");
    }
}
