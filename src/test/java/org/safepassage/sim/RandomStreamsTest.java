package org.safepassage.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.safepassage.sim.RandomStreams.Purpose;

/** What {@link RandomStreams} promises: streams by purpose that do not disturb each other, and per-household draws that are pure functions. */
class RandomStreamsTest {

    @Test
    void aPurposesStreamDoesNotDependOnHowMuchOthersAreUsed() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        for (int i = 0; i < 1000; i++) {
            b.generator(Purpose.HAZARDS).nextDouble();
            b.generator(Purpose.MOVEMENT).nextInt(10);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(a.generator(Purpose.FIGHTERS).nextDouble(), b.generator(Purpose.FIGHTERS).nextDouble());
        }
        assertNotEquals(new RandomStreams(42).generator(Purpose.FIGHTERS).nextDouble(),
                new RandomStreams(42).generator(Purpose.HAZARDS).nextDouble(), "purposes have their own streams");
        assertNotEquals(new RandomStreams(42).generator(Purpose.FIGHTERS).nextDouble(),
                new RandomStreams(43).generator(Purpose.FIGHTERS).nextDouble(), "seeds give other streams");
    }

    @Test
    void householdDrawsArePureFunctionsOfSeedPurposeHouseholdTickAndDraw() {
        RandomStreams a = new RandomStreams(7);
        RandomStreams b = new RandomStreams(7);
        b.uniform(Purpose.DECISIONS, 5, 3, 0);
        b.generator(Purpose.DECISIONS).nextDouble();
        assertEquals(a.uniform(Purpose.DECISIONS, 12, 100, 1), b.uniform(Purpose.DECISIONS, 12, 100, 1));
        double u = a.uniform(Purpose.DECISIONS, 12, 100, 1);
        assertNotEquals(u, a.uniform(Purpose.INFORMATION, 12, 100, 1));
        assertNotEquals(u, a.uniform(Purpose.DECISIONS, 13, 100, 1));
        assertNotEquals(u, a.uniform(Purpose.DECISIONS, 12, 101, 1));
        assertNotEquals(u, a.uniform(Purpose.DECISIONS, 12, 100, 2));
        assertNotEquals(u, new RandomStreams(8).uniform(Purpose.DECISIONS, 12, 100, 1));
    }

    @Test
    void aPurposesHouseholdDrawsWorkedOutAheadAreTheSameNumbers() {
        RandomStreams r = new RandomStreams(11);
        RandomStreams.HouseholdDraws draws = r.forHouseholds(RandomStreams.Purpose.DECISIONS, 500);
        for (int h = 0; h < 500; h += 7) {
            for (long t = 0; t < 3000; t += 131) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(r.uniform(RandomStreams.Purpose.DECISIONS, h, t, k), draws.uniform(h, t, k));
                }
            }
        }
    }

    @Test
    void householdDrawsAreUniformOnTheOpenUnitInterval() {
        RandomStreams r = new RandomStreams(1);
        double[] sample = new double[20_000];
        int i = 0;
        for (int h = 0; h < 200; h++) {
            for (int t = 0; t < 100; t++) {
                double u = r.uniform(Purpose.DECISIONS, h, t, 0);
                assertTrue(u > 0 && u < 1);
                sample[i++] = u;
            }
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new org.apache.commons.math3.distribution.UniformRealDistribution(0, 1), sample);
        assertTrue(p > 1e-4, "Kolmogorov-Smirnov p = " + p);
        // neighbouring households at the same tick are not correlated
        double sum = 0;
        for (int h = 0; h < 10_000; h++) {
            sum += (r.uniform(Purpose.HAZARDS, h, 5, 0) - 0.5) * (r.uniform(Purpose.HAZARDS, h + 1, 5, 0) - 0.5);
        }
        double correlation = sum / 10_000 * 12;
        assertTrue(Math.abs(correlation) < 4 / Math.sqrt(10_000), "correlation " + correlation);
    }
}
