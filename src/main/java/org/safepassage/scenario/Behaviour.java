package org.safepassage.scenario;

/**
 * The behavioural parameters of MODEL.md 6.1-6.3 and 6.6: one set, calibrated across episodes.
 *
 * @param maxDecisionRatePerHour ceiling of the hourly rate of deciding to leave
 * @param weights the utility weights of the decision to leave
 * @param information word of mouth, news and trust dynamics
 * @param choice the corridor-choice logit
 * @param movement walking speeds and crowding
 * @param preparationAcrossWindows share of packing done while the corridor is closed (ODD 7.1)
 * @param thresholdSpread standard deviation of the households' own decision thresholds (ODD 7.1)
 * @param fighterFamiliesPerFighter households per fighter that are fighters' families and stay (ODD 7.1)
 * @param rescueAcceptance chance that a household at home that has not decided to leave goes with a
 *     rescue team that reaches it (ODD 7.6 "Rescue teams"); 0: only those that decided go
 * @param front flight across a moving front (ODD 7.8)
 */
public record Behaviour(
        double maxDecisionRatePerHour,
        Weights weights,
        Information information,
        CorridorChoice choice,
        Movement movement,
        double preparationAcrossWindows,
        double thresholdSpread,
        double fighterFamiliesPerFighter,
        FrontFlight front,
        double rescueAcceptance) {

    /**
     * Flight across a moving front (docs/ODD.md 7.8, {@code FrontFlightRule}).
     *
     * @param flightRatePerHour hourly rate of fleeing for a household on the front line
     * @param reachMetres distance from the front line at which the rate falls to zero
     */
    public record FrontFlight(double flightRatePerHour, double reachMetres) {
    }

    /** Utility weights of MODEL.md 6.1; signs are applied as written in the table there. */
    public record Weights(
            double intercept,
            double trust,
            double monitored,
            double transport,
            double destinationChoice,
            double localDanger,
            double hardship,
            double woundedMember,
            double socialProof,
            double attachment,
            double clashNews,
            double fighterControl,
            double screeningRisk,
            double timePressure,
            double waitAndSee,
            double evacuationOrder,
            double heavyShelling) {
    }

    /**
     * Information spread and trust (MODEL.md 6.3).
     *
     * @param wordOfMouthRadiusCells radius of the neighbourhood a household hears from
     * @param wordOfMouthRatePerHour hourly rate of hearing, per unit share of aware neighbours
     * @param crossingNewsRatePerHour hourly rate of hearing per 1 % of the population evacuated
     * @param trustGainPerCrossingPercent trust gained per 1 % of the population evacuated safely
     * @param trustLossPerClash trust lost when hearing of a clash at a corridor
     * @param trustLossEarlyEnd trust lost when a pause ends before its announced end
     * @param newsDecayHours e-folding time of danger and clash news
     * @param socialProofSaturationShare share of a neighbourhood gone at which social proof is full
     * @param trustLossViolation trust lost, on top of {@code trustLossEarlyEnd}, when a declared pause
     *     is violated ({@code pauses[].violatedAt})
     */
    public record Information(
            double wordOfMouthRadiusCells,
            double wordOfMouthRatePerHour,
            double crossingNewsRatePerHour,
            double trustGainPerCrossingPercent,
            double trustLossPerClash,
            double trustLossEarlyEnd,
            double newsDecayHours,
            double socialProofSaturationShare,
            double localTrustPerDeparture,
            double localTrustPerDeath,
            double localTrustRecoveryHours,
            double waitAndSeePersons,
            double trustLossViolation,
            double heavyShellingDeathsPerPersonDay) {
    }

    /**
     * Multinomial logit of corridor choice (MODEL.md 6.2).
     *
     * @param perWalkHour utility per hour of walking
     * @param perQueueHour utility per hour of expected queue wait
     * @param perClash utility per recent clash at the corridor
     * @param monitored utility of a neutral monitor
     * @param destinationChoice utility of a corridor whose users may choose where to go
     */
    public record CorridorChoice(
            double perWalkHour,
            double perQueueHour,
            double perClash,
            double monitored,
            double destinationChoice) {
    }

    /**
     * Walking (MODEL.md 6.6).
     *
     * @param walkingMetresPerMinute free walking speed of an adult on a street
     * @param builtFactor speed factor on built-up cells
     * @param rubbleFactor speed factor on rubble
     * @param frontFactor speed factor on front-line cells
     * @param elderlyFactor speed factor of a household with an elderly member
     * @param woundedFactor speed factor of a household with a wounded member
     * @param childFactor speed factor of a household with children
     * @param crowdLimitPersonsPerSquareMetre most persons a cell holds per square metre
     */
    public record Movement(
            double walkingMetresPerMinute,
            double builtFactor,
            double rubbleFactor,
            double frontFactor,
            double elderlyFactor,
            double woundedFactor,
            double childFactor,
            double crowdLimitPersonsPerSquareMetre) {
    }
}
