package org.safepassage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.advisor.Advisor;
import org.safepassage.advisor.DesignRun;
import org.safepassage.advisor.World;
import org.safepassage.scenario.DesignSpec;

class DesignReportTest {

    static DesignSpec spec(List<DesignSpec.Constraint> constraints) {
        return new DesignSpec("d", "q", Path.of("b.yaml"), Path.of("d.yaml"),
                List.of(new DesignSpec.Lever("x", List.of("1", "2"), false)),
                List.of(new DesignSpec.Objective("evacuated", "mean", true)), constraints, null, List.of(),
                new DesignSpec.Search(1, 2, 2, List.of(2, 4), 0.5), null, List.of());
    }

    /** A planner's design beside the recommendation says which bound it breaks and by how much. */
    @Test
    void aDesignOutsideTheBoundsSaysWhichAndHowFar() {
        DesignSpec one = spec(List.of(new DesignSpec.Constraint("peakQueue", true, 20000, 0.95)));
        assertEquals("outside the risk bound: peakQueue <= 20000 in 50 % of runs, not 95 %",
                DesignReport.outsideBounds(one, new double[] {0.5}));
        DesignSpec two = spec(List.of(new DesignSpec.Constraint("peakQueue", true, 20000, 0.95),
                new DesignSpec.Constraint("evacuated", false, 1000, 0.8)));
        assertEquals("outside the risk bounds: peakQueue <= 20000 in 90 % of runs, not 95 %; "
                + "evacuated >= 1000 in 10 % of runs, not 80 %", DesignReport.outsideBounds(two, new double[] {0.9, 0.1}));
        assertEquals("outside the risk bound: evacuated >= 1000 in 10 % of runs, not 80 %",
                DesignReport.outsideBounds(two, new double[] {0.95, 0.1}));
    }

    /**
     * With a bound that caps persons out, the report names what the bound costs: a design outside
     * it that got more out, with the share of runs that kept the bound; with no such design, nothing.
     */
    @Test
    void theCostOfTheBoundsIsTheBestDesignBeyondThem() throws Exception {
        List<String> xs = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        World world = sets -> {
            double x = Double.parseDouble(sets.get(0).substring(2));
            return seed -> new World.Outcome(-1, Map.of(), Map.of("evacuated", 100 * x, "killed", 10 * x));
        };
        DesignSpec capped = new DesignSpec("d", "q", Path.of("b.yaml"), Path.of("d.yaml"),
                List.of(new DesignSpec.Lever("x", xs, true)), List.of(new DesignSpec.Objective("evacuated", "mean", true)),
                List.of(new DesignSpec.Constraint("killed", true, 50, 0.95)), null, List.of(),
                new DesignSpec.Search(3, 8, 8, List.of(2, 4), 0.5), null, List.of());
        Advisor.Result r = DesignRun.inMemory(capped, world, 1);
        assertEquals("4", r.recommended().candidate().key(), "x = 5 (index 4) is the most out within the bound");
        Advisor.Scored beyond = DesignReport.bestBeyondTheBounds(r);
        assertTrue(beyond != null && !beyond.feasible() && beyond.objectives()[0] > r.recommended().objectives()[0],
                "a design beyond the bound got more out: " + beyond);
        DesignSpec free = new DesignSpec("d", "q", Path.of("b.yaml"), Path.of("d.yaml"),
                List.of(new DesignSpec.Lever("x", xs, true)), List.of(new DesignSpec.Objective("evacuated", "mean", true)),
                List.of(new DesignSpec.Constraint("killed", true, 1000, 0.95)), null, List.of(),
                new DesignSpec.Search(3, 8, 8, List.of(2, 4), 0.5), null, List.of());
        assertNull(DesignReport.bestBeyondTheBounds(DesignRun.inMemory(free, world, 1)), "no bound binds: nothing to cost");
    }
}
