package org.safepassage.scenario;

/**
 * Violence (MODEL.md 6.4).
 *
 * @param deathsPerPersonDay base bombardment death rate outside pauses
 * @param injuriesPerDeath persons wounded per person killed
 * @param pauseViolationFactor rate during a pause relative to outside
 * @param movingExposure exposure of a moving household relative to one at home
 * @param queuedExposure exposure of a queued household
 * @param clashDeathsPerPersonHour death rate of persons queued at a corridor during a clash
 * @param crossingFrontDeathProbability chance a person crossing the front is killed
 * @param dangerNewsPerDeath local danger added to a household per death nearby
 */
public record Hazards(
        double deathsPerPersonDay,
        double injuriesPerDeath,
        double pauseViolationFactor,
        double movingExposure,
        double queuedExposure,
        double clashDeathsPerPersonHour,
        double crossingFrontDeathProbability,
        double dangerNewsPerDeath) {
}
