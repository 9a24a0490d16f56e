package org.safepassage.sim;

import org.safepassage.scenario.Event;

/**
 * ODD 7.1 "Push": the state of a besieger's push by neighbourhood. Evacuation orders in force
 * (from an order's time on, for its neighbourhood or the whole district) and the bombardment
 * factor of the schedule (the factor of the latest bombardment event covering the
 * neighbourhood, 1 before any). Changed only by the calendar phase's events; read by the
 * hazard phase (death rate) and the decision phase (the order and heavy-shelling terms).
 */
final class Push {
    private final District d;
    private final boolean[] ordered;
    private final double[] bombardmentFactor;

    Push(District d, int hoods) {
        this.d = d;
        this.ordered = new boolean[hoods];
        this.bombardmentFactor = new double[hoods];
        java.util.Arrays.fill(bombardmentFactor, 1.0);
    }

    /**
     * An evacuation order: from now on it is in force in its neighbourhood (or every one), and
     * every household at home there knows of it and of the ways out (orders came by leaflet,
     * text and call to the whole area).
     */
    void order(Event e) {
        int target = target(e);
        Households hh = d.households;
        for (int n = 0; n < ordered.length; n++) {
            ordered[n] |= target < 0 || target == n;
        }
        for (int h = 0; h < hh.count; h++) {
            if (HouseholdPhase.inside(hh.phase[h]) && ordered[d.grid.neighbourhood[hh.home[h]]]) {
                hh.set(h, Households.AWARE, true);
            }
        }
        d.note("evacuation order by " + e.by() + " for " + (e.wholeDistrict() ? "the whole district" : e.target()));
    }

    /** A bombardment change: from now on its factor multiplies the base death rate in its neighbourhood (or every one). */
    void bombard(Event e) {
        int target = target(e);
        for (int n = 0; n < bombardmentFactor.length; n++) {
            if (target < 0 || target == n) {
                bombardmentFactor[n] = e.factor();
            }
        }
        d.note("bombardment x" + e.factor() + " in " + (e.wholeDistrict() ? "the whole district" : e.target()));
    }

    /** Whether an evacuation order is in force in neighbourhood n. */
    boolean ordered(int n) {
        return ordered[n];
    }

    /** The bombardment schedule's factor in neighbourhood n now (1 before any bombardment event). */
    double bombardmentFactor(int n) {
        return bombardmentFactor[n];
    }

    private int target(Event e) {
        return e.wholeDistrict() ? -1 : d.scenario.map().neighbourhoodIndex(e.target());
    }
}
