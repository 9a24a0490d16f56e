package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Discrepancy;

/** The band with model error: weighted percentiles, the runs shifted by every residual, the chance of N+. */
class ModelErrorTest {

    private static Discrepancy residuals(double... valueWeight) {
        List<Discrepancy.Residual> r = new java.util.ArrayList<>();
        for (int i = 0; i < valueWeight.length; i += 2) {
            r.add(new Discrepancy.Residual("e" + i, i, valueWeight[i], valueWeight[i + 1]));
        }
        return new Discrepancy(r, Map.of());
    }

    @Test
    void weightedPercentilesAreTheInverseDistributionFunction() {
        double[] v = {2, -1, 1, 0};
        double[] equal = {1, 1, 1, 1};
        assertEquals(-1, ModelError.quantile(v, equal, 0.05));
        assertEquals(-1, ModelError.quantile(v, equal, 0.25), "cumulative 1/4 reaches 0.25 at -1");
        assertEquals(0, ModelError.quantile(v, equal, 0.26));
        assertEquals(0, ModelError.quantile(v, equal, 0.5));
        assertEquals(2, ModelError.quantile(v, equal, 0.95));
        double[] weighted = {1, 3, 0, 1}; // 2 weighs 1, -1 weighs 3, 1 weighs nothing, 0 weighs 1
        assertEquals(-1, ModelError.quantile(v, weighted, 0.5), "3 of 5 at -1");
        assertEquals(0, ModelError.quantile(v, weighted, 0.7));
        assertEquals(2, ModelError.quantile(v, weighted, 0.95), "a residual of weight 0 is never a percentile");
    }

    @Test
    void eachRunIsMovedByEveryResidualWithinZeroAndTheCap() {
        // 90 persons out; residuals -1, 0, +1 (log10): (90 + 10) x 10^d - 10 = 0, 90, 990
        ModelError e = ModelError.of(new double[] {90}, residuals(-1, 1, 0, 1, 1, 1), Double.POSITIVE_INFINITY);
        assertEquals(0, e.p5(), 1e-9);
        assertEquals(90, e.median(), 1e-9);
        assertEquals(990, e.p95(), 1e-9);
        assertEquals(2.0 / 3, e.chanceAtLeast(90), 1e-12);
        assertEquals(1.0 / 3, e.chanceAtLeast(91), 1e-12);
        assertEquals(360, e.mean(), 1e-9);
        assertEquals(500, ModelError.of(new double[] {90}, residuals(-1, 1, 0, 1, 1, 1), 500).p95(), 1e-9,
                "never more than the people there were");
        assertEquals(0, ModelError.shifted(0, -2, 1e9), "never below nobody");
    }

    @Test
    void theResidualsWeightsCountAndTheRunsWeighTheSame() {
        // a residual of weight 3 against one of weight 1: three quarters of the mixture is moved by it
        ModelError e = ModelError.of(new double[] {0, 0}, residuals(1, 3, 0, 1), Double.POSITIVE_INFINITY);
        assertEquals(0.75, e.chanceAtLeast(90), 1e-12);
        assertEquals(90, e.median(), 1e-9);
    }

    @Test
    void theBandDoesNotDependOnTheOrderOfRunsOrResiduals() {
        Discrepancy d = residuals(0.3, 1, -0.7, 0.5, 1.2, 2, 0, 1);
        List<Discrepancy.Residual> back = new java.util.ArrayList<>(d.residuals());
        java.util.Collections.reverse(back);
        Discrepancy reversed = new Discrepancy(back, Map.of());
        ModelError a = ModelError.of(new double[] {5, 500, 50, 5000}, d, 1e6);
        ModelError b = ModelError.of(new double[] {5000, 50, 5, 500}, reversed, 1e6);
        for (double p : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
            assertEquals(a.quantile(p), b.quantile(p));
        }
        assertEquals(a.variance(), b.variance(), 1e-6);
    }

    @Test
    void theModelErrorsShareIsWhatItAddsToTheRunsVariance() {
        double[] runs = {100, 200};
        assertEquals(0, ModelError.of(runs, residuals(0, 1), 1e9).shareOfVariance(runs), 1e-12, "no error, no share");
        double share = ModelError.of(runs, residuals(-0.5, 1, 0.5, 1), 1e9).shareOfVariance(runs);
        double own = Math.pow((Math.log10(210) - Math.log10(110)) / 2, 2);
        assertEquals(0.25 / (own + 0.25), share, 1e-9, "on log10(x + 10) the residuals' variance (0.5 squared) adds "
                + "to the runs' own");
        assertThrows(IllegalArgumentException.class, () -> ModelError.of(runs, residuals(1, 0), 1e9));
    }

    @Test
    void leavingAnEpisodeOutDropsEveryOneOfItsResidualsAndNoOther() {
        Discrepancy d = new Discrepancy(List.of(new Discrepancy.Residual("a", 1, 0.1, 0.5),
                new Discrepancy.Residual("b", 1, 0.2, 1), new Discrepancy.Residual("a", 2, 0.3, 0.5)), Map.of());
        assertEquals(List.of(0.2), java.util.Arrays.stream(d.without("a").values()).boxed().toList());
        assertEquals(List.of(0.1, 0.3), java.util.Arrays.stream(d.without("b").values()).boxed().toList());
        assertEquals(3, d.without("c").residuals().size());
    }
}
