package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds how a corridor carries people out besides walking: {@code corridors[].transport} (the
 * vehicles, and when they come as a convoy its trips and holds: ODD 7.6 "Convoys limited by
 * their vehicles", "Convoys held at a transit point") and {@code corridors[].rescue} (ODD 7.6
 * "Rescue teams").
 */
final class TransportFacts {

    private TransportFacts() {
    }

    /** The corridor's transport, or null when it has none (on foot only). */
    static Corridor.Transport transport(Fields corridor, String path, Fields root) {
        if (!corridor.has("transport")) {
            return null;
        }
        Fields t = corridor.child("transport", "vehicles", "seatsPerVehicle", "roundTrip", "trips", "holds");
        int trips = (int) (long) ScenarioLoader.fact(t, "corridors[].transport.trips");
        List<Corridor.Hold> holds = holds(t, path + ".transport", root);
        if (!holds.isEmpty() && trips == 0) {
            t.report("holds", "holds without trips", "`trips` (a convoy) for a convoy to be held");
        }
        return new Corridor.Transport((int) (long) ScenarioLoader.fact(t, "corridors[].transport.vehicles"),
                (int) (long) ScenarioLoader.fact(t, "corridors[].transport.seatsPerVehicle"),
                t.duration("roundTrip", null, Duration.ofMinutes(1), Duration.ofDays(7)), trips, holds);
    }

    /** {@code corridors[].rescue} (ODD 7.6 "Rescue teams"), or null when the corridor has none. */
    static Corridor.Rescue rescue(Fields corridor) {
        if (!corridor.has("rescue")) {
            return null;
        }
        Fields r = corridor.child("rescue", "teams", "minutesPerHousehold", "neighbourhoods");
        return new Corridor.Rescue((int) (long) ScenarioLoader.fact(r, "corridors[].rescue.teams"),
                ScenarioLoader.fact(r, "corridors[].rescue.minutesPerHousehold"), r.strings("neighbourhoods"));
    }

    private static List<Corridor.Hold> holds(Fields transport, String path, Fields root) {
        List<Corridor.Hold> out = new ArrayList<>();
        List<YamlNode> items = transport.list("holds", false);
        for (int n = 0; n < items.size(); n++) {
            Fields x = Fields.of(items.get(n), path + ".holds[" + n + "]", root.problems(), transport.node(),
                    "at", "from", "until", "attackedAt", "killed");
            LocalDateTime from = x.dateTime("from", null);
            LocalDateTime until = x.dateTime("until", null);
            if (from != null && until != null && !until.isAfter(from)) {
                x.report("until", until + ", not after from " + from, "a date-time after `from`");
            }
            LocalDateTime attacked = x.has("attackedAt") ? x.dateTime("attackedAt", null) : null;
            if (attacked != null && from != null && until != null && (attacked.isBefore(from) || !attacked.isBefore(until))) {
                x.report("attackedAt", attacked + ", outside the hold " + from + " to " + until,
                        "a date-time from `from` up to (not including) `until`");
            }
            int killed = (int) (long) ScenarioLoader.fact(x, "corridors[].transport.holds[].killed");
            if (killed > 0 && attacked == null) {
                x.report("killed", "killed without attackedAt", "`attackedAt`, the time of the attack");
            }
            out.add(new Corridor.Hold(x.string("at", ""), from, until, attacked, killed));
        }
        return out;
    }
}
