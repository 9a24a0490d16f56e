package org.safepassage.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safepassage.metrics.RunSummary;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.SingleRun;
import org.safepassage.metrics.TimeSeries;
import org.safepassage.scenario.Scenario;

/**
 * The optional tidy outputs of a run in a sweep or a comparison ({@code --outputs
 * corridors,neighbourhoods,hourly}): one row per run and corridor, per run and neighbourhood of
 * origin, and per run and step of hours, each figure a column, keyed by the run (the caller puts
 * the key columns first). Nothing is kept unless asked for, and the hourly rows only every
 * {@code stepHours}, so that their size on disk is chosen by the user.
 */
public final class RunDetails {

    /** The three tables, each written to {@code <name>.csv}. */
    public enum Kind {
        corridors, neighbourhoods, hourly;

        public String file() {
            return name() + ".csv";
        }
    }

    /** District-wide series of the hourly table, as named in timeseries.csv. */
    static final List<String> HOURLY_SERIES = List.of("pauseOpen", "staying", "preparing", "moving", "queued",
            "evacuated", "evacuatedThroughCorridors", "leftAcrossFront", "killed", "detained", "meanTrust");

    /**
     * Which tables to keep.
     *
     * @param kinds the tables
     * @param stepHours the hours between two rows of the hourly table (at least 1)
     */
    public record Choice(EnumSet<Kind> kinds, int stepHours) {
        public static final Choice NONE = new Choice(EnumSet.noneOf(Kind.class), 1);

        public Choice {
            kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
            if (stepHours < 1) {
                throw new IllegalArgumentException("--hourly-step: " + stepHours + "; expected a whole number of hours, at least 1");
            }
        }

        /** Parses {@code corridors,neighbourhoods,hourly} (any of them, any order); throws with a message for the user. */
        public static Choice parse(String text, int stepHours) {
            EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
            if (text != null) {
                for (String item : text.split(",", -1)) {
                    try {
                        kinds.add(Kind.valueOf(item.trim().toLowerCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--outputs: '" + item.trim()
                                + "' is not an output; expected a comma-separated list of corridors, neighbourhoods, hourly");
                    }
                }
            }
            return new Choice(kinds, stepHours);
        }

        public boolean isEmpty() {
            return kinds.isEmpty();
        }

        /** As the manifest and the resume check record it, e.g. {@code corridors,hourly every 1 h}. */
        public String text() {
            List<String> names = kinds.stream().map(Kind::name).toList();
            return String.join(",", names) + (kinds.contains(Kind.hourly) ? " every " + stepHours + " h" : "");
        }
    }

    private RunDetails() {
    }

    /**
     * Estimated bytes of the chosen tables for one run of {@code scenario} (about 70 bytes a row
     * of corridors and neighbourhoods, 60 an hourly row), for the check of free disk space.
     */
    public static long bytesPerRun(Scenario scenario, Choice choice) {
        long bytes = 0;
        if (choice.kinds().contains(Kind.corridors)) {
            bytes += 70L * scenario.corridors().size();
        }
        if (choice.kinds().contains(Kind.neighbourhoods)) {
            bytes += 70L * scenario.map().neighbourhoods().size();
        }
        if (choice.kinds().contains(Kind.hourly)) {
            bytes += 60L * (scenario.clock().horizon().toHours() / choice.stepHours() + 1);
        }
        return bytes;
    }

    /** The columns of a table after the key columns. */
    public static List<String> columns(Kind kind) {
        return switch (kind) {
            case corridors -> List.of("corridor", "kind", "evacuated", "detained", "fightersEvacuated", "peakQueue",
                    "clashes");
            case neighbourhoods -> List.of("neighbourhood", "initialPersons", "evacuated", "killed", "detained",
                    "remaining", "lostToFrontShift");
            case hourly -> {
                List<String> c = new ArrayList<>(List.of("hours"));
                c.addAll(HOURLY_SERIES);
                yield c;
            }
        };
    }

    /** The rows (cells after the key) of each chosen table for one run, in a fixed order. */
    public static Map<Kind, List<List<String>>> of(SingleRun.Result result, Choice choice) {
        Map<Kind, List<List<String>>> out = new EnumMap<>(Kind.class);
        RunSummary s = result.summary();
        if (choice.kinds().contains(Kind.corridors)) {
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, RunSummary.CorridorFigures> e : s.byCorridor().entrySet()) {
                RunSummary.CorridorFigures c = e.getValue();
                rows.add(List.of(e.getKey(), c.kind(), Long.toString(c.evacuated()), Long.toString(c.detained()),
                        Long.toString(c.fightersEvacuated()), Long.toString(c.peakQueue()), Integer.toString(c.clashes())));
            }
            out.put(Kind.corridors, rows);
        }
        if (choice.kinds().contains(Kind.neighbourhoods)) {
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, RunSummary.NeighbourhoodFigures> e : s.byNeighbourhood().entrySet()) {
                RunSummary.NeighbourhoodFigures n = e.getValue();
                rows.add(List.of(e.getKey(), Long.toString(n.initialPersons()), Long.toString(n.evacuated()),
                        Long.toString(n.killed()), Long.toString(n.detained()), Long.toString(n.remaining()),
                        n.lostToFrontShift() ? "1" : "0"));
            }
            out.put(Kind.neighbourhoods, rows);
        }
        if (choice.kinds().contains(Kind.hourly)) {
            out.put(Kind.hourly, hourly(result.timeSeries(), choice.stepHours()));
        }
        return out;
    }

    /** One row every {@code step} hours up to the horizon: each series after the last tick ending at or before it. */
    static List<List<String>> hourly(TimeSeries ts, int step) {
        double[] hours = ts.series("hours");
        double[][] series = new double[HOURLY_SERIES.size()][];
        for (int k = 0; k < series.length; k++) {
            series[k] = ts.series(HOURLY_SERIES.get(k));
        }
        List<List<String>> rows = new ArrayList<>();
        int i = -1;
        double last = hours.length == 0 ? 0 : hours[hours.length - 1];
        for (long h = step; h <= last + 1e-9; h += step) {
            while (i + 1 < hours.length && hours[i + 1] <= h + 1e-9) {
                i++;
            }
            List<String> row = new ArrayList<>(series.length + 1);
            row.add(Long.toString(h));
            for (double[] v : series) {
                row.add(i < 0 ? "" : RunWriter.number(v[i]));
            }
            rows.add(row);
        }
        return rows;
    }
}
