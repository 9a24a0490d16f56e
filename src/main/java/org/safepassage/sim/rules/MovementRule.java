package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Terrain;

/** ODD 7.6 (MODEL.md 6.6): walking, crowding and queue service. */
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

    /**
     * Slack when comparing persons with the capacity carried over: the carry is a sum of
     * fractions such as 100/12 whose floating-point rounding would otherwise leave it a hair
     * below a whole person (8 1/3 three times giving 24.999… and serving 24, not 25).
     */
    public static final double CARRY_SLACK_PERSONS = 1e-9;

    /** Terrain factor of walking speed: street 1, built, rubble and front their factors, blocked and safe 0 (impassable). */
    public static double terrainFactor(Behaviour.Movement m, Terrain t) {
        return switch (t) {
            case STREET -> 1.0;
            case BUILT -> m.builtFactor();
            case RUBBLE -> m.rubbleFactor();
            case FRONT -> m.frontFactor();
            default -> 0.0;
        };
    }

    /** Free-speed minutes to cross a cell: cell metres / (walking metres per minute × terrain factor); infinite when impassable. */
    public static float crossMinutes(Behaviour.Movement m, Terrain t, double cellMeters) {
        double factor = terrainFactor(m, t);
        return factor > 0 ? (float) (cellMeters / (m.walkingMetresPerMinute() * factor)) : Float.POSITIVE_INFINITY;
    }

    /** Persons (or fighters) a corridor serves in one tick: capacity per hour × tick hours (the unused part carries over). */
    public static double capacityInTick(double capacityPersonsPerHour, double tickHours) {
        return capacityPersonsPerHour * tickHours;
    }

    /** Whether a household of {@code persons} fits in the capacity carried over (with {@link #CARRY_SLACK_PERSONS}). */
    public static boolean fits(int persons, double carryPersons) {
        return persons <= carryPersons + CARRY_SLACK_PERSONS;
    }

    /** Whole fighters the carried capacity lets through (with {@link #CARRY_SLACK_PERSONS}). */
    public static double wholePersons(double carryPersons) {
        return Math.floor(carryPersons + CARRY_SLACK_PERSONS);
    }
}
