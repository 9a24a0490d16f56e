package org.safepassage.sim;

import java.util.Arrays;
import org.safepassage.scenario.Corridor;

/**
 * What the corridors offer civilians at a tick, as residents know it: which corridors are
 * on offer (open, or announced to open: a window of a corridor's own schedule from its
 * {@code announcedAt}, a later window of a pause from its {@code windowNotice}), when each next opens and when its announced window
 * ends, and for every cell the nearest one on foot (recomputed only when the offer changes).
 * A suspended pause is taken to reopen when its suspension ends: households wait at home
 * until then rather than set out (those already queued wait with their patience).
 */
final class Offer {
    private final District d;
    private final CalendarPhase calendarPhase;
    final boolean[] offered;
    final long[] nextOpenTick;
    final long[] closeTick;
    /** Per corridor: whether another window on offer follows the one in {@link #nextOpenTick} (ODD 7.1, preparation across windows). */
    final boolean[] recurs;
    boolean any;
    private boolean[] lastOffered;
    /** Per cell: nearest offered civilian corridor, and nearest offered civilian or medical one. */
    final byte[] nearestCivilian;
    final byte[] nearestAny;

    Offer(District d, CalendarPhase calendarPhase) {
        this.d = d;
        this.calendarPhase = calendarPhase;
        int k = d.corridors.length;
        offered = new boolean[k];
        nextOpenTick = new long[k];
        closeTick = new long[k];
        recurs = new boolean[k];
        nearestCivilian = new byte[d.grid.cells()];
        nearestAny = new byte[d.grid.cells()];
    }

    void update(long t, boolean mapChanged) {
        any = false;
        for (CorridorState c : d.corridors) {
            int k = c.index;
            offered[k] = false;
            nextOpenTick[k] = PauseCalendar.NEVER;
            closeTick[k] = -1;
            recurs[k] = false;
            if (c.lost() || !c.civilian()) {
                continue;
            }
            if (!c.spec.schedule().isEmpty()) {
                for (Corridor.Window w : c.spec.schedule()) {
                    long s = d.scenario.clock().tickOf(w.start());
                    long e = d.scenario.clock().tickOf(w.end());
                    boolean known = w.announcedAt() == null || d.scenario.clock().tickOf(w.announcedAt()) <= t;
                    if (known && e > t) {
                        if (s < nextOpenTick[k]) {
                            recurs[k] = nextOpenTick[k] != PauseCalendar.NEVER;
                            nextOpenTick[k] = Math.max(s, t);
                            closeTick[k] = e;
                        } else {
                            recurs[k] = true;
                        }
                    }
                }
            } else {
                for (int p = 0; p < d.calendar.size(); p++) {
                    if (d.calendar.announced(p, t) && d.calendar.windowKnown(p, t) && calendarPhase.servesPause(c, p)) {
                        long opens = Math.max(d.calendar.suspendedUntil(p, t), d.calendar.windowStart(p, t));
                        nextOpenTick[k] = Math.min(nextOpenTick[k], opens);
                        closeTick[k] = Math.max(closeTick[k], d.calendar.announcedEnd(p, t));
                        recurs[k] |= d.calendar.windowFollows(p, t);
                    }
                }
            }
            if (nextOpenTick[k] != PauseCalendar.NEVER) {
                if (c.inClash(t)) {
                    nextOpenTick[k] = Math.max(nextOpenTick[k], c.clashUntilTick());
                }
                offered[k] = true;
                any = true;
            }
        }
        if (mapChanged || lastOffered == null || !Arrays.equals(lastOffered, offered)) {
            lastOffered = offered.clone();
            computeNearest();
        }
    }

    private void computeNearest() {
        int cells = d.grid.cells();
        for (int cell = 0; cell < cells; cell++) {
            byte bestCivilian = -1;
            byte bestAny = -1;
            float civilianMinutes = Float.POSITIVE_INFINITY;
            float anyMinutes = Float.POSITIVE_INFINITY;
            int hood = d.grid.neighbourhood[cell];
            for (CorridorState c : d.corridors) {
                if (!offered[c.index] || hood >= 0 && !c.serves(hood)) {
                    continue;
                }
                float m = d.grid.minutesTo[c.index][cell];
                if (m < anyMinutes) {
                    anyMinutes = m;
                    bestAny = (byte) c.index;
                }
                if (!c.medical() && m < civilianMinutes) {
                    civilianMinutes = m;
                    bestCivilian = (byte) c.index;
                }
            }
            nearestCivilian[cell] = bestCivilian;
            nearestAny[cell] = bestAny;
        }
    }

    /** The corridor a household would expect to use from its cell: nearest, medical ones too if it has wounded. */
    int nearestFor(int cell, boolean wounded) {
        return wounded ? nearestAny[cell] : nearestCivilian[cell];
    }
}
