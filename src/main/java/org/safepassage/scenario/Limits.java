package org.safepassage.scenario;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The documented size limits (docs/SCENARIO-FORMAT.md, "Limits") and the estimates they are
 * checked on, so that {@code check} refuses what cannot run before any work starts, instead of a
 * run dying after minutes of an integer overflow or an {@link OutOfMemoryError}.
 *
 * <p>The memory estimate of one run counts the arrays a run allocates: per cell the terrain,
 * neighbourhood, safe area and crossing time (24 bytes) and, per corridor, a distance field and a
 * next-cell field (8 bytes); per household its state (64 bytes); per tick one row of the time
 * series (16 bytes plus 8 per column: 10 columns and two per corridor). It counts the large
 * arrays only, not the JVM's own overhead.
 */
public final class Limits {

    /** Corridors of one scenario: a household keeps its corridor's index in one byte. */
    public static final int MAX_CORRIDORS = 127;
    /** Estimated memory of one run. */
    public static final long MAX_RUN_BYTES = 2L << 30;
    /** Design points of one study (the design is held in memory). */
    public static final long MAX_POINTS = 1_000_000;
    /** Runs of one study (points x replicates). */
    public static final long MAX_RUNS = 100_000_000;

    private static final long BYTES_PER_CELL = 24;
    private static final long BYTES_PER_CELL_AND_CORRIDOR = 8;
    private static final long BYTES_PER_HOUSEHOLD = 64;

    private Limits() {
    }

    /** Estimated bytes one run of {@code s} allocates. */
    public static long runBytes(Scenario s) {
        long cells = s.map().cells();
        long corridors = s.corridors().size();
        double meanSize = Math.max(1.0, s.population().meanHouseholdSize());
        long households = (long) Math.ceil(s.population().persons() / meanSize);
        long ticks = s.clock().horizon().toMinutes() / Math.max(1, s.clock().tickMinutes()) + 1;
        return cells * (BYTES_PER_CELL + BYTES_PER_CELL_AND_CORRIDOR * corridors)
                + households * BYTES_PER_HOUSEHOLD
                + ticks * (16 + 8 * (10 + 2 * corridors));
    }

    /** Estimated bytes of runs.csv for {@code runs} runs of a study varying {@code parameters} key paths. */
    public static long runsCsvBytes(long runs, int parameters) {
        return runs * (300 + 16L * parameters);
    }

    /**
     * Before anything large is read: refuses too many corridors, and a map whose cells and
     * corridors alone exceed {@link #MAX_RUN_BYTES} (its size taken from the length of its first
     * row and the file's size, without reading it). True when something was refused.
     */
    static boolean precheck(YamlNode tree, List<Problem> problems) {
        YamlNode corridors = tree.get("corridors");
        int k = corridors != null && corridors.isSequence() ? corridors.items().size() : 0;
        if (k > MAX_CORRIDORS) {
            problems.add(Fields.at(corridors, "corridors", k + " corridors", "at most " + MAX_CORRIDORS));
            return true;
        }
        YamlNode map = tree.get("map");
        YamlNode file = map != null && map.isMapping() ? map.get("file") : null;
        if (file == null || !file.isScalar() || file.text() == null || file.text().isEmpty()) {
            return false;
        }
        try {
            java.nio.file.Path path = MapReader.fileNamedBy(file);
            if (!java.nio.file.Files.isRegularFile(path)) {
                return false;
            }
            long size = java.nio.file.Files.size(path);
            long width;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
                byte[] head = in.readNBytes(MapReader.MAX_SIDE * 4 + 8);
                int end = 0;
                while (end < head.length && head[end] != '\n') {
                    end++;
                }
                width = Math.max(1, end);
            }
            long cells = width * Math.max(1, size / (width + 1));
            long bytes = cells * (BYTES_PER_CELL + BYTES_PER_CELL_AND_CORRIDOR * k);
            if (bytes > MAX_RUN_BYTES) {
                problems.add(Fields.at(file, "map.file", "one run would need over " + bytes(bytes) + " of memory for "
                        + "the map alone (about " + cells + " cells, " + k + " corridors)", "at most "
                        + bytes(MAX_RUN_BYTES) + " a run (a smaller map or fewer corridors)"));
                return true;
            }
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            return false; // the map reader reports it
        }
        return false;
    }

    /** Checks a bound scenario against the limits; problems are located in {@code tree}. */
    static void check(Scenario s, YamlNode tree, List<Problem> problems) {
        YamlNode corridors = tree.get("corridors");
        if (s.corridors().size() > MAX_CORRIDORS && corridors != null) {
            problems.add(Fields.at(corridors, "corridors", s.corridors().size() + " corridors",
                    "at most " + MAX_CORRIDORS));
            return;
        }
        long bytes = runBytes(s);
        if (bytes > MAX_RUN_BYTES) {
            YamlNode map = tree.get("map");
            YamlNode where = map != null && map.get("file") != null ? map.get("file") : tree;
            problems.add(Fields.at(where, "map.file", "one run would need about " + bytes(bytes) + " of memory ("
                    + s.map().width() + " x " + s.map().height() + " cells, " + s.corridors().size() + " corridors, "
                    + s.population().persons() + " persons, " + s.clock().horizon() + " in "
                    + s.clock().tickMinutes() + "-minute ticks)", "at most " + bytes(MAX_RUN_BYTES)
                    + " a run (a smaller map, fewer corridors or a shorter horizon)"));
        }
    }

    /** Design points of a study: the product of the value counts (factorial) or N (k + 2) (Saltelli). */
    static BigInteger points(Study.Design design, List<Integer> valueCounts, long samples) {
        if (design == Study.Design.FACTORIAL) {
            BigInteger p = BigInteger.ONE;
            for (int n : valueCounts) {
                p = p.multiply(BigInteger.valueOf(n));
            }
            return p;
        }
        return BigInteger.valueOf(samples).multiply(BigInteger.valueOf(valueCounts.size() + 2L));
    }

    /** Memory in binary units, e.g. "12.8 GB" (GiB written GB, as the JVM's -Xmx speaks). */
    public static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f kB", Math.max(1, b / 1024.0));
    }
}
