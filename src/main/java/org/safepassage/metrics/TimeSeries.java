package org.safepassage.metrics;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.District;
import org.safepassage.sim.HouseholdPhase;
import org.safepassage.sim.TickObserver;

/** Records one row per tick (MODEL.md 7): counts by phase, per corridor, trust, decisions. */
public final class TimeSeries implements TickObserver {

    private final List<String> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<String> corridorNames = new ArrayList<>();
    private final boolean meanTrust;

    /** Every column, the mean trust included. */
    public TimeSeries(List<String> corridorNames) {
        this(corridorNames, true);
    }

    /**
     * @param meanTrust whether to record the {@code meanTrust} column: its mean over the households
     *        inside is recomputed at almost every tick once trust shifts locally, about a fifth of a
     *        full-scale run's time, and work that keeps only the counts (the design advisor, the
     *        episodes' runs) leaves it out
     */
    public TimeSeries(List<String> corridorNames, boolean meanTrust) {
        this.meanTrust = meanTrust;
        this.corridorNames.addAll(corridorNames);
        columns.addAll(List.of("tick", "hours", "pauseOpen", "staying", "preparing", "moving", "queued",
                "evacuated", "evacuatedThroughCorridors", "leftAcrossFront", "killed", "detained", "injured",
                "blocked", "fightersPresent", "fightersEvacuated"));
        for (String c : corridorNames) {
            columns.add("evacuated[" + c + "]");
        }
        for (String c : corridorNames) {
            columns.add("queue[" + c + "]");
        }
        if (meanTrust) {
            columns.add("meanTrust");
        }
        columns.add("decisions");
    }

    @Override
    public void afterTick(District d) {
        double[] row = new double[columns.size()];
        int i = 0;
        long tick = d.tick();
        row[i++] = tick;
        row[i++] = (tick + 1) * d.scenario.clock().tickHours();
        row[i++] = d.anyPauseOpen() ? 1 : 0;
        row[i++] = d.persons(HouseholdPhase.STAYING);
        row[i++] = d.persons(HouseholdPhase.PREPARING);
        row[i++] = d.persons(HouseholdPhase.MOVING);
        row[i++] = d.persons(HouseholdPhase.QUEUED);
        row[i++] = d.evacuated();
        row[i++] = d.evacuatedThroughCorridors();
        row[i++] = d.leftAcrossFront();
        row[i++] = d.killed();
        row[i++] = d.detained();
        row[i++] = d.injured();
        row[i++] = d.blocked();
        row[i++] = d.fightersPresent();
        row[i++] = d.fightersEvacuated();
        List<CorridorState> corridors = d.corridors();
        for (CorridorState c : corridors) {
            row[i++] = c.evacuatedPersons();
        }
        for (CorridorState c : corridors) {
            row[i++] = c.queuedPersons();
        }
        if (meanTrust) {
            row[i++] = d.meanTrust();
        }
        row[i++] = d.decisionsThisTick();
        rows.add(row);
    }

    public List<String> columns() {
        return List.copyOf(columns);
    }

    public List<double[]> rows() {
        return rows;
    }

    public int column(String name) {
        return columns.indexOf(name);
    }

    public List<String> corridorNames() {
        return List.copyOf(corridorNames);
    }

    /** A stretch of time during which some pause was open, in hours from the start. */
    public record OpenWindow(double startHours, double endHours) {
    }

    /**
     * The stretches during which a pause was open, as they happened (extensions, suspensions and
     * early ends included): tick t covers hours [t, t + 1) times the tick length.
     */
    public List<OpenWindow> openWindows() {
        List<OpenWindow> out = new ArrayList<>();
        int open = column("pauseOpen");
        int hours = column("hours");
        double start = Double.NaN;
        double tickHours = 0;
        for (double[] row : rows) {
            double end = row[hours];
            tickHours = end / (row[0] + 1);
            if (row[open] > 0 && Double.isNaN(start)) {
                start = end - tickHours;
            } else if (row[open] == 0 && !Double.isNaN(start)) {
                out.add(new OpenWindow(start, end - tickHours));
                start = Double.NaN;
            }
        }
        if (!Double.isNaN(start)) {
            out.add(new OpenWindow(start, rows.get(rows.size() - 1)[hours]));
        }
        return out;
    }

    /** Values of one column over all ticks. */
    public double[] series(String name) {
        int c = column(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] out = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = rows.get(r)[c];
        }
        return out;
    }
}
