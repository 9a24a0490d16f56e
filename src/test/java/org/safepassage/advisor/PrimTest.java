package org.safepassage.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * PRIM against a published worked example, and on cases whose answer is known by construction: a full grid over three inputs in [0, 1]
 * (11 x 11 x 5 points), the cases of interest exactly those with x1 {@literal <=} 0.3 and x2 {@literal >=} 0.6. Peeling
 * must find that box (density 1, every case of interest inside) and leave x3 alone; and each
 * step of the trajectory must not lower the density (peeling removes the worst slice).
 */
class PrimTest {

    /**
     * The published example (src/test/resources/prim/README.md): Bryant and Lempert's 882 biofuel
     * runs, 89 of interest, nine inputs, peeling alpha 0.1 and the smallest box 0.05 of the cases as
     * published. Box 21 of the peeling trajectory, as the EMA Workbench's scenario-discovery example
     * prints it (https://emaworkbench.readthedocs.io/en/latest/examples/scenario_discovery.html):
     * coverage 0.752809, density 0.770115, mass 0.0986395, four inputs restricted, with its
     * bounds (printed to six decimals: tolerance 1e-6). Counts: 67 of the 89 cases of interest in
     * a box of 87 runs.
     */
    @Test
    void reproducesBox21OfBryantAndLempert() throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> hits = new ArrayList<>();
        List<String> names;
        try (InputStream in = PrimTest.class.getResourceAsStream("/prim/bryant-lempert-2010.csv");
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            names = csv.getHeaderNames().subList(2, 11);
            for (CSVRecord r : csv) {
                double[] x = new double[9];
                for (int j = 0; j < 9; j++) {
                    x[j] = Double.parseDouble(r.get(2 + j));
                }
                rows.add(x);
                hits.add("1".equals(r.get(15)));
            }
        }
        assertEquals(882, rows.size());
        boolean[] y = new boolean[hits.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = hits.get(i);
        }
        List<Prim.Box> trajectory = Prim.peel(rows.toArray(double[][]::new), y, 0.1, 0.05);
        Prim.Box box = trajectory.get(21);
        assertEquals(0.752809, box.coverage(), 1e-6);
        assertEquals(0.770115, box.density(), 1e-6);
        assertEquals(0.0986395, box.mass(), 1e-7);
        assertEquals(67.0 / 89, box.coverage(), 1e-12);
        assertEquals(87.0 / 882, box.mass(), 1e-12);
        assertEquals(4, box.restricted());
        int biomass = names.indexOf("Total biomass");
        int elasticity = names.indexOf("Demand elasticity");
        int backstop = names.indexOf("Biomass backstop price");
        int cellulosic = names.indexOf("Cellulosic cost");
        assertTrue(box.restricts(biomass) && box.restricts(elasticity) && box.restricts(backstop)
                && box.restricts(cellulosic), "restricted: " + restricted(box, names));
        // each restricted on one side only; the other side is the data's own bound, as printed
        assertTrue(Double.isNaN(box.lower()[biomass]));
        assertEquals(755.799988, box.upper()[biomass], 1e-6);
        assertEquals(-0.422000, box.lower()[elasticity], 1e-6);
        assertTrue(Double.isNaN(box.upper()[elasticity]));
        assertEquals(150.049995, box.lower()[backstop], 1e-6);
        assertTrue(Double.isNaN(box.upper()[backstop]));
        assertEquals(72.650002, box.lower()[cellulosic], 1e-6);
        assertTrue(Double.isNaN(box.upper()[cellulosic]));
    }

    private static List<String> restricted(Prim.Box box, List<String> names) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (box.restricts(j)) {
                out.add(names.get(j) + " [" + box.lower()[j] + ", " + box.upper()[j] + "]");
            }
        }
        return out;
    }

    /** The cut between the values around the quantile's position, never inside a group of ties. */
    @Test
    void theCutLiesBetweenValuesAndSkipsTies() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertEquals(2.5, Prim.cut(v, 0.1), 0, "position 1.0 falls on 2: half-way to the next value, 3");
        assertEquals(9.5, Prim.cut(v, 0.9), 0, "position 9.0 falls on 10: half-way down to 9");
        assertEquals(3.5, Prim.cut(v, 0.25), 0, "position 2.5: between 3 and 4");
        double[] ties = {1, 1, 1, 1, 2, 3};
        assertEquals(1.5, Prim.cut(ties, 0.1), 0, "low peel past the tied 1s");
        assertEquals(2.5, Prim.cut(ties, 0.9), 0);
    }

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
        assertEquals(0.35, box.upper()[0], 1e-12, "half-way between 0.3 and 0.4");
        assertEquals(0.55, box.lower()[1], 1e-12, "half-way between 0.5 and 0.6");
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
