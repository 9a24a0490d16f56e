package org.safepassage.scenario;

import java.util.List;

/**
 * The numbers of a scenario's facts (docs/SCENARIO-FORMAT.md), one {@link Parameter} each:
 * clock, map, population, pauses, corridors, fighters, hazards, events and front. The single
 * place their defaults,
 * ranges and units are written: the loader reads every one of them through its descriptor, and
 * a test keeps the format's tables and these descriptors the same. List items are written with
 * {@code []} (e.g. {@code pauses[].credibility}). The behaviour's numbers are in
 * {@link BehaviourParameters}; only {@code schemaVersion} and {@code seed} are read without a
 * descriptor (ScenarioParametersTest lists them).
 */
public final class ScenarioParameters {

    private static final double REQUIRED = Double.NaN;

    /** Every described key of the scenario's facts, in the order of docs/SCENARIO-FORMAT.md. */
    public static final List<Parameter> ALL = List.of(
            whole("clock.tickMinutes", 5, 1, 60, "minutes", "length of one tick"),
            p("map.cellMeters", 50, 1, 1000, "metres", "side of a square cell"),
            p("map.neighbourhoods[].populationShare", REQUIRED, 0, 1, "share",
                    "share of population.persons living in the neighbourhood"),
            p("map.neighbourhoods[].bombardmentFactor", 1, 0, 100, "factor",
                    "multiplier on hazards.deathsPerPersonDay in the neighbourhood"),
            whole("population.persons", REQUIRED, 1, 50_000_000, "persons", "civilians inside at the start"),
            p("population.household.meanSize", 5.0, 1, 30, "persons", "mean household size"),
            p("population.household.childShare", 0.4, 0, 1, "share", "share of members who are children"),
            p("population.household.elderlyShare", 0.06, 0, 1, "share", "share of members who are elderly"),
            p("population.household.woundedShare", 0.013, 0, 1, "share", "share of members wounded at the start"),
            p("population.household.militaryAgeMenShareOfAdults", 0.25, 0, 1, "share",
                    "share of adults who are military-age men"),
            p("population.trust.concentration", 6.0, 0.1, 1000, "", "concentration of the Beta distribution of initial trust"),
            p("population.attachment.mean", 0.6, 0.001, 0.999, "", "mean attachment to home"),
            p("population.attachment.concentration", 4.0, 0.1, 1000, "", "concentration of the attachment's Beta distribution"),
            p("population.attachment.stayShare", 0.12, 0, 1, "share", "share of households whose attachment is absolute"),
            p("population.initialAwareness", 0.0, 0, 1, "share", "share of households aware of a pause before any announcement"),
            p("population.hardship.initial", 0.5, 0, 1, "", "hardship at the start"),
            p("population.hardship.growthPerDay", 0.01, 0, 1, "per day", "increase of hardship per day of siege"),
            p("population.preparation.meanHours", 3.0, 0, 240, "hours", "mean time to pack once decided"),
            p("population.patience.meanHours", 4.0, 0.01, 720, "hours",
                    "mean time a household waits at a closed corridor before going home"),
            p("population.cars.householdShare", REQUIRED, 0, 1, "share", "share of households with a car"),
            whole("population.cars.fuelTrips", REQUIRED, 0, 100_000_000, "car trips",
                    "car trips out that the fuel in the enclave allows"),
            p("pauses[].credibility", REQUIRED, 0, 1, "", "how far residents believe the declaring party"),
            whole("pauses[].repeatDays", 1, 1, 366, "days", "number of daily windows"),
            p("pauses[].announcementCoverage", 0.5, 0, 1, "share", "share of households reached at the announcement"),
            p("pauses[].earlyEndPerHour", 0.0, 0, 10, "per hour", "hourly hazard that the declaring party ends the pause early"),
            p("pauses[].regroupingMultiplier", 1.0, 1, 1000, "factor", "factor on that hazard while fighters regroup"),
            p("corridors[].widthMetres", 4.0, 0.1, 1000, "metres", "passage width; capacity on foot = width x 1.3 persons/m/s"),
            p("corridors[].clashPerHour", 0.0, 0, 10, "per hour", "base hourly probability of a clash while open"),
            p("corridors[].clashPerHourPerThousandHardline", 0.0, 0, 100, "per hour",
                    "added per 1,000 hardline fighters controlling its neighbourhood"),
            whole("corridors[].transport.vehicles", REQUIRED, 1, 100_000, "vehicles", "vehicles serving the crossing"),
            whole("corridors[].transport.seatsPerVehicle", REQUIRED, 1, 1000, "persons", "persons a vehicle takes a trip"),
            whole("corridors[].transport.trips", 0, 0, 1000, "trips",
                    "loads each vehicle of a convoy carries; 0: a steady rate, not a convoy"),
            whole("corridors[].transport.holds[].killed", 0, 0, 1_000_000, "persons",
                    "most persons killed by the attack on those held"),
            p("corridors[].screening.detentionProbability", REQUIRED, 0, 1, "per man",
                    "chance a military-age man screened at the crossing is detained"),
            p("corridors[].screening.personsPerHour", 0.0, 0, 1.0e7, "persons per hour",
                    "most persons screened an hour; 0: no limit"),
            whole("corridors[].rescue.teams", REQUIRED, 1, 10_000, "teams", "rescue teams going in by the corridor"),
            p("corridors[].rescue.minutesPerHousehold", 0.0, 0, 10_000, "minutes",
                    "time a team spends at each household besides the walk"),
            p("corridors[].road.vehiclesPerHour", REQUIRED, 0.01, 100_000, "vehicles per hour",
                    "vehicles the road's checkpoint lets through an hour"),
            p("corridors[].control[].detainedShare", 0.0, 0, 1, "share",
                    "share of the households processed that the controlling party detains"),
            p("corridors[].control[].turnedBackShare", 0.0, 0, 1, "share",
                    "share of the households processed that the controlling party sends home"),
            whole("fighters[].size", REQUIRED, 0, 10_000_000, "fighters", "fighters in the group"),
            p("fighters[].blockingProbability", 0.0, 0, 1, "", "chance a household leaving its neighbourhoods is turned back"),
            p("fighters[].regroupPerHour", 0.0, 0, 10, "per hour", "hourly chance it starts regrouping during a pause"),
            p("fighters[].regroupHours", 6.0, 0, 1000, "hours", "how long a regrouping lasts"),
            p("hazards.deathsPerPersonDay", 1.0e-4, 0, 1, "per person per day", "base bombardment death rate outside pauses"),
            p("hazards.injuriesPerDeath", 4.0, 0, 100, "persons", "persons wounded per person killed"),
            p("hazards.pauseViolationFactor", 0.1, 0, 10, "factor", "rate during a pause relative to outside"),
            p("hazards.movingExposure", 3.0, 0, 1000, "factor", "exposure of a moving household relative to one at home"),
            p("hazards.queuedExposure", 2.0, 0, 1000, "factor", "exposure of a queued household"),
            p("hazards.clashDeathsPerPersonHour", 0.002, 0, 1, "per person per hour",
                    "death rate of persons queued at a corridor during a clash"),
            p("hazards.crossingFrontDeathProbability", 0.005, 0, 1, "", "chance a person crossing the front is killed"),
            p("hazards.dangerNewsPerDeath", 0.5, 0, 100, "", "local danger added to a household per death nearby"),
            p("events[].factor", REQUIRED, 0, 1000, "factor",
                    "a bombardment event's multiplier on hazards.deathsPerPersonDay from its time on"),
            p("front.outwardShare", 1.0, 0, 1, "share", "of those fleeing the front, the share who cross it"),
            p("front.detentionProbability", 0.0, 0, 1, "per man",
                    "chance that each military-age man crossing the front is detained by the receiving side"));

    private ScenarioParameters() {
    }

    private static Parameter p(String path, double dflt, double min, double max, String unit, String meaning) {
        return new Parameter(path, dflt, min, max, unit, meaning, false);
    }

    private static Parameter whole(String path, double dflt, double min, double max, String unit, String meaning) {
        return new Parameter(path, dflt, min, max, unit, meaning, true);
    }

    /** The descriptor of a key path (list items with {@code []}), or null. */
    public static Parameter of(String path) {
        return Parameter.find(ALL, path);
    }

    /** The descriptor of a key path the loader reads; a missing one is a mistake in the program. */
    static Parameter described(String path) {
        Parameter p = of(path);
        if (p == null) {
            throw new IllegalStateException("no parameter descriptor for " + path);
        }
        return p;
    }
}
