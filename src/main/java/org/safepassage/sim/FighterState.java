package org.safepassage.sim;

import org.safepassage.scenario.FighterGroup;

/** One fighter group during a run. */
public final class FighterState {
    public final FighterGroup spec;
    final int corridor;
    final boolean[] controls;
    private int present;
    private long evacuated;
    private boolean dealAllowed;
    private long regroupingUntilTick = -1;

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

    boolean dealAllowed() {
        return dealAllowed;
    }

    /** A deal was made for this group: it leaves if it accepts deals. */
    void deal() {
        dealAllowed = spec.acceptsDeal();
    }

    void startRegrouping(long untilTick) {
        regroupingUntilTick = untilTick;
    }

    /** The group no longer holds neighbourhood n (lost at a front shift). */
    void loseControl(int n) {
        controls[n] = false;
    }

    /** {@code fighters} of the group leave (through {@link FighterTally#fightersLeave}). */
    void leave(int fighters) {
        present -= fighters;
        evacuated += fighters;
    }
}
