package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A crossing out of the enclave.
 *
 * @param name identifier
 * @param kind who it is for
 * @param entryX column of its entry cell inside the enclave
 * @param entryY row of its entry cell
 * @param leadsTo the safe area it leads to (a name in the map's legend)
 * @param widthMetres passage width; walking capacity = width x specific flow
 * @param transport vehicles provided, or null for on foot only
 * @param screening screening at the crossing, or null for none
 * @param monitoring who monitors it
 * @param destinationChoice whether people leaving by it may choose where to go
 * @param pauses names of the pauses during which it is open; empty = all pauses
 * @param schedule its own opening windows, used instead of pauses when not empty
 * @param clashPerHour base hourly probability of a clash at it while open
 * @param clashPerHourPerThousandHardline added hourly clash probability per 1,000 hardline
 *     fighters controlling its neighbourhood
 * @param clashDuration how long a clash closes it
 * @param road the road and checkpoint that private cars take, or null: cars are left behind
 *     and their households go as everyone else (ODD 7.6 "Private cars")
 * @param control periods when an armed party holds the exit and detains or turns back a
 *     share of those it processes (ODD 7.6 "Exits controlled by an armed party"); empty: none
 * @param neighbourhoods the only neighbourhoods whose residents may use it (an evacuation deal
 *     for one pocket or town, ODD 7.2); empty: every neighbourhood
 * @param rescue teams that go in by it and bring households out of a battle zone while it is
 *     open (ODD 7.6 "Rescue teams"), or null: none
 */
public record Corridor(
        String name,
        Kind kind,
        int entryX,
        int entryY,
        String leadsTo,
        double widthMetres,
        Transport transport,
        Screening screening,
        Monitoring monitoring,
        boolean destinationChoice,
        List<String> pauses,
        List<Window> schedule,
        double clashPerHour,
        double clashPerHourPerThousandHardline,
        Duration clashDuration,
        Road road,
        List<Control> control,
        List<String> neighbourhoods,
        Rescue rescue) {

    public Corridor {
        pauses = List.copyOf(pauses);
        schedule = List.copyOf(schedule);
        control = List.copyOf(control);
        neighbourhoods = List.copyOf(neighbourhoods);
    }

    /** A corridor without a road for cars and without an armed party holding its exit. */
    public Corridor(String name, Kind kind, int entryX, int entryY, String leadsTo, double widthMetres,
            Transport transport, Screening screening, Monitoring monitoring, boolean destinationChoice,
            List<String> pauses, List<Window> schedule, double clashPerHour, double clashPerHourPerThousandHardline,
            Duration clashDuration) {
        this(name, kind, entryX, entryY, leadsTo, widthMetres, transport, screening, monitoring, destinationChoice,
                pauses, schedule, clashPerHour, clashPerHourPerThousandHardline, clashDuration, null, List.of(),
                List.of(), null);
    }

    /** Specific flow of a walking crowd through a passage, persons per metre per second (MODEL.md 6.6). */
    public static final double SPECIFIC_FLOW_PERSONS_PER_METRE_SECOND = 1.3;

    /**
     * Capacity in persons per hour: vehicles x seats / round trip when transport is provided,
     * otherwise passage width x specific flow; bounded by the screening post's rate if screened.
     */
    public double capacityPersonsPerHour() {
        double capacity = transport != null
                ? transport.vehicles() * transport.seatsPerVehicle() / (transport.roundTrip().toMinutes() / 60.0)
                : widthMetres * SPECIFIC_FLOW_PERSONS_PER_METRE_SECOND * 3600.0;
        if (screening != null && screening.personsPerHour() > 0) {
            capacity = Math.min(capacity, screening.personsPerHour());
        }
        return capacity;
    }

    /** Kind of corridor. */
    public enum Kind { CIVILIAN, FIGHTER, MEDICAL }

    /** Who watches over a corridor. */
    public enum Monitoring { NONE, NEUTRAL }

    /**
     * Vehicles waiting at the crossing.
     *
     * @param vehicles number of vehicles in rotation
     * @param seatsPerVehicle persons per trip
     * @param roundTrip time for one trip out and back
     * @param trips loads each vehicle makes when the vehicles come as a convoy (ODD 7.6 "Convoys
     *     limited by their vehicles"); 0: no convoy, the vehicles are a steady rate of
     *     vehicles x seats / round trip
     * @param holds where and when the convoy's departed vehicles were held on the way, and any
     *     attack on those waiting; empty: none
     */
    public record Transport(int vehicles, int seatsPerVehicle, Duration roundTrip, int trips, List<Hold> holds) {
        public Transport {
            holds = List.copyOf(holds);
        }

        /** Vehicles as a steady rate (no convoy). */
        public Transport(int vehicles, int seatsPerVehicle, Duration roundTrip) {
            this(vehicles, seatsPerVehicle, roundTrip, 0, List.of());
        }

        /** Whether the vehicles come as a convoy whose seats are its capacity. */
        public boolean convoy() {
            return trips > 0;
        }
    }

    /**
     * Teams that go in by a corridor while it is open and bring households out (ODD 7.6 "Rescue teams").
     *
     * @param teams teams at work at once
     * @param minutesPerHousehold time a team spends finding and readying a household, besides the walk
     * @param neighbourhoods where the teams go; empty: every neighbourhood
     */
    public record Rescue(int teams, double minutesPerHousehold, List<String> neighbourhoods) {
        public Rescue {
            neighbourhoods = List.copyOf(neighbourhoods);
        }
    }

    /**
     * A convoy held on its way at a transit point (ODD 7.6 "Convoys held at a transit point").
     *
     * @param at the transit point
     * @param from start of the hold: vehicles on the way then, or leaving before {@code until}, stop there
     * @param until end of the hold: the held vehicles go on
     * @param attackedAt when those waiting there were attacked, or null
     * @param killed persons among those waiting killed by the attack (a reported count)
     */
    public record Hold(String at, LocalDateTime from, LocalDateTime until, LocalDateTime attackedAt, int killed) {
    }

    /**
     * Screening at the crossing.
     *
     * @param by the party that screens
     * @param detentionProbability chance a military-age man is detained
     * @param personsPerHour throughput of the screening post
     */
    public record Screening(String by, double detentionProbability, double personsPerHour) {
    }

    /**
     * An opening window of a corridor's own schedule.
     *
     * @param start when it opens
     * @param duration how long it stays open
     * @param announcedAt when residents learn of it; null: known from the first tick
     */
    public record Window(LocalDateTime start, Duration duration, LocalDateTime announcedAt) {
        /** A window known from the first tick. */
        public Window(LocalDateTime start, Duration duration) {
            this(start, duration, null);
        }

        public LocalDateTime end() {
            return start.plus(duration);
        }
    }

    /**
     * The road and checkpoint that households with a car drive through.
     *
     * @param vehiclesPerHour vehicles the road's checkpoint lets through per hour
     */
    public record Road(double vehiclesPerHour) {
    }

    /**
     * A period when an armed party holds the exit (ODD 7.6): of the households it processes, a
     * share is detained (every member) and a share is sent home.
     *
     * @param by the party holding the exit
     * @param from start of the period
     * @param until end of the period (exclusive)
     * @param detainedShare share of arriving households detained
     * @param turnedBackShare share of arriving households turned back home
     */
    public record Control(String by, LocalDateTime from, LocalDateTime until, double detainedShare,
            double turnedBackShare) {
    }
}
