package org.safepassage.gui;

import org.safepassage.chart.MapPainter;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.District;

/** One corridor as the inspector shows it when its marker is clicked (read-only, live). */
public final class CorridorView {
    private final District d;
    private final CorridorState c;

    CorridorView(District d, CorridorState c) {
        this.d = d;
        this.c = c;
    }

    public String getName() {
        return c.spec.name();
    }

    public String getKind() {
        return c.spec.kind().name().toLowerCase();
    }

    public String getState() {
        return MapPainter.corridorState(c, d.tick());
    }

    public String getLeadsTo() {
        return c.spec.leadsTo();
    }

    public String getMonitoring() {
        return c.spec.monitoring().name().toLowerCase();
    }

    public double getCapacityPersonsPerHour() {
        return c.capacityPersonsPerHour();
    }

    public long getQueuedPersons() {
        return c.queuedPersons();
    }

    public long getEvacuatedPersons() {
        return c.evacuatedPersons();
    }

    public long getDetainedPersons() {
        return c.detainedPersons();
    }

    public long getFightersEvacuated() {
        return c.fightersEvacuated();
    }

    public long getPeakQueuePersons() {
        return c.peakQueuePersons();
    }

    public int getClashes() {
        return c.clashes();
    }

    @Override
    public String toString() {
        return "Corridor " + c.spec.name();
    }
}
