package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Study;

class DesignTest {

    private static final Path TEACHING = Path.of("scenarios/teaching.yaml");

    private static Study study(Study.Design design, int samples, List<Study.Parameter> parameters) {
        return new Study("t", TEACHING, parameters, design, samples, 3, 11, List.of("evacuated"),
                Path.of("study.yaml"));
    }

    @Test
    void factorialHasEveryCombinationOnceWithTheFirstParameterSlowest() {
        Study s = study(Study.Design.FACTORIAL, 0, List.of(
                new Study.Parameter("pauses[pause].duration", List.of("PT6H", "PT11H", "PT24H"), Double.NaN, Double.NaN),
                new Study.Parameter("pauses[pause].notice", List.of("PT0S", "PT12H"), Double.NaN, Double.NaN),
                new Study.Parameter("corridors[0].monitoring", List.of("none", "declarer", "neutral", "none2"),
                        Double.NaN, Double.NaN)));
        Design d = Design.of(s);
        assertEquals(3 * 2 * 4, d.size());
        Set<List<String>> distinct = new HashSet<>();
        d.points().forEach(p -> distinct.add(p.values()));
        assertEquals(24, distinct.size());
        assertEquals(List.of("PT6H", "PT0S", "none"), d.points().get(0).values());
        assertEquals(List.of("PT6H", "PT0S", "declarer"), d.points().get(1).values());
        assertEquals(List.of("PT11H", "PT0S", "none"), d.points().get(8).values());
        assertEquals(List.of("PT24H", "PT12H", "none2"), d.points().get(23).values());
        assertEquals(72, new SweepPlan(d, SweepPlan.Shard.WHOLE).totalTasks());
        assertTrue(!d.isSaltelli());
    }

    @Test
    void saltelliMatrixTakesColumnIFromBIntoA() {
        double[][] base = {{0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, {0.11, 0.21, 0.31, 0.71, 0.81, 0.91}};
        double[][] m = Design.saltelli(base, 3);
        assertEquals(2 * 5, m.length);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, m[0]);
        assertArrayEquals(new double[] {0.7, 0.8, 0.9}, m[1]);
        assertArrayEquals(new double[] {0.7, 0.2, 0.3}, m[2]);
        assertArrayEquals(new double[] {0.1, 0.8, 0.3}, m[3]);
        assertArrayEquals(new double[] {0.1, 0.2, 0.9}, m[4]);
        assertArrayEquals(new double[] {0.11, 0.21, 0.91}, m[9]);
    }

    @Test
    void rangeDesignsScaleToTheRangeAndRoundWholeNumberKeys() {
        for (Study.Design kind : List.of(Study.Design.LHS, Study.Design.SOBOL)) {
            Design d = Design.of(study(kind, 8, List.of(
                    new Study.Parameter("pauses[pause].credibility", List.of(), 0.2, 0.8),
                    new Study.Parameter("population.persons", List.of(), 1000, 3000))));
            assertTrue(d.isSaltelli());
            assertEquals(8 * 4, d.size());
            for (Design.Point p : d.points()) {
                double c = Double.parseDouble(p.values().get(0));
                assertTrue(c >= 0.2 && c <= 0.8, kind + " credibility " + c);
                assertTrue(new java.math.BigDecimal(p.values().get(0)).precision() <= 6, "6 significant digits: "
                        + p.values());
                assertTrue(p.values().get(1).matches("\\d+"), "persons is a whole number: " + p.values().get(1));
                long persons = Long.parseLong(p.values().get(1));
                assertTrue(persons >= 1000 && persons <= 3000);
            }
        }
    }

    @Test
    void latinHypercubeDesignDependsOnTheStudySeedOnly() {
        List<Study.Parameter> params = List.of(new Study.Parameter("pauses[pause].credibility", List.of(), 0.2, 0.8));
        Design a = Design.of(study(Study.Design.LHS, 8, params));
        Design b = Design.of(study(Study.Design.LHS, 8, params));
        assertEquals(a.points(), b.points());
    }

    @Test
    void shardsAreDisjointAndCoverThePlan() {
        Design d = Design.of(study(Study.Design.FACTORIAL, 0, List.of(
                new Study.Parameter("pauses[pause].notice", List.of("PT0S", "PT12H", "PT24H"), Double.NaN,
                        Double.NaN))));
        int total = new SweepPlan(d, SweepPlan.Shard.WHOLE).totalTasks();
        int[] seen = new int[total];
        int sum = 0;
        for (int i = 1; i <= 4; i++) {
            SweepPlan shard = new SweepPlan(d, new SweepPlan.Shard(i, 4));
            int[] tasks = shard.pendingTasks(new java.util.BitSet());
            assertEquals(shard.shardTasks(), tasks.length);
            for (int t : tasks) {
                seen[t]++;
            }
            sum += tasks.length;
        }
        assertEquals(total, sum);
        for (int c : seen) {
            assertEquals(1, c);
        }
    }

    @Test
    void everyPointOfAReplicateSharesItsSeed() {
        Design d = Design.of(study(Study.Design.FACTORIAL, 0, List.of(
                new Study.Parameter("pauses[pause].notice", List.of("PT0S", "PT12H"), Double.NaN, Double.NaN))));
        SweepPlan plan = new SweepPlan(d, SweepPlan.Shard.WHOLE);
        for (int r = 0; r < plan.replicates(); r++) {
            assertEquals(Seeds.runSeed(11, r), plan.seed(r));
        }
        assertEquals(3, new HashSet<>(plan.seeds()).size());
    }
}
