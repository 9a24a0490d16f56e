package org.safepassage.sim;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.Clock;
import org.safepassage.scenario.Event;

/**
 * The run's clock (ODD 3, phase 1): the tick, which pauses are open or announced at it, the
 * scheduled events still to come, and the log of what happened. Only the calendar phase moves
 * it; every phase may {@link #note} what it did.
 */
final class RunClock {

    private final Clock clock;
    private long tick;
    private boolean anyPauseOpen;
    private boolean anyPauseAnnounced;
    private final boolean[] pauseOpen;
    private final List<Event> pendingEvents;
    private final List<String> log = new ArrayList<>();

    RunClock(Clock clock, int pauses, List<Event> events) {
        this.clock = clock;
        this.pauseOpen = new boolean[pauses];
        this.pendingEvents = new ArrayList<>(events);
        this.pendingEvents.sort((a, b) -> a.at().compareTo(b.at()));
    }

    /** Starts tick t: no pause is open or announced until the calendar phase says so. */
    void beginTick(long t) {
        tick = t;
        anyPauseOpen = false;
        anyPauseAnnounced = false;
    }

    /** Records whether pause p is open and announced at this tick; true when its opening changed. */
    boolean setPause(int p, boolean open, boolean announced) {
        boolean changed = pauseOpen[p] != open;
        pauseOpen[p] = open;
        anyPauseOpen |= open;
        anyPauseAnnounced |= announced;
        return changed;
    }

    boolean anyPauseAnnounced() {
        return anyPauseAnnounced;
    }

    /** The next scheduled event due at or before tick t, taken off the list; null when none. */
    Event nextEventDue(long t) {
        if (!pendingEvents.isEmpty() && clock.tickOf(pendingEvents.get(0).at()) <= t) {
            return pendingEvents.remove(0);
        }
        return null;
    }

    void note(String what) {
        log.add(clock.timeOf(tick) + " " + what);
    }

    long tick() {
        return tick;
    }

    boolean anyPauseOpen() {
        return anyPauseOpen;
    }

    boolean pauseOpen(int p) {
        return pauseOpen[p];
    }

    List<String> log() {
        return List.copyOf(log);
    }
}
