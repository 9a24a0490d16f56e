package org.safepassage.chart;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.safepassage.sim.District;
import org.safepassage.sim.PauseCalendar;

/**
 * The clock and pause state of a run in words, as residents would know it at the end of the
 * current tick: "pause open, 3 h 12 min left", "extension announced", "suspended, resumes in
 * 2 h", "pause announced, starts in 14 h". Shared by the map pictures and the GUI.
 */
public final class PauseStatus {

    /** How long an extension stays news in the status line. */
    private static final long EXTENSION_NEWS_MINUTES = 60;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private PauseStatus() {
    }

    /** Minutes of simulated time elapsed once {@code ticksDone} ticks have run. */
    public static long elapsedMinutes(District d, long ticksDone) {
        return ticksDone * d.scenario.clock().tickMinutes();
    }

    /** Ticks done so far: the current tick index + 1 once a tick has run, 0 before. */
    public static long ticksDone(District d, boolean started) {
        return started ? d.tick() + 1 : 0;
    }

    /** "Thu 20 Oct 2016 14:00 (+30 h)". */
    public static String clock(District d, long ticksDone) {
        LocalDateTime now = d.scenario.clock().timeOf(ticksDone);
        return CLOCK.format(now) + " (+" + duration(elapsedMinutes(d, ticksDone)) + ")";
    }

    /**
     * The pause state after {@code ticksDone} ticks: an open pause first, then a suspended
     * one, then the next announced one, then the most recent one that ended.
     */
    public static String describe(District d, long ticksDone) {
        PauseCalendar cal = d.calendar();
        if (cal.size() == 0) {
            return "no pause declared";
        }
        long t = ticksDone;
        int tickMinutes = d.scenario.clock().tickMinutes();
        for (int p = 0; p < cal.size(); p++) {
            if (cal.open(p, t)) {
                long left = (cal.announcedEnd(p, t) - t) * tickMinutes;
                String text = "pause open, " + duration(left) + " left";
                if (extensionNews(cal, p, t, tickMinutes)) {
                    text += "; extension announced";
                }
                return text;
            }
        }
        for (int p = 0; p < cal.size(); p++) {
            if (cal.suspended(p, t) && t < cal.finalEnd(p)) {
                long resumes = (cal.suspendedUntil(p, t) - t) * tickMinutes;
                return "pause suspended, resumes in " + duration(resumes);
            }
        }
        for (int p = 0; p < cal.size(); p++) {
            if (cal.announced(p, t)) {
                long start = cal.windowStart(p, t);
                if (start != PauseCalendar.NEVER && start > t) {
                    boolean later = t > d.scenario.clock().tickOf(cal.pause(p).start());
                    String next = later ? "next window" : "pause";
                    return next + " announced, starts in " + duration((start - t) * tickMinutes);
                }
            }
        }
        for (int p = cal.size() - 1; p >= 0; p--) {
            if (t >= cal.finalEnd(p)) {
                return cal.endedEarly(p) ? "pause ended early; no pause in force" : "pause over; no pause in force";
            }
        }
        return "no pause announced yet";
    }

    private static boolean extensionNews(PauseCalendar cal, int p, long t, int tickMinutes) {
        long back = Math.max(1, EXTENSION_NEWS_MINUTES / tickMinutes);
        for (long s = t; s > t - back && s >= 0; s--) {
            if (cal.extensionAnnounced(p, s)) {
                return true;
            }
        }
        return false;
    }

    /** "3 h 12 min", "45 min", "2 d 4 h". */
    public static String duration(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long mins = minutes % 60;
        if (hours >= 48) {
            long days = hours / 24;
            long h = hours % 24;
            return days + " d" + (h > 0 ? " " + h + " h" : "");
        }
        return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
    }
}
