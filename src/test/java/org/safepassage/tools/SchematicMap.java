package org.safepassage.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a schematic map (terrain layer and neighbourhood layer) for an episode whose
 * geography the model does not need in detail: a rectangle of {@code cols} columns with the
 * safe side on top ({@code safeRows} rows of {@code W}), one row of front line ({@code F})
 * below it, then the neighbourhoods as horizontal bands, the first band nearest the front.
 * Each band starts with a street row; its other rows are built up ({@code #}) with a street
 * column every {@code streetEvery} cells. A street "spine" down the middle column belongs to
 * no neighbourhood, so that it stays passable when a band passes to the other side in a
 * {@code front-shift} event: what is left of the enclave always reaches the front row, where
 * the crossings' entries lie ({@code entryCell: [cols / 2, safeRows]}).
 *
 * <p>Run from the project folder (Java 17 runs a single source file):
 * <pre>
 * java src/test/java/org/safepassage/tools/SchematicMap.java scenarios/maps NAME COLS SAFEROWS STREETEVERY a:ROWS b:ROWS ...
 * </pre>
 * It writes {@code NAME.txt} and {@code NAME-neighbourhoods.txt}. {@code SchematicMapTest}
 * regenerates every schematic map the episode files name and compares it with the file.
 */
public final class SchematicMap {

    /** A band: its symbol on the neighbourhood layer and its number of rows. */
    public record Band(char symbol, int rows) {
    }

    /** Both layers, one string per row. */
    public record Layers(List<String> terrain, List<String> neighbourhoods) {
    }

    private SchematicMap() {
    }

    public static Layers draw(int cols, int safeRows, int streetEvery, List<Band> bands) {
        if (cols < 3 || safeRows < 1 || streetEvery < 2 || bands.isEmpty()) {
            throw new IllegalArgumentException("expected COLS >= 3, SAFEROWS >= 1, STREETEVERY >= 2 and a band");
        }
        int spine = cols / 2;
        List<String> terrain = new ArrayList<>();
        List<String> hoods = new ArrayList<>();
        for (int r = 0; r < safeRows; r++) {
            terrain.add("W".repeat(cols));
            hoods.add(".".repeat(cols));
        }
        terrain.add("F".repeat(cols));
        hoods.add(".".repeat(cols));
        for (Band b : bands) {
            if (b.rows() < 2) {
                throw new IllegalArgumentException("band " + b.symbol() + ": expected at least 2 rows");
            }
            for (int r = 0; r < b.rows(); r++) {
                StringBuilder t = new StringBuilder(cols);
                StringBuilder h = new StringBuilder(cols);
                for (int c = 0; c < cols; c++) {
                    boolean street = r == 0 || c == spine || c % streetEvery == streetEvery / 2;
                    t.append(street ? '.' : '#');
                    h.append(c == spine ? '.' : b.symbol());
                }
                terrain.add(t.toString());
                hoods.add(h.toString());
            }
        }
        return new Layers(terrain, hoods);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 6) {
            System.err.println("usage: SchematicMap DIR NAME COLS SAFEROWS STREETEVERY SYMBOL:ROWS...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String name = args[1];
        List<Band> bands = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            String[] p = args[i].split(":");
            bands.add(new Band(p[0].charAt(0), Integer.parseInt(p[1])));
        }
        Layers l = draw(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), bands);
        Files.writeString(dir.resolve(name + ".txt"), String.join("\n", l.terrain()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + "-neighbourhoods.txt"), String.join("\n", l.neighbourhoods()) + "\n",
                StandardCharsets.UTF_8);
        System.out.println("wrote " + dir.resolve(name + ".txt") + " and " + name + "-neighbourhoods.txt");
    }
}
