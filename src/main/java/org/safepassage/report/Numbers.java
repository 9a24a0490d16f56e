package org.safepassage.report;

import java.util.Locale;

/**
 * Numbers as a planner reads them: an estimate is rounded to a power of ten no larger than half
 * its confidence interval's half-width, so that only digits the runs support are shown
 * ("41,000 (38,000–44,000)", "600 (400–800)"); whole persons at the finest.
 */
public final class Numbers {

    private Numbers() {
    }

    /** Rounding step for an estimate known to within ±halfWidth; {@code finest} when the interval is tiny or unknown. */
    public static double step(double halfWidth, double finest) {
        if (Double.isNaN(halfWidth) || halfWidth <= 0) {
            return finest;
        }
        double step = Math.pow(10, Math.floor(Math.log10(halfWidth / 2)));
        return Math.max(step, finest);
    }

    /** {@code value} rounded to a multiple of {@code step}, with thousands separators ("41,000"); "n/a" for NaN. */
    public static String rounded(double value, double step) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double r = Math.round(value / step) * step;
        if (step >= 1) {
            return String.format(Locale.ROOT, "%,d", Math.round(r));
        }
        int decimals = (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%,." + decimals + "f", r);
    }

    /**
     * A figure of a spread (a percentile, not an estimate of a mean) to two significant figures,
     * whole persons at the finest: "240", "11,000", "0".
     */
    public static String significant(double value) {
        if (Double.isNaN(value) || value == 0) {
            return rounded(value, 1);
        }
        return rounded(value, Math.max(1, Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 1)));
    }

    /** Like {@link #rounded} with a sign ("+600", "-1,200", "0"). */
    public static String signed(double value, double step) {
        String s = rounded(value, step);
        return value > 0 && !s.matches("0(\\.0*)?") ? "+" + s : s;
    }

    /** "41,000 (38,000{dash}44,000)" for counts of persons. */
    public static String estimate(double mean, double low, double high, String dash) {
        return estimate(mean, low, high, dash, 1);
    }

    /** An estimate and its interval, rounded alike; just the mean when the interval is unknown. */
    public static String estimate(double mean, double low, double high, String dash, double finest) {
        double step = step((high - low) / 2, finest);
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return rounded(mean, step);
        }
        return rounded(mean, step) + " (" + rounded(low, step) + dash + rounded(high, step) + ")";
    }

    /** A difference and its interval with signs: "+40,000 (+37,000 to +43,000)". */
    public static String difference(double mean, double low, double high, double finest) {
        double step = step((high - low) / 2, finest);
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return signed(mean, step);
        }
        return signed(mean, step) + " (" + signed(low, step) + " to " + signed(high, step) + ")";
    }
}
