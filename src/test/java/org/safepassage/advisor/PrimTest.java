package org.safepassage.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PRIM on cases whose answer is known by construction: a full grid over three inputs in [0, 1]
 * (11 x 11 x 5 points), the cases of interest exactly those with x1 {@literal <=} 0.3 and x2 {@literal >=} 0.6. Peeling
 * must find that box (density 1, every case of interest inside) and leave x3 alone; and each
 * step of the trajectory must not lower the density (peeling removes the worst slice).
 */
class PrimTest {

    @Test
    void peelingFindsAKnownBox() {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> hits = new ArrayList<>();
        for (int a = 0; a <= 10; a++) {
            for (int b = 0; b <= 10; b++) {
                for (int c = 0; c <= 4; c++) {
                    double x1 = a / 10.0;
                    double x2 = b / 10.0;
                    rows.add(new double[] {x1, x2, c / 4.0});
                    hits.add(x1 <= 0.3 + 1e-9 && x2 >= 0.6 - 1e-9);
                }
            }
        }
        double[][] x = rows.toArray(double[][]::new);
        boolean[] y = new boolean[hits.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = hits.get(i);
        }
        List<Prim.Box> trajectory = Prim.peel(x, y, 0.05, 0.05);
        for (int i = 1; i < trajectory.size(); i++) {
            assertTrue(trajectory.get(i).density() >= trajectory.get(i - 1).density() - 1e-12, "step " + i);
        }
        Prim.Box box = Prim.choose(trajectory, 0.5);
        assertEquals(1.0, box.density(), 1e-12);
        assertEquals(1.0, box.coverage(), 1e-12, "every case of interest inside");
        assertEquals(0.3, box.upper()[0], 1e-12);
        assertEquals(0.6, box.lower()[1], 1e-12);
        assertFalse(box.restricts(2), "x3 does not matter");
        assertEquals(4 * 5 * 5 / (double) x.length, box.mass(), 1e-12);
    }

    @Test
    void theSentenceNamesTheBox() {
        Prim.Box box = new Prim.Box(new double[] {Double.NaN, 20}, new double[] {0.25, Double.NaN}, 0.8, 0.9, 0.2);
        String s = Discovery.sentence("evacuated below 10000", 12, 50, List.of("credibility", "pause hours"), box);
        assertEquals("It has evacuated below 10000 in 12 of 50 states of the world; it does so in 90 % of the states "
                + "where credibility is at most 0.25 and pause hours is at least 20 (80 % of its failures, 20 % of the "
                + "states).", s);
    }
}
