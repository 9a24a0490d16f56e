package org.safepassage.metrics;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.District;
import org.safepassage.sim.Phase;
import org.safepassage.sim.TickObserver;

/** Records one row per tick (MODEL.md 7): counts by phase, per corridor, trust, decisions. */
public final class TimeSeries implements TickObserver {

    private final List<String> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<String> corridorNames = new ArrayList<>();

    public TimeSeries(List<String> corridorNames) {
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
        columns.add("meanTrust");
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
        row[i++] = d.persons(Phase.STAYING);
        row[i++] = d.persons(Phase.PREPARING);
        row[i++] = d.persons(Phase.MOVING);
        row[i++] = d.persons(Phase.QUEUED);
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
        row[i++] = d.meanTrust();
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
