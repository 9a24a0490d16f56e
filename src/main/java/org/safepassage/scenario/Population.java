package org.safepassage.scenario;

/**
 * Who lives in the enclave and how they start.
 *
 * @param persons civilians inside at the start
 * @param meanHouseholdSize mean household size (size is 1 + Poisson(mean - 1))
 * @param childShare share of members who are children
 * @param elderlyShare share of members who are elderly
 * @param woundedShare share of members who are wounded at the start
 * @param militaryAgeMenShareOfAdults share of adults who are military-age men
 * @param trustConcentration concentration of the Beta distribution of initial trust, whose mean
 *     is the credibility of the first pause's declaring party
 * @param attachmentMean mean of the Beta distribution of attachment to home
 * @param attachmentConcentration its concentration (alpha + beta)
 * @param attachmentStayShare share of households whose attachment is absolute (attachment 1):
 *     they will not leave through a corridor, whatever a pause offers (MODEL.md 6.1 attachment:
 *     "will not leave home, fear of becoming a refugee")
 * @param initialAwareness share of households aware of a pause before any announcement
 * @param initialHardship hardship at the start (0..1)
 * @param hardshipGrowthPerDay increase of hardship per day of siege
 * @param preparationMeanHours mean time to pack and prepare once decided (exponential)
 * @param patienceMeanHours mean time a household waits at a closed corridor before going home
 * @param cars households' own cars and the fuel for them (ODD 7.6 "Private cars")
 */
public record Population(
        long persons,
        double meanHouseholdSize,
        double childShare,
        double elderlyShare,
        double woundedShare,
        double militaryAgeMenShareOfAdults,
        double trustConcentration,
        double attachmentMean,
        double attachmentConcentration,
        double attachmentStayShare,
        double initialAwareness,
        double initialHardship,
        double hardshipGrowthPerDay,
        double preparationMeanHours,
        double patienceMeanHours,
        Cars cars) {

    /** A population without cars. */
    public Population(long persons, double meanHouseholdSize, double childShare, double elderlyShare,
            double woundedShare, double militaryAgeMenShareOfAdults, double trustConcentration, double attachmentMean,
            double attachmentConcentration, double attachmentStayShare, double initialAwareness,
            double initialHardship, double hardshipGrowthPerDay, double preparationMeanHours,
            double patienceMeanHours) {
        this(persons, meanHouseholdSize, childShare, elderlyShare, woundedShare, militaryAgeMenShareOfAdults,
                trustConcentration, attachmentMean, attachmentConcentration, attachmentStayShare, initialAwareness,
                initialHardship, hardshipGrowthPerDay, preparationMeanHours, patienceMeanHours, Cars.NONE);
    }

    /**
     * Households' own cars.
     *
     * @param householdShare share of households with a car they can drive out
     * @param fuelTrips car trips out that the fuel in the enclave allows; negative: no limit
     */
    public record Cars(double householdShare, long fuelTrips) {
        /** No cars. */
        public static final Cars NONE = new Cars(0, -1);

        /** Whether fuel limits the trips. */
        public boolean fuelLimited() {
            return fuelTrips >= 0;
        }
    }

    /**
     * Default of {@link #attachmentStayShare}: about an eighth of eastern Aleppo's last pocket
     * did not leave by the negotiated evacuation of December 2016, neutral, with buses, to where
     * people chose, over a week (about 35,000 of about 40,000, ICRC; docs/SOURCES.md
     * episode C), the one observed episode long and open enough to show who stays.
     */
    public static final double DEFAULT_STAY_SHARE =
            ScenarioParameters.of("population.attachment.stayShare").defaultValue();
}
