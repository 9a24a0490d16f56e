package org.safepassage.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.TestScenarios;

/**
 * The GUI's settings (the Console's model inspector) become key-path overrides that the
 * scenario loader accepts and that change exactly what they say. Headless: no window is opened.
 */
class GuiParametersTest {

    private static final Path TEACHING = TestScenarios.SHIPPED.resolve("teaching.yaml");
    private static final Path ALEPPO = TestScenarios.SHIPPED.resolve("east-aleppo.yaml");

    @Test
    void startsFromTheScenarioAndChangesNothingUntilTold() {
        Scenario base = TestScenarios.load(TEACHING);
        GuiParameters p = new GuiParameters(base);
        assertEquals(11.0, p.getPauseHours());
        assertEquals(12.0, p.getNoticeHours());
        assertEquals("none", GuiParameters.MONITORING[p.getMonitoring()]);
        assertEquals(100, p.getCapacityPercent());
        assertEquals(List.of(), p.overrides());
    }

    @Test
    void pauseLengthNoticeAndMonitoringReachTheScenario() {
        Scenario base = TestScenarios.load(TEACHING);
        GuiParameters p = new GuiParameters(base);
        p.setPauseHours(96);
        p.setNoticeHours(2.5);
        p.setMonitoring(1);
        Scenario next = TestScenarios.load(TEACHING, p.overrides().toArray(String[]::new));
        assertEquals(Duration.ofDays(4), next.pauses().get(0).duration());
        assertEquals(Duration.ofMinutes(150), next.pauses().get(0).notice());
        for (Corridor c : next.corridors()) {
            assertEquals(Corridor.Monitoring.NEUTRAL, c.monitoring(), c.name());
        }
    }

    @Test
    void theCredibilitySliderReachesTheFirstPause() {
        Scenario base = TestScenarios.load(ALEPPO);
        GuiParameters p = new GuiParameters(base);
        assertEquals(0.15, p.getCredibility(), 1e-12);
        p.setCredibility(0.6);
        Scenario next = TestScenarios.load(ALEPPO, p.overrides().toArray(String[]::new));
        assertEquals(0.6, next.pauses().get(0).credibility(), 1e-12);
        assertEquals(List.of("pauses[0].credibility=0.6"), p.overrides());
        p.setCredibility(1.7);
        assertEquals(1.0, p.getCredibility(), 1e-12, "kept within 0..1");
        p.setCredibility(0.15);
        assertEquals(List.of(), p.overrides(), "back to the scenario's value: no override");
    }

    @Test
    void capacityScalesEveryCivilianCorridorAndNoFighterCorridor() {
        Scenario base = TestScenarios.load(ALEPPO);
        GuiParameters p = new GuiParameters(base);
        p.setCapacityPercent(200);
        Scenario next = TestScenarios.load(ALEPPO, p.overrides().toArray(String[]::new));
        for (int k = 0; k < base.corridors().size(); k++) {
            Corridor before = base.corridors().get(k);
            Corridor after = next.corridors().get(k);
            double factor = before.kind() == Corridor.Kind.FIGHTER ? 1 : 2;
            assertEquals(factor * before.capacityPersonsPerHour(), after.capacityPersonsPerHour(), 1e-6, before.name());
        }
        p.started(next);
        assertEquals(2 * new GuiParameters(base).getCivilianCapacityPersonsPerHour(), p.getCivilianCapacityPersonsPerHour(), 1);
    }

    @Test
    void valuesStayInTheirDomains() {
        GuiParameters p = new GuiParameters(TestScenarios.load(TEACHING));
        p.setPauseHours(1000);
        p.setNoticeHours(-3);
        p.setCapacityPercent(5);
        p.setMonitoring(7);
        assertEquals(240.0, p.getPauseHours());
        assertEquals(0.0, p.getNoticeHours());
        assertEquals(25, p.getCapacityPercent());
        assertEquals("none", GuiParameters.MONITORING[p.getMonitoring()]);
        assertTrue(p.domPauseHours() instanceof sim.util.Interval);
    }

    @Test
    void pauseSettingsAreHiddenWhenTheScenarioHasNoPause() {
        Scenario noPause = TestScenarios.load(TEACHING, "pauses=[]");
        GuiParameters p = new GuiParameters(noPause);
        assertTrue(p.hidePauseHours());
        assertTrue(p.hideNoticeHours());
        p.setPauseHours(30);
        assertFalse(p.overrides().stream().anyMatch(s -> s.startsWith("pauses")));
    }
}
