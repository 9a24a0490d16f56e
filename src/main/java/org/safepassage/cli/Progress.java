package org.safepassage.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line for a single run: shown only once the run has taken two seconds; on a terminal
 * redrawn in place at most once a second, elsewhere (logs) a short line every 10 %.
 */
final class Progress {
    private static final long SHOW_AFTER_MILLIS = 2000;
    private final long showAfterMillis;
    private final PrintWriter err;
    private final boolean quiet;
    private final long ticks;
    private final double tickHours;
    private final boolean terminal;
    private final long start = System.currentTimeMillis();
    private long lastTenth = -1;
    private long lastDraw;
    private boolean shown;

    Progress(PrintWriter err, boolean quiet, long ticks, double tickHours) {
        this(err, quiet, Terminal.stderr(), ticks, tickHours, SHOW_AFTER_MILLIS);
    }

    Progress(PrintWriter err, boolean quiet, boolean terminal, long ticks, double tickHours, long showAfterMillis) {
        this.showAfterMillis = showAfterMillis;
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
        this.ticks = ticks;
        this.tickHours = tickHours;
    }

    void tick(long tick) {
        if (quiet) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - start < showAfterMillis) {
            return;
        }
        long percent = (tick + 1) * 100 / ticks;
        double hours = (tick + 1) * tickHours;
        if (!terminal) {
            if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                err.printf(Locale.ROOT, "  simulated %.0f of %.0f hours (%d %%)%n", hours, ticks * tickHours, percent);
                err.flush();
            }
            return;
        }
        if (now - lastDraw < 1000) {
            return;
        }
        lastDraw = now;
        shown = true;
        err.printf(Locale.ROOT, "\r  simulated %.0f of %.0f hours (%d %%)   ", hours, ticks * tickHours, percent);
        err.flush();
    }

    void done() {
        if (shown) {
            err.println();
        }
    }
}
