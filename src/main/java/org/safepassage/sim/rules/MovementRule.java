package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;

/** MODEL.md 6.6: walking speed of a household. */
public final class MovementRule {

    private MovementRule() {
    }

    /** Speed factor of a household: that of its slowest member group (1 for adults only). */
    public static double speedFactor(Behaviour.Movement m, int children, int elderly, int wounded) {
        double f = 1.0;
        if (children > 0) {
            f = Math.min(f, m.childFactor());
        }
        if (elderly > 0) {
            f = Math.min(f, m.elderlyFactor());
        }
        if (wounded > 0) {
            f = Math.min(f, m.woundedFactor());
        }
        return f;
    }

    /** Most persons a cell holds: crowd limit per m² × cell area. */
    public static double cellCapacityPersons(Behaviour.Movement m, double cellMeters) {
        return m.crowdLimitPersonsPerSquareMetre() * cellMeters * cellMeters;
    }
}
