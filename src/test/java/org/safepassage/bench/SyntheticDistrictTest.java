package org.safepassage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.metrics.SingleRun;
import org.safepassage.sim.TestScenarios;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.Evacuation;
import org.safepassage.sim.Grid;

/** Synthetic districts keep the template's density, reach every corridor and run like the template. */
class SyntheticDistrictTest {

    static Scenario template;

    @BeforeAll
    static void load() throws Exception {
        template = ScenarioLoader.load(Path.of("scenarios", "pause-4d.yaml"), TestScenarios.CORE_RULES_ONLY).scenario();
    }

    @Test
    void gridCellsGrowWithPersonsAtTheTemplatesDensity() {
        double density = (double) template.population().persons() / template.map().cells();
        for (long persons : new long[] {100_000, 1_000_000, 3_000_000}) {
            Scenario s = SyntheticDistrict.of(template, persons);
            double d = (double) persons / s.map().cells();
            assertEquals(density, d, density * 0.02, persons + " persons on " + s.map().cells() + " cells");
            assertEquals(persons, s.population().persons());
        }
    }

    @Test
    void everyCorridorEntryIsOnTheFrontAndReachableFromEveryHome() {
        Scenario s = SyntheticDistrict.of(template, 50_000);
        Grid grid = new Grid(s.map(), s.behaviour().movement(), s.corridors().size());
        for (int k = 0; k < s.corridors().size(); k++) {
            Corridor c = s.corridors().get(k);
            int entry = s.map().cell(c.entryX(), c.entryY());
            assertEquals(Terrain.FRONT, s.map().terrain()[entry], c.name());
            grid.computeField(k, entry);
            for (int cell = 0; cell < s.map().cells(); cell++) {
                if (s.map().terrain()[cell] == Terrain.BUILT) {
                    assertFalse(Float.isInfinite(grid.minutesTo(k, cell)), c.name() + " from cell " + cell);
                }
            }
        }
    }

    @Test
    void everyNeighbourhoodHasHomesAndCapacityScalesWithPersons() {
        Scenario s = SyntheticDistrict.of(template, 27_500);
        int[] built = new int[s.map().neighbourhoods().size()];
        for (int cell = 0; cell < s.map().cells(); cell++) {
            if (s.map().terrain()[cell] == Terrain.BUILT) {
                built[s.map().neighbourhoodOfCell()[cell]]++;
            }
        }
        for (int n = 0; n < built.length; n++) {
            assertTrue(built[n] > 0, s.map().neighbourhoods().get(n).name());
        }
        for (int k = 0; k < s.corridors().size(); k++) {
            assertEquals(template.corridors().get(k).capacityPersonsPerHour() / 10,
                    s.corridors().get(k).capacityPersonsPerHour(), 1e-6, s.corridors().get(k).name());
        }
    }

    @Test
    void aSmallDistrictRunsAndConservesPersons() {
        Scenario s = SyntheticDistrict.of(template, 5_000);
        SingleRun.Result r = SingleRun.run(s, true, null);
        Evacuation m = r.model();
        assertEquals(5_000, m.district().initialPersons());
        assertTrue(r.summary().evacuated() > 0, "nobody left the synthetic district");
    }

    @Test
    void shorterTicksKeepTheHorizon() {
        Scenario s = SyntheticDistrict.withTickMinutes(SyntheticDistrict.of(template, 5_000), 1);
        assertEquals(template.clock().horizon(), s.clock().horizon());
        assertEquals(5 * template.clock().ticks(), s.clock().ticks());
    }
}
