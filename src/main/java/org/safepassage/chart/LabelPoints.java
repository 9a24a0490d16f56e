package org.safepassage.chart;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.Grid;

/** Where to write the names of areas on a map (neighbourhoods, safe areas). */
final class LabelPoints {

    private LabelPoints() {
    }

    /**
     * Where to write each label's name: the cell of that label farthest from cells of other
     * labels (by a breadth-first distance over 4-neighbours), ties broken towards the label's
     * centroid, so that names sit well inside their area even when it is a ring or an L.
     * Only cells on the safe side count when {@code safeOnly}, only cells inside otherwise.
     */
    static List<Point2D> innermost(int[] label, int count, Grid g, boolean safeOnly) {
        int cells = label.length;
        int[] own = new int[cells];
        for (int c = 0; c < cells; c++) {
            boolean safe = g.terrain(c) == Terrain.SAFE;
            own[c] = label[c] >= 0 && label[c] < count && safe == safeOnly ? label[c] : -1;
        }
        int[] dist = new int[cells];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[cells];
        int head = 0;
        int tail = 0;
        int[] nb = new int[4];
        for (int c = 0; c < cells; c++) {
            if (own[c] < 0) {
                continue;
            }
            int n = g.neighbours(c, nb);
            boolean border = n < 4;
            for (int i = 0; i < n && !border; i++) {
                border = own[nb[i]] != own[c];
            }
            if (border) {
                dist[c] = 0;
                queue[tail++] = c;
            }
        }
        while (head < tail) {
            int c = queue[head++];
            int n = g.neighbours(c, nb);
            for (int i = 0; i < n; i++) {
                int m = nb[i];
                if (own[m] == own[c] && dist[m] < 0) {
                    dist[m] = dist[c] + 1;
                    queue[tail++] = m;
                }
            }
        }
        double[] sx = new double[count];
        double[] sy = new double[count];
        long[] size = new long[count];
        for (int c = 0; c < cells; c++) {
            if (own[c] >= 0) {
                sx[own[c]] += c % g.width + 0.5;
                sy[own[c]] += c / g.width + 0.5;
                size[own[c]]++;
            }
        }
        int[] best = new int[count];
        java.util.Arrays.fill(best, -1);
        double[] bestCentroidDistance = new double[count];
        for (int c = 0; c < cells; c++) {
            int l = own[c];
            if (l < 0) {
                continue;
            }
            double dx = c % g.width + 0.5 - sx[l] / size[l];
            double dy = c / g.width + 0.5 - sy[l] / size[l];
            double dd = dx * dx + dy * dy;
            int b = best[l];
            // an area reaching the edge of the map may have no border at all: then nearest the centroid
            int dc = Math.max(0, dist[c]);
            int db = b < 0 ? -1 : Math.max(0, dist[b]);
            if (b < 0 || dc > db || (dc == db && dd < bestCentroidDistance[l])) {
                best[l] = c;
                bestCentroidDistance[l] = dd;
            }
        }
        List<Point2D> out = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            out.add(best[l] < 0 ? null : new Point2D.Double(best[l] % g.width + 0.5, best[l] / g.width + 0.5));
        }
        return out;
    }
}
