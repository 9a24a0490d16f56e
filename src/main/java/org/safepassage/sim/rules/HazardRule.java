package org.safepassage.sim.rules;

import org.safepassage.scenario.Hazards;

/** ODD 7.4 (MODEL.md 6.4): violent deaths and injuries. */
public final class HazardRule {

    private HazardRule() {
    }

    /**
     * Deaths per person-hour at home in a neighbourhood: base rate × neighbourhood factor,
     * × the violation factor while a pause is open.
     */
    public static double deathsPerPersonHour(Hazards h, double neighbourhoodFactor, boolean pauseOpen) {
        return h.deathsPerPersonDay() / 24.0 * neighbourhoodFactor * (pauseOpen ? h.pauseViolationFactor() : 1.0);
    }

    /** Exposure of a household phase relative to staying at home. */
    public static double exposure(Hazards h, int phase) {
        return switch (phase) {
            case 2 -> h.movingExposure();
            case 3 -> h.queuedExposure();
            default -> 1.0;
        };
    }

    /** Expected deaths in a tick among {@code persons} of one phase: persons × rate × exposure × tick hours. */
    public static double expectedDeaths(long persons, double deathsPerPersonHour, double exposure, double tickHours) {
        return persons * deathsPerPersonHour * exposure * tickHours;
    }

    /** Expected deaths in a tick in a queue during a clash: queued persons × clash death rate × tick hours. */
    public static double expectedClashDeaths(Hazards h, long queuedPersons, double tickHours) {
        return queuedPersons * h.clashDeathsPerPersonHour() * tickHours;
    }

    /** Weight of a household as a victim: members × neighbourhood factor × exposure of its phase. */
    public static double victimWeight(int members, double neighbourhoodFactor, double exposure) {
        return members * neighbourhoodFactor * exposure;
    }

    /** Member groups a victim is drawn from: adult (a military-age man is an adult), child, elderly, wounded. */
    public static final int ADULT = 0;
    public static final int CHILD = 1;
    public static final int ELDERLY = 2;
    public static final int WOUNDED = 3;

    /** The group of the member killed in a household: uniform over its members, by the uniform u. */
    public static int victimGroup(int adults, int children, int elderly, int wounded, double u) {
        double x = u * (adults + children + elderly + wounded);
        if (x < adults) {
            return ADULT;
        }
        x -= adults;
        if (x < children) {
            return CHILD;
        }
        x -= children;
        if (x < elderly) {
            return ELDERLY;
        }
        return WOUNDED;
    }

    /** The group of the member injured in a household: uniform over its unwounded members; -1 when all are wounded. */
    public static int injuredGroup(int adults, int children, int elderly, double u) {
        int unwounded = adults + children + elderly;
        if (unwounded == 0) {
            return -1;
        }
        double x = u * unwounded;
        return x < adults ? ADULT : x < adults + children ? CHILD : ELDERLY;
    }
}
