package org.safepassage.sim;

import java.util.Arrays;
import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.rules.FrontFlightRule;

/**
 * Where the front line runs now (ODD 7.8): metres from every cell to the nearest front cell
 * (terrain {@code front}, or a cell of a neighbourhood lost to a front shift), by 4-neighbour
 * steps of one cell each, with each cell's chance per tick of a household there fleeing, and
 * the built-up cells of held neighbourhoods beyond the front's reach (where those who flee
 * inwards go). Recomputed when the map changes.
 */
final class FrontLine {
    private final District d;
    private final Behaviour.FrontFlight flight;
    private int version = -1;
    /** Per cell, the chance per tick of a household at home there fleeing. */
    private double[] fleeInTick;
    private final IntList deepCells = new IntList();

    FrontLine(District d) {
        this.d = d;
        this.flight = d.scenario.behaviour().front();
    }

    /** Recomputes the line when the map changed since the last call. */
    void update() {
        if (version == d.mapVersion()) {
            return;
        }
        version = d.mapVersion();
        double[] metres = metresToFront();
        fleeInTick = new double[metres.length];
        for (int c = 0; c < metres.length; c++) {
            fleeInTick[c] = FrontFlightRule.probabilityInTick(flight, metres[c], d.tickHours);
        }
        deepCells.clear();
        for (int n = 0; n < d.hoods; n++) {
            if (d.lost(n)) {
                continue;
            }
            for (int c : d.builtCells[n]) {
                if (FrontFlightRule.outOfReach(metres[c], flight.reachMetres())) {
                    deepCells.add(c);
                }
            }
        }
    }

    double fleeInTick(int cell) {
        return fleeInTick[cell];
    }

    /** A built-up cell of a held neighbourhood beyond the front's reach chosen by a uniform draw, or -1 if none. */
    int deepCell(double uniform) {
        return deepCells.size() == 0 ? -1 : deepCells.get((int) (uniform * deepCells.size()));
    }

    /** Breadth-first metres from the front cells (infinite when there are none). */
    private double[] metresToFront() {
        Grid g = d.grid;
        int[] steps = new int[g.cells()];
        Arrays.fill(steps, -1);
        int[] queue = new int[g.cells()];
        int tail = 0;
        for (int c = 0; c < g.cells(); c++) {
            int n = g.neighbourhood[c];
            if (g.terrain[c] == Terrain.FRONT || (n >= 0 && d.lost(n))) {
                steps[c] = 0;
                queue[tail++] = c;
            }
        }
        int[] around = new int[4];
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            int k = g.neighbours(c, around);
            for (int i = 0; i < k; i++) {
                if (steps[around[i]] < 0) {
                    steps[around[i]] = steps[c] + 1;
                    queue[tail++] = around[i];
                }
            }
        }
        double[] metres = new double[g.cells()];
        for (int c = 0; c < metres.length; c++) {
            metres[c] = steps[c] < 0 ? Double.POSITIVE_INFINITY : steps[c] * g.cellMeters;
        }
        return metres;
    }
}
