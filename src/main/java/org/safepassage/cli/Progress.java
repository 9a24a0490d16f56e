package org.safepassage.cli;

import java.io.PrintWriter;

/**
 * A progress line for a single run: shown only once the run has taken two seconds, redrawn
 * at most once a second ("day 3 of 7, 43 %").
 */
final class Progress {
    private static final long SHOW_AFTER_MILLIS = 2000;
    private final PrintWriter err;
    private final boolean quiet;
    private final long ticks;
    private final double tickHours;
    private final long start = System.currentTimeMillis();
    private long lastDraw;
    private boolean shown;

    Progress(PrintWriter err, boolean quiet, long ticks, double tickHours) {
        this.err = err;
        this.quiet = quiet;
        this.ticks = ticks;
        this.tickHours = tickHours;
    }

    void tick(long tick) {
        if (quiet) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - start < SHOW_AFTER_MILLIS || now - lastDraw < 1000) {
            return;
        }
        lastDraw = now;
        shown = true;
        double hours = (tick + 1) * tickHours;
        err.printf("\r  simulated %.0f of %.0f hours (%d %%)   ", hours, ticks * tickHours, (tick + 1) * 100 / ticks);
        err.flush();
    }

    void done() {
        if (shown) {
            err.println();
        }
    }
}
