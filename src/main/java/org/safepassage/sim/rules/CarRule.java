package org.safepassage.sim.rules;

/**
 * ODD 7.6 "Private cars": which households drive, and how many vehicles a road's checkpoint
 * lets through. A household with a car that chooses a corridor with a road drives (one
 * vehicle carrying the whole household) while fuel lasts, queues as a vehicle at the
 * checkpoint and is served at the road's rate in vehicles per hour; every other household
 * goes on foot or by the corridor's buses as before.
 */
public final class CarRule {

    private CarRule() {
    }

    /** Whether a household owns a car it can drive out: its own uniform draw below the car share. */
    public static boolean hasCar(double uniform, double householdShare) {
        return uniform < householdShare;
    }

    /** Vehicles the checkpoint serves in one tick: vehicles per hour × tick hours (the unused part carries over). */
    public static double vehiclesInTick(double vehiclesPerHour, double tickHours) {
        return vehiclesPerHour * tickHours;
    }

    /** Whether one more vehicle fits in the carried checkpoint capacity (with {@link MovementRule#CARRY_SLACK_PERSONS}). */
    public static boolean vehicleFits(double carryVehicles) {
        return 1 <= carryVehicles + MovementRule.CARRY_SLACK_PERSONS;
    }
}
