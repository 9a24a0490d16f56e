package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * The Jansen estimators on the Saltelli scheme recover the known indices of the Ishigami
 * function f = sin x1 + a sin^2 x2 + b x3^4 sin x1 (a = 7, b = 0.1, x uniform on [-pi, pi]^3;
 * Ishigami and Homma 1990), whose variance decomposition is analytic:
 * V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2, V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8, V3 = 0,
 * V13 = b^2 pi^8 (1/18 - 1/50), all other terms 0.
 */
class SobolIndicesTest {

    private static final double A = 7;
    private static final double B = 0.1;
    private static final double PI = Math.PI;
    private static final double V1 = 0.5 * Math.pow(1 + B * Math.pow(PI, 4) / 5, 2);
    private static final double V2 = A * A / 8;
    private static final double V13 = B * B * Math.pow(PI, 8) * (1.0 / 18 - 1.0 / 50);
    private static final double V = V1 + V2 + V13;
    private static final double[] FIRST = {V1 / V, V2 / V, 0};
    private static final double[] TOTAL = {(V1 + V13) / V, V2 / V, V13 / V};

    static double ishigami(double[] u) {
        double x1 = -PI + 2 * PI * u[0];
        double x2 = -PI + 2 * PI * u[1];
        double x3 = -PI + 2 * PI * u[2];
        return Math.sin(x1) + A * Math.pow(Math.sin(x2), 2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    static List<SobolIndices.Index> indices(double[][] base) {
        double[][] points = Design.saltelli(base, 3);
        double[] f = new double[points.length];
        for (int p = 0; p < points.length; p++) {
            f[p] = ishigami(points[p]);
        }
        return SobolIndices.estimate(f, 3, 42);
    }

    @Test
    void analyticValuesAreTheTextbookOnes() {
        assertEquals(0.3139, FIRST[0], 1e-4);
        assertEquals(0.4424, FIRST[1], 1e-4);
        assertEquals(0.5576, TOTAL[0], 1e-4);
        assertEquals(0.2437, TOTAL[2], 1e-4);
    }

    @Test
    void sobolSequenceDesignRecoversIshigamiIndices() {
        List<SobolIndices.Index> got = indices(UnitSamples.sobol(8192, 6));
        for (int i = 0; i < 3; i++) {
            SobolIndices.Index x = got.get(i);
            assertEquals(FIRST[i], x.first(), 0.02, "S" + (i + 1));
            assertEquals(TOTAL[i], x.total(), 0.02, "ST" + (i + 1));
            assertTrue(x.firstLow() <= x.first() && x.first() <= x.firstHigh(), "S interval holds its estimate");
            assertTrue(x.totalLow() <= x.total() && x.total() <= x.totalHigh(), "ST interval holds its estimate");
            assertTrue(x.firstLow() - 0.01 <= FIRST[i] && FIRST[i] <= x.firstHigh() + 0.01, "S" + (i + 1)
                    + " interval " + x.firstLow() + ".." + x.firstHigh() + " near " + FIRST[i]);
            assertTrue(x.totalLow() - 0.01 <= TOTAL[i] && TOTAL[i] <= x.totalHigh() + 0.01, "ST" + (i + 1)
                    + " interval " + x.totalLow() + ".." + x.totalHigh() + " near " + TOTAL[i]);
        }
    }

    @Test
    void latinHypercubeDesignRecoversIshigamiIndices() {
        List<SobolIndices.Index> got = indices(UnitSamples.latinHypercube(8192, 6, new MersenneTwister(7)));
        for (int i = 0; i < 3; i++) {
            assertEquals(FIRST[i], got.get(i).first(), 0.05, "S" + (i + 1));
            assertEquals(TOTAL[i], got.get(i).total(), 0.05, "ST" + (i + 1));
        }
    }

    @Test
    void intervalsNarrowWithMoreSamples() {
        SobolIndices.Index small = indices(UnitSamples.sobol(256, 6)).get(0);
        SobolIndices.Index large = indices(UnitSamples.sobol(4096, 6)).get(0);
        assertTrue(large.totalHigh() - large.totalLow() < (small.totalHigh() - small.totalLow()) / 2);
    }

    @Test
    void anOutputThatDoesNotVaryHasNoIndices() {
        double[] f = new double[5 * 4];
        SobolIndices.Index x = SobolIndices.estimate(f, 2, 1).get(0);
        assertTrue(Double.isNaN(x.first()) && Double.isNaN(x.total()));
    }

    @Test
    void bootstrapIsReproducible() {
        double[][] base = UnitSamples.sobol(128, 6);
        assertEquals(indices(base), indices(base));
    }
}
