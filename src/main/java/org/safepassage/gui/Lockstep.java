package org.safepassage.gui;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.Evacuation;
import sim.engine.SimState;

/**
 * The GUI's MASON state: one run per design shown, stepped in lockstep, one tick of each per
 * step of this schedule, each stopping at its own horizon. Each run is exactly the run
 * {@code safepassage run} makes of its scenario and seed; the designs of a side-by-side view
 * share the seed, so that their dice are the same (common random numbers).
 */
public final class Lockstep extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient List<Evacuation> runs = new ArrayList<>();

    /** @param scenarios one per design, each with its seed already set */
    public Lockstep(List<Scenario> scenarios) {
        super(scenarios.get(0).seed());
        for (Scenario s : scenarios) {
            runs.add(new Evacuation(s));
        }
    }

    public List<Evacuation> runs() {
        return runs;
    }

    /** Ticks until the last design's horizon. */
    public long ticks() {
        return runs.stream().mapToLong(Evacuation::ticks).max().orElse(0);
    }

    @Override
    public void start() {
        super.start();
        for (Evacuation e : runs) {
            e.start();
        }
        schedule.scheduleRepeating(0.0, 0, s -> {
            for (Evacuation e : runs) {
                e.stepTick();
            }
        }, 1.0);
    }

    @Override
    public void finish() {
        super.finish();
        for (Evacuation e : runs) {
            e.finish();
        }
    }

    /** Steps every run one tick; false once all are at their horizon. */
    public boolean stepTick() {
        if (schedule.getSteps() >= ticks()) {
            return false;
        }
        return schedule.step(this);
    }
}
