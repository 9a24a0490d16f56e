package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The variance split of {@link Spread} on samples whose sources are known. */
class SpreadTest {

    @Test
    void membersThatShiftTheAnswerTakeTheParametersShare() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 300;
        double[] y = new double[n];
        int[] member = new int[n];
        List<double[]> none = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            member[r] = r % 3;
            y[r] = 100 * member[r] + rng.nextGaussian() * 10; // between-member variance 6,667, noise 100
            none.add(new double[0]);
        }
        double[] s = Spread.shares(y, member, none);
        assertEquals(0.985, s[1], 0.01, "parameters");
        assertEquals(0.0, s[2], 1e-12, "no ranges, no inputs share");
        assertEquals(1.0, s[0] + s[1] + s[2], 1e-12);
    }

    @Test
    void anInputThatDrivesTheAnswerTakesTheInputsShare() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 300;
        double[] y = new double[n];
        int[] member = new int[n];
        List<double[]> q = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double u = rng.nextDouble();
            q.add(new double[] {u, rng.nextDouble()});
            member[r] = -1;
            y[r] = 1000 * u + rng.nextGaussian() * 100; // input variance 83,333, noise 10,000
        }
        double[] s = Spread.shares(y, member, q);
        assertEquals(0.0, s[1], 1e-12);
        assertEquals(0.89, s[2], 0.05, "inputs");
        assertTrue(s[0] > 0.05 && s[0] < 0.2, "seeds " + s[0]);
    }

    @Test
    void pureNoiseIsAllSeeds() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 300;
        double[] y = new double[n];
        int[] member = new int[n];
        List<double[]> q = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            y[r] = rng.nextGaussian();
            member[r] = r % 4;
            q.add(new double[] {rng.nextDouble()});
        }
        double[] s = Spread.shares(y, member, q);
        assertTrue(s[0] > 0.9, "seeds " + s[0]);
    }
}
