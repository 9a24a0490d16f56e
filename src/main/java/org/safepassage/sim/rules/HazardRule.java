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
}
