package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A humanitarian pause: one or more windows (daily repetition) declared by a party.
 *
 * @param name identifier used by events and key paths
 * @param declaredBy the party declaring it
 * @param credibility how far residents believe the declaring party (0..1); mean initial trust
 * @param start start of the first window
 * @param duration length of each window
 * @param repeatDays number of daily windows (1 = a single window)
 * @param notice how long before the first window starts it is announced
 * @param announcementCoverage share of households reached by leaflets/broadcast at announcement
 * @param earlyEndPerHour hourly hazard that the declaring party ends the pause early
 * @param regroupingMultiplier factor on that hazard while fighters regroup
 * @param extensions extensions announced during the pause
 * @param windowNotice how long before each later window (of {@code repeatDays}) that window is
 *     announced; null: every window is known from the pause's announcement
 * @param violatedAt when the declared pause is broken and ends for good (ODD 7.3 "A declared
 *     ceasefire that fails"); null: it is not
 */
public record Pause(
        String name,
        String declaredBy,
        double credibility,
        LocalDateTime start,
        Duration duration,
        int repeatDays,
        Duration notice,
        double announcementCoverage,
        double earlyEndPerHour,
        double regroupingMultiplier,
        List<Extension> extensions,
        Duration windowNotice,
        LocalDateTime violatedAt) {

    public Pause {
        extensions = List.copyOf(extensions);
    }

    /** A pause that is not violated. */
    public Pause(String name, String declaredBy, double credibility, LocalDateTime start, Duration duration,
            int repeatDays, Duration notice, double announcementCoverage, double earlyEndPerHour,
            double regroupingMultiplier, List<Extension> extensions, Duration windowNotice) {
        this(name, declaredBy, credibility, start, duration, repeatDays, notice, announcementCoverage,
                earlyEndPerHour, regroupingMultiplier, extensions, windowNotice, null);
    }

    /** A pause whose every window is known from its announcement (no {@code windowNotice}). */
    public Pause(String name, String declaredBy, double credibility, LocalDateTime start, Duration duration,
            int repeatDays, Duration notice, double announcementCoverage, double earlyEndPerHour,
            double regroupingMultiplier, List<Extension> extensions) {
        this(name, declaredBy, credibility, start, duration, repeatDays, notice, announcementCoverage,
                earlyEndPerHour, regroupingMultiplier, extensions, null, null);
    }

    public LocalDateTime announcedAt() {
        return start.minus(notice);
    }

    /**
     * An extension announced during the pause.
     *
     * @param announcedAt when residents hear of it
     * @param by how much the last window is lengthened
     * @param kept false for a promise that is announced but not honoured
     */
    public record Extension(LocalDateTime announcedAt, Duration by, boolean kept) {
    }
}
