package org.safepassage.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.safepassage.chart.MapSnapshots;
import org.safepassage.scenario.Clock;

/**
 * The times of {@code run --maps}: a comma-separated list of ISO-8601 durations from the
 * start of the run ({@code PT6H}, {@code P1D}, {@code PT90M}) or {@code end}. A time that
 * falls inside a tick is taken at the end of that tick. Files are named
 * {@code map-006h.png}, {@code map-001h30m.png}, {@code map-end.png}.
 */
final class MapTimes {

    private MapTimes() {
    }

    /** Parses the option's value; throws IllegalArgumentException with a message for the user. */
    static List<MapSnapshots.Shot> parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--maps: found nothing; expected times such as PT6H,PT24H,end");
        }
        Set<String> names = new LinkedHashSet<>();
        List<MapSnapshots.Shot> shots = new ArrayList<>();
        long horizonMinutes = clock.horizon().toMinutes();
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            long minutes;
            String name;
            if (item.equalsIgnoreCase("end")) {
                minutes = (long) clock.ticks() * clock.tickMinutes();
                name = "map-end.png";
            } else {
                Duration at;
                try {
                    at = Duration.parse(item);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--maps: '" + item
                            + "' is not a time; expected an ISO-8601 duration from the start (PT6H, PT90M, P1D) or 'end'");
                }
                minutes = at.toMinutes();
                if (at.isNegative() || minutes == 0) {
                    throw new IllegalArgumentException("--maps: '" + item
                            + "' is not after the start; expected a positive duration such as PT6H");
                }
                if (minutes > horizonMinutes) {
                    throw new IllegalArgumentException("--maps: '" + item + "' is after the end of the run ("
                            + clock.horizon() + "); expected a time up to the horizon, or 'end'");
                }
                name = fileName(minutes);
            }
            if (names.add(name)) {
                long ticksDone = Math.max(1, (minutes + clock.tickMinutes() - 1) / clock.tickMinutes());
                shots.add(new MapSnapshots.Shot(Math.min(ticksDone, clock.ticks()), name));
            }
        }
        return shots;
    }

    static String fileName(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        return m == 0 ? String.format(Locale.ROOT, "map-%03dh.png", h) : String.format(Locale.ROOT, "map-%03dh%02dm.png", h, m);
    }
}
