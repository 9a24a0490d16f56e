package org.safepassage.sim.rules;

import org.safepassage.scenario.Hazards;

/** MODEL.md 6.4: violent deaths and injuries. */
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
}
