package org.safepassage.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.safepassage.scenario.Clock;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.Pause;

/**
 * The pause calendar in ticks (MODEL.md 2, Pauses): windows (with daily repetition), notice,
 * extensions announced during a pause (kept or not), suspensions, and early ends. Apart from
 * early ends, which the run decides as it goes ({@link #endEarly}), it is a pure function of time.
 * Residents know the announced end of a window, never the future: an extension counts only
 * from the tick it is announced, and an unkept one still counts until the pause closes.
 */
public final class PauseCalendar {

    /** Sentinel for "never". */
    public static final long NEVER = Long.MAX_VALUE / 4;

    private final List<Pause> pauses;
    private final long[] announceTick;
    private final long[][] windowStart;
    private final long[][] windowBaseEnd;
    /** Tick from which residents know of each window: the pause's announcement, or {@code windowNotice} before it. */
    private final long[][] windowKnown;
    private final long[] lastActualEnd;
    private final long[][] extensionTick;
    private final long[][] extensionTicks;
    private final List<List<long[]>> suspensions = new ArrayList<>();
    private final long[] endedEarly;

    public PauseCalendar(List<Pause> pauses, List<Event> events, Clock clock) {
        this.pauses = pauses;
        int n = pauses.size();
        announceTick = new long[n];
        windowStart = new long[n][];
        windowBaseEnd = new long[n][];
        windowKnown = new long[n][];
        lastActualEnd = new long[n];
        extensionTick = new long[n][];
        extensionTicks = new long[n][];
        endedEarly = new long[n];
        Arrays.fill(endedEarly, NEVER);
        for (int p = 0; p < n; p++) {
            Pause pause = pauses.get(p);
            announceTick[p] = clock.tickOf(pause.announcedAt());
            windowStart[p] = new long[pause.repeatDays()];
            windowBaseEnd[p] = new long[pause.repeatDays()];
            windowKnown[p] = new long[pause.repeatDays()];
            for (int w = 0; w < pause.repeatDays(); w++) {
                windowStart[p][w] = clock.tickOf(pause.start().plusDays(w));
                windowBaseEnd[p][w] = clock.tickOf(pause.start().plusDays(w).plus(pause.duration()));
                windowKnown[p][w] = w == 0 || pause.windowNotice() == null ? announceTick[p]
                        : Math.max(announceTick[p], clock.tickOf(pause.start().plusDays(w).minus(pause.windowNotice())));
            }
            int e = pause.extensions().size();
            extensionTick[p] = new long[e];
            extensionTicks[p] = new long[e];
            long kept = 0;
            for (int i = 0; i < e; i++) {
                Pause.Extension x = pause.extensions().get(i);
                extensionTick[p][i] = clock.tickOf(x.announcedAt());
                extensionTicks[p][i] = x.by().toMinutes() / clock.tickMinutes();
                if (x.kept()) {
                    kept += extensionTicks[p][i];
                }
            }
            lastActualEnd[p] = windowBaseEnd[p][pause.repeatDays() - 1] + kept;
            List<long[]> list = new ArrayList<>();
            for (Event ev : events) {
                if (ev.type() == Event.Type.SUSPEND && ev.target().equals(pause.name())) {
                    long from = clock.tickOf(ev.at());
                    list.add(new long[] {from, from + ev.duration().toMinutes() / clock.tickMinutes()});
                }
            }
            suspensions.add(list);
        }
    }

    public int size() {
        return pauses.size();
    }

    public Pause pause(int p) {
        return pauses.get(p);
    }

    /** End tick of window w as it actually happens (before any early end). */
    long actualEnd(int p, int w) {
        return w == windowStart[p].length - 1 ? lastActualEnd[p] : windowBaseEnd[p][w];
    }

    /** Tick after which pause p is over for good. */
    public long finalEnd(int p) {
        return Math.min(lastActualEnd[p], endedEarly[p]);
    }

    public boolean suspended(int p, long t) {
        for (long[] s : suspensions.get(p)) {
            if (t >= s[0] && t < s[1]) {
                return true;
            }
        }
        return false;
    }

    /** End tick of the suspension of pause p in force at t, or t when it is not suspended. */
    public long suspendedUntil(int p, long t) {
        long until = t;
        for (long[] s : suspensions.get(p)) {
            if (t >= s[0] && t < s[1]) {
                until = Math.max(until, s[1]);
            }
        }
        return until;
    }

    /** Whether pause p is in force at tick t (in a window, not suspended, not ended). */
    public boolean open(int p, long t) {
        if (t >= endedEarly[p] || suspended(p, t)) {
            return false;
        }
        for (int w = 0; w < windowStart[p].length; w++) {
            if (t >= windowStart[p][w] && t < actualEnd(p, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether residents who heard of pause p consider it on or coming at tick t. */
    public boolean announced(int p, long t) {
        return t >= announceTick[p] && t < finalEnd(p);
    }

    public long announceTick(int p) {
        return announceTick[p];
    }

    /** Index of the window that is current or next at t, or -1 when none is left. */
    int window(int p, long t) {
        for (int w = 0; w < windowStart[p].length; w++) {
            if (actualEnd(p, w) > t) {
                return w;
            }
        }
        return -1;
    }

    /**
     * Whether residents know at t of the current or next window of pause p: always from the
     * pause's announcement, unless the pause announces each later window only {@code windowNotice}
     * before it opens (ODD 7.3, windows announced each morning).
     */
    public boolean windowKnown(int p, long t) {
        int w = window(p, t);
        return w >= 0 && t >= windowKnown[p][w];
    }

    /** Whether another window of pause p follows the current or next one at t (daily windows). */
    public boolean windowFollows(int p, long t) {
        int w = window(p, t);
        return w >= 0 && w < windowStart[p].length - 1 && t < finalEnd(p);
    }

    /** Start tick of the current or next window at t (≤ t when open), NEVER when none is left. */
    public long windowStart(int p, long t) {
        int w = window(p, t);
        return w < 0 || t >= finalEnd(p) ? NEVER : windowStart[p][w];
    }

    /**
     * End tick of the current or next window as announced at t: the last window includes the
     * extensions announced by t, kept or not. NEVER when no window is left.
     */
    public long announcedEnd(int p, long t) {
        int w = window(p, t);
        if (w < 0 || t >= finalEnd(p)) {
            return NEVER;
        }
        if (w < windowStart[p].length - 1) {
            return windowBaseEnd[p][w];
        }
        long end = windowBaseEnd[p][w];
        for (int i = 0; i < extensionTick[p].length; i++) {
            if (extensionTick[p][i] <= t) {
                end += extensionTicks[p][i];
            }
        }
        return end;
    }

    /** Whether an extension of pause p is announced exactly at tick t. */
    public boolean extensionAnnounced(int p, long t) {
        for (long x : extensionTick[p]) {
            if (x == t) {
                return true;
            }
        }
        return false;
    }

    /** Ends pause p at tick t (the declaring party calls it off). */
    public void endEarly(int p, long t) {
        if (t < endedEarly[p]) {
            endedEarly[p] = t;
        }
    }

    public boolean endedEarly(int p) {
        return endedEarly[p] != NEVER;
    }

    /** All windows of pause p as actually held [start, end) ticks, for charts; early end applied. */
    public List<long[]> heldWindows(int p) {
        List<long[]> out = new ArrayList<>();
        for (int w = 0; w < windowStart[p].length; w++) {
            long s = windowStart[p][w];
            long e = Math.min(actualEnd(p, w), endedEarly[p]);
            if (e <= s) {
                continue;
            }
            long cursor = s;
            for (long[] susp : suspensions.get(p)) {
                if (susp[1] > cursor && susp[0] < e) {
                    if (susp[0] > cursor) {
                        out.add(new long[] {cursor, susp[0]});
                    }
                    cursor = Math.max(cursor, susp[1]);
                }
            }
            if (cursor < e) {
                out.add(new long[] {cursor, e});
            }
        }
        return out;
    }
}
