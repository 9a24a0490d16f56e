package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class UnitSamplesTest {

    @Test
    void latinHypercubeHasOnePointInEachStratumOfEachDimension() {
        int n = 50;
        int k = 4;
        double[][] x = UnitSamples.latinHypercube(n, k, new MersenneTwister(3));
        assertEquals(n, x.length);
        for (int d = 0; d < k; d++) {
            int[] strata = new int[n];
            for (double[] row : x) {
                assertTrue(row[d] >= 0 && row[d] < 1);
                strata[(int) Math.floor(row[d] * n)]++;
            }
            int[] ones = new int[n];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, strata, "dimension " + d);
        }
    }

    @Test
    void latinHypercubeDimensionsAreNotMatchedInOrder() {
        double[][] x = UnitSamples.latinHypercube(50, 2, new MersenneTwister(3));
        int sameStratum = 0;
        for (double[] row : x) {
            if ((int) (row[0] * 50) == (int) (row[1] * 50)) {
                sameStratum++;
            }
        }
        assertTrue(sameStratum < 10, "columns are independently permuted, not paired stratum by stratum");
    }

    @Test
    void sobolSequenceSkipsTheOriginAndFillsTheCubeEvenly() {
        double[][] x = UnitSamples.sobol(1024, 3);
        assertTrue(Arrays.stream(x[0]).allMatch(v -> v == 0.5), "the first point after the origin is the centre");
        for (int d = 0; d < 3; d++) {
            int[] quarters = new int[4];
            for (double[] row : x) {
                quarters[(int) (row[d] * 4)]++;
            }
            for (int q : quarters) {
                assertTrue(Math.abs(q - 256) <= 1, "each quarter holds a quarter of the points: " + q);
            }
        }
    }
}
