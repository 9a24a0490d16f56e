package org.safepassage.sim;

import java.util.Arrays;
import java.util.PriorityQueue;
import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.DistrictMap;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.rules.MovementRule;

/**
 * The district grid during a run: terrain (which front shifts change), neighbourhoods, and
 * for every corridor a distance field (walking minutes to its entry at free speed, by Dijkstra
 * over 4-neighbour moves) with the next cell downhill, recomputed when the map changes.
 */
public final class Grid {

    public final int width;
    public final int height;
    public final double cellMeters;
    final Terrain[] terrain;
    /** Terrain and safe area of the map, for a neighbourhood regained after a front shift. */
    private final Terrain[] mapTerrain;
    private final int[] mapSafeArea;
    final int[] neighbourhood;
    final int[] safeArea;
    /** Minutes to cross one cell at free speed, by cell; infinite where impassable. */
    final float[] crossMinutes;
    /** Per corridor: walking minutes from each cell to the entry. */
    float[][] minutesTo;
    /** Per corridor: the next cell towards the entry, -1 where unreachable. */
    int[][] nextCell;

    public Grid(DistrictMap map, Behaviour.Movement movement, int corridors) {
        width = map.width();
        height = map.height();
        cellMeters = map.cellMeters();
        terrain = map.terrain().clone();
        neighbourhood = map.neighbourhoodOfCell().clone();
        safeArea = map.safeAreaOfCell().clone();
        mapTerrain = terrain.clone();
        mapSafeArea = safeArea.clone();
        crossMinutes = new float[terrain.length];
        minutesTo = new float[corridors][];
        nextCell = new int[corridors][];
        updateCrossing(movement);
    }

    public int cells() {
        return terrain.length;
    }

    /** Terrain of a cell now (front shifts turn cells into safe ground). */
    public Terrain terrain(int cell) {
        return terrain[cell];
    }

    /** Neighbourhood of a cell, -1 for none. */
    public int neighbourhood(int cell) {
        return neighbourhood[cell];
    }

    /** A copy of the neighbourhood of every cell (-1 for none). */
    public int[] neighbourhoodsOfCells() {
        return neighbourhood.clone();
    }

    /** A copy of the safe area of every cell (-1 for none). */
    public int[] safeAreasOfCells() {
        return safeArea.clone();
    }

    /** Safe area of a cell, -1 for none. */
    public int safeArea(int cell) {
        return safeArea[cell];
    }

    /** Neighbourhood n passes to safe area {@code area} (a front shift): its cells become safe ground. */
    void cede(int n, int area) {
        for (int c = 0; c < terrain.length; c++) {
            if (neighbourhood[c] == n && terrain[c] != Terrain.SAFE) {
                terrain[c] = Terrain.SAFE;
                safeArea[c] = area;
            }
        }
    }

    /** Neighbourhood n returns to the enclave (a front regain): its cells take back the map's terrain. */
    void restore(int n) {
        for (int c = 0; c < terrain.length; c++) {
            if (neighbourhood[c] == n) {
                terrain[c] = mapTerrain[c];
                safeArea[c] = mapSafeArea[c];
            }
        }
    }

    /** Free-speed minutes to cross a cell of each terrain (MODEL.md 6.6). */
    void updateCrossing(Behaviour.Movement m) {
        for (int c = 0; c < terrain.length; c++) {
            crossMinutes[c] = MovementRule.crossMinutes(m, terrain[c], cellMeters);
        }
    }

    /** Computes the distance field and next-cell map of corridor {@code k} with entry {@code entry}. */
    public void computeField(int k, int entry) {
        float[] dist = new float[terrain.length];
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        int[] next = new int[terrain.length];
        Arrays.fill(next, -1);
        minutesTo[k] = dist;
        nextCell[k] = next;
        if (entry < 0 || !terrain[entry].passable()) {
            return;
        }
        dist[entry] = 0;
        next[entry] = entry;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        queue.add(new long[] {0, entry});
        int[] neighbours = new int[4];
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int c = (int) top[1];
            float d = Float.intBitsToFloat((int) top[0]);
            if (d > dist[c]) {
                continue;
            }
            int n = neighbours(c, neighbours);
            for (int i = 0; i < n; i++) {
                int from = neighbours[i];
                if (!terrain[from].passable()) {
                    continue;
                }
                // walking from 'from' into c costs half of each cell's crossing time
                float nd = d + 0.5f * (crossMinutes[from] + crossMinutes[c]);
                if (nd < dist[from]) {
                    dist[from] = nd;
                    next[from] = c;
                    queue.add(new long[] {Float.floatToIntBits(nd), from});
                }
            }
        }
    }

    /** Fills {@code out} with the in-grid 4-neighbours of {@code c}; returns how many. */
    public int neighbours(int c, int[] out) {
        int x = c % width;
        int y = c / width;
        int n = 0;
        if (x > 0) {
            out[n++] = c - 1;
        }
        if (x < width - 1) {
            out[n++] = c + 1;
        }
        if (y > 0) {
            out[n++] = c - width;
        }
        if (y < height - 1) {
            out[n++] = c + width;
        }
        return n;
    }

    /** Minutes between the two cells when stepping from {@code from} into {@code to}. */
    public float stepMinutes(int from, int to) {
        return 0.5f * (crossMinutes[from] + crossMinutes[to]);
    }

    /** The next cell from {@code cell} towards the entry of {@code corridor}, -1 where unreachable. */
    public int nextCell(int corridor, int cell) {
        return nextCell[corridor][cell];
    }

    public float minutesTo(int corridor, int cell) {
        return minutesTo[corridor][cell];
    }
}
