package org.safepassage.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.chart.Charts;
import org.safepassage.experiment.ScenarioFacts;

class CompareChartsTest {

    static ScenarioFacts facts(String name, double... startEnd) {
        LocalDateTime t0 = LocalDateTime.of(2016, 10, 19, 8, 0);
        List<ScenarioFacts.Window> windows = new java.util.ArrayList<>();
        for (int i = 0; i < startEnd.length; i += 2) {
            windows.add(new ScenarioFacts.Window("pause", startEnd[i], startEnd[i + 1],
                    t0.plusMinutes((long) (startEnd[i] * 60)), t0.plusMinutes((long) (startEnd[i + 1] * 60))));
        }
        return new ScenarioFacts(name, name + ".yaml", windows, 24, "none", "2 civilian", 1000, "none");
    }

    @Test
    void windowsStartingTogetherCarryOneLabelOnTheWidest() {
        List<Charts.Window> w = CompareCharts.windows(List.of(facts("pause-11h", 24, 35), facts("pause-24h", 24, 48),
                facts("pause-4d", 24, 120)));
        assertEquals(List.of(new Charts.Window(24, 35, ""), new Charts.Window(24, 48, ""),
                new Charts.Window(24, 120, "pause: pause-11h 11 h, pause-24h 24 h, pause-4d 96 h")), w);
    }

    @Test
    void aWindowSharedByEveryScenarioIsShadedOnce() {
        List<Charts.Window> w = CompareCharts.windows(List.of(facts("a", 2, 13), facts("b", 2, 13)));
        assertEquals(List.of(new Charts.Window(2, 13, "pause")), w);
        List<Charts.Window> some = CompareCharts.windows(List.of(facts("a", 2, 13, 26, 37), facts("b", 2, 13)));
        assertEquals(List.of(new Charts.Window(2, 13, "pause"), new Charts.Window(26, 37, "pause: a 11 h")), some);
    }
}
