package org.safepassage.sim;

import org.safepassage.scenario.FighterGroup;

/** One fighter group during a run. */
public final class FighterState {
    public final FighterGroup spec;
    final int corridor;
    final boolean[] controls;
    int present;
    long evacuated;
    boolean dealAllowed;
    long regroupingUntilTick = -1;

    FighterState(FighterGroup spec, int corridor, boolean[] controls) {
        this.spec = spec;
        this.corridor = corridor;
        this.controls = controls;
        this.present = spec.size();
    }

    public int present() {
        return present;
    }

    public long evacuated() {
        return evacuated;
    }

    public boolean regrouping(long tick) {
        return tick < regroupingUntilTick;
    }

    public boolean controls(int neighbourhood) {
        return neighbourhood >= 0 && controls[neighbourhood];
    }
}
