package org.safepassage.sim.rules;

import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Pause;

/** ODD 7.5 (MODEL.md 6.5) and ODD 3: fighters' control, clashes, regrouping and early ends of pauses. */
public final class FighterRule {

    private FighterRule() {
    }

    /** Fighter control of a neighbourhood held by a group of this stance: hardline 1, moderate 0.5. */
    public static double control(FighterGroup.Stance stance) {
        return stance == FighterGroup.Stance.HARDLINE ? 1.0 : 0.5;
    }

    /**
     * Hourly rate of a clash at an open corridor: {@code clashPerHour} + {@code
     * clashPerHourPerThousandHardline} × hardline fighters holding the entry's neighbourhood / 1,000.
     */
    public static double clashRatePerHour(Corridor c, int hardlineFightersAtEntry) {
        return c.clashPerHour() + c.clashPerHourPerThousandHardline() * hardlineFightersAtEntry / 1000.0;
    }

    /** Ticks a clash keeps a corridor closed: {@code clashDuration} in ticks, at least 1. */
    public static long clashTicks(Corridor c, long tickMinutes) {
        return Math.max(1, c.clashDuration().toMinutes() / tickMinutes);
    }

    /** Ticks a group regroups once it starts: {@code regroupHours} in ticks, at least 1. */
    public static long regroupTicks(FighterGroup g, double tickHours) {
        return Math.max(1, Math.round(g.regroupHours() / tickHours));
    }

    /**
     * Early-termination hazard of an open pause per hour: {@code earlyEndPerHour}, ×
     * {@code regroupingMultiplier} while any group regroups.
     */
    public static double earlyEndRatePerHour(Pause p, boolean regrouping) {
        return p.earlyEndPerHour() * (regrouping ? p.regroupingMultiplier() : 1.0);
    }
}
