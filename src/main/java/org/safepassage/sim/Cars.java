package org.safepassage.sim;

import org.safepassage.scenario.Population;
import org.safepassage.sim.rules.CarRule;

/**
 * ODD 7.6 "Private cars": the owner of the enclave's fuel. Whether household h owns a car is
 * its own counter-based draw (the same in every scenario with the same seed), so no other
 * draw moves when cars are added; the fuel for car trips out is a stock used up trip by trip.
 */
final class Cars {
    private final RandomStreams random;
    private final double householdShare;
    private final boolean fuelLimited;
    private long fuelTripsLeft;

    Cars(Population.Cars spec, RandomStreams random) {
        this.random = random;
        this.householdShare = spec.householdShare();
        this.fuelLimited = spec.fuelLimited();
        this.fuelTripsLeft = spec.fuelTrips();
    }

    /** Whether household h owns a car it could drive out. */
    boolean owns(int h) {
        return householdShare > 0
                && CarRule.hasCar(random.uniform(RandomStreams.Purpose.VEHICLES, h, 0, 0), householdShare);
    }

    /**
     * Whether household h, reaching corridor c, drives through its road: it owns a car, the
     * corridor has a road, and fuel is left (one trip's worth is then used).
     */
    boolean drives(int h, CorridorState c) {
        if (c.spec.road() == null || !owns(h)) {
            return false;
        }
        if (fuelLimited) {
            if (fuelTripsLeft <= 0) {
                return false;
            }
            fuelTripsLeft--;
        }
        return true;
    }

    /** Whether household h would drive through corridor c if it set out now (uses no fuel). */
    boolean wouldDrive(int h, CorridorState c) {
        return c.spec.road() != null && (!fuelLimited || fuelTripsLeft > 0) && owns(h);
    }

    /** Car trips the fuel still allows; negative: no limit. */
    long fuelTripsLeft() {
        return fuelLimited ? fuelTripsLeft : -1;
    }
}
