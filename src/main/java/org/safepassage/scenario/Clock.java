package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;

/** Simulated time: calendar start (local), tick length and horizon. */
public record Clock(LocalDateTime start, int tickMinutes, Duration horizon) {

    public double tickHours() {
        return tickMinutes / 60.0;
    }

    public int ticks() {
        return (int) (horizon.toMinutes() / tickMinutes);
    }

    /** Tick index at which a calendar time falls (may be negative or past the horizon). */
    public long tickOf(LocalDateTime time) {
        long minutes = Duration.between(start, time).toMinutes();
        return Math.floorDiv(minutes, tickMinutes);
    }

    public LocalDateTime timeOf(long tick) {
        return start.plusMinutes(tick * tickMinutes);
    }
}
