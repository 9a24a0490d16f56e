package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code observed:} block of an episode file: what was reported about how many civilians
 * had left (cumulatively, through corridors or across the front) at points in time counted
 * from the episode's start, with the range the sources allow and their quality.
 *
 * @param start the episode's start (local time) from which {@link Point#hours()} count
 * @param points the observations, in the file's order
 * @param weight the episode's weight in scores across episodes (0 to 1; weak episodes less)
 * @param grade whether the episode is a core one or a weak one (one party's figures, rescues
 *     rather than departures, arrivals counted at a border, not a siege)
 */
public record Observed(LocalDateTime start, List<Point> points, double weight, Grade grade) {

    /** How much an episode says about the model (docs/CALIBRATION.md). */
    public enum Grade {
        /** A siege, pause, deal or collapse with counts from neutral bodies or several sources. */
        CORE,
        /** One party's figures, rescues rather than departures, arrivals at a border, or not a siege. */
        WEAK
    }

    /** Quality of a reported figure (docs/SOURCES.md). */
    public enum Quality {
        /** Quoted by a neutral body (UN, ICRC, OCHA) or a monitor (SOHR). */
        Q,
        /** Claimed by a party to the conflict. */
        P,
        /** An estimate. */
        E
    }

    /**
     * One observation.
     *
     * @param hours hours from {@link Observed#start()}
     * @param persons the reported cumulative persons who left
     * @param low lowest figure the sources allow
     * @param high highest figure the sources allow
     * @param quality quality of the figure
     * @param source who reported it, in words
     */
    public record Point(double hours, double persons, double low, double high, Quality quality, String source) {
    }

    public Observed {
        points = List.copyOf(points);
    }

    /** Hours from the scenario clock's start to the episode's start. */
    public double offsetHours(Clock clock) {
        return Duration.between(clock.start(), start).toMinutes() / 60.0;
    }

    static final String[] KEYS = {"start", "weight", "grade", "points"};
    static final String[] POINT_KEYS = {"hours", "persons", "low", "high", "quality", "source"};

    /** Binds and checks the block; problems are appended. Null when absent. */
    static Observed bind(Fields root, Clock clock) {
        if (!root.has("observed")) {
            return null;
        }
        Fields f = root.child("observed", KEYS);
        LocalDateTime start = f.dateTime("start", null);
        if (start != null && clock.start() != null && start.isBefore(clock.start())) {
            f.report("start", "episode start " + start + " is before clock.start " + clock.start(),
                    "a time at or after clock.start");
        }
        List<Point> points = new ArrayList<>();
        List<YamlNode> items = f.list("points", true);
        double horizonHours = clock.horizon().toMinutes() / 60.0;
        double offset = start != null && clock.start() != null
                ? Duration.between(clock.start(), start).toMinutes() / 60.0 : 0;
        for (int n = 0; n < items.size(); n++) {
            Fields p = Fields.of(items.get(n), f.path("points") + "[" + n + "]", f.problems(), f.node(), POINT_KEYS);
            double hours = p.number("hours", null, 0, 1e6);
            double persons = p.number("persons", null, 0, 1e9);
            double low = p.number("low", persons, 0, 1e9);
            double high = p.number("high", persons, 0, 1e9);
            if (low > persons || persons > high) {
                p.report("persons", "low " + Fields.fmt(low) + ", persons " + Fields.fmt(persons) + ", high "
                        + Fields.fmt(high), "low <= persons <= high");
            }
            if (p.has("hours") && offset + hours > horizonHours + 1e-9) {
                p.report("hours", "hour " + Fields.fmt(hours) + " of the episode is past the scenario's horizon ("
                        + Fields.fmt(horizonHours - offset) + " h after observed.start)", "a time within clock.horizon");
            }
            String q = p.string("quality", "E");
            Quality quality = Quality.E;
            try {
                quality = Quality.valueOf(q);
            } catch (IllegalArgumentException e) {
                p.report("quality", "found '" + q + "'", "Q (neutral body or monitor), P (a party's claim) or E (estimate)");
            }
            points.add(new Point(hours, persons, low, high, quality, p.string("source", "")));
        }
        double weight = f.number("weight", 1.0, 0, 1);
        Grade grade = f.choice("grade", Grade.CORE, Grade.class);
        return new Observed(start, points, weight, grade);
    }
}
