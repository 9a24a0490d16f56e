package org.safepassage.validation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Episode;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.Observed;
import org.safepassage.scenario.Pause;
import org.safepassage.scenario.Scenario;

/**
 * The two null predictors the model must beat (docs/CALIBRATION.md), scored with the same
 * error as the model ({@link Validation#log10Error}) on the same observations:
 * <ul>
 * <li><b>nobody leaves</b>: 0 persons at every observation;</li>
 * <li><b>fixed share per open hour</b>: {@code min(persons, share × persons × openHours(t))},
 * where {@code openHours(t)} counts the hours up to the observation during which at least
 * one civilian or medical corridor was open as the scenario declares it (pause windows with
 * their kept extensions, less scheduled suspensions, or the corridor's own schedule), or a
 * front moved ({@link Scenario#frontMovesFrom} to {@code front.movingUntil}, else the end:
 * people cross it, docs/ODD.md 7.8); the
 * share is fitted to minimise the weighted mean episode error of the episodes it is fitted
 * on (for a left-out episode: all the others).</li>
 * </ul>
 */
public final class NullPredictors {

    /** Step of the open-hours count, hours (6 minutes: finer than any window in the episodes). */
    static final double STEP_HOURS = 0.1;

    /** Range of log10(share per hour) searched, and its step. */
    static final double LOG_SHARE_MIN = -8;
    static final double LOG_SHARE_MAX = 0;
    static final double LOG_SHARE_STEP = 0.01;

    /**
     * What a null predictor needs of an episode: its population, weight, observations and the
     * open hours at each observation.
     */
    public record Facts(String name, double persons, double weight, List<Observed.Point> points, double[] openHours) {
    }

    private NullPredictors() {
    }

    public static Facts facts(Episode e) {
        Scenario s = e.scenario();
        double offset = e.observed().offsetHours(s.clock());
        List<Observed.Point> points = e.observed().points();
        double[] open = new double[points.size()];
        for (int i = 0; i < open.length; i++) {
            open[i] = openHours(s, offset + points.get(i).hours());
        }
        return new Facts(e.name(), s.population().persons(), e.observed().weight(), points, open);
    }

    /**
     * Hours from the clock's start to {@code untilHours} during which a civilian or medical
     * corridor is open or a front moves.
     */
    static double openHours(Scenario s, double untilHours) {
        List<Span> windows = new ArrayList<>();
        List<Span> suspended = new ArrayList<>();
        LocalDateTime t0 = s.clock().start();
        for (Event ev : s.events()) {
            if (ev.type() == Event.Type.SUSPEND) {
                double a = hours(t0, ev.at());
                suspended.add(new Span(a, a + ev.duration().toMinutes() / 60.0, ev.target()));
            }
        }
        for (Corridor c : s.corridors()) {
            if (c.kind() == Corridor.Kind.FIGHTER) {
                continue;
            }
            if (!c.schedule().isEmpty()) {
                for (Corridor.Window w : c.schedule()) {
                    double a = hours(t0, w.start());
                    windows.add(new Span(a, a + w.duration().toMinutes() / 60.0, null));
                }
                continue;
            }
            for (Pause p : s.pauses()) {
                if (!c.pauses().isEmpty() && !c.pauses().contains(p.name())) {
                    continue;
                }
                Duration extra = p.extensions().stream().filter(Pause.Extension::kept).map(Pause.Extension::by)
                        .reduce(Duration.ZERO, Duration::plus);
                for (int d = 0; d < p.repeatDays(); d++) {
                    double a = hours(t0, p.start().plusDays(d));
                    Duration length = d == p.repeatDays() - 1 ? p.duration().plus(extra) : p.duration();
                    windows.add(new Span(a, a + length.toMinutes() / 60.0, p.name()));
                }
            }
        }
        frontMoving(s).ifPresent(windows::add);
        double open = 0;
        for (double t = 0; t < untilHours - 1e-9; t += STEP_HOURS) {
            double mid = t + STEP_HOURS / 2;
            for (Span w : windows) {
                if (w.contains(mid) && !suspendedAt(suspended, w.pause(), mid)) {
                    open += Math.min(STEP_HOURS, untilHours - t);
                    break;
                }
            }
        }
        return open;
    }

    /** The span a front moves (Scenario.frontMovesFrom to front.movingUntil): a way out as open as a corridor. */
    private static java.util.Optional<Span> frontMoving(Scenario s) {
        LocalDateTime t0 = s.clock().start();
        double to = s.front().movingUntil() != null ? hours(t0, s.front().movingUntil()) : Double.POSITIVE_INFINITY;
        return s.frontMovesFrom().map(from -> new Span(hours(t0, from), to, null));
    }

    /** Hours [from, to) after the clock's start; {@code pause} names the pause it belongs to (null: none). */
    private record Span(double from, double to, String pause) {
        boolean contains(double hour) {
            return hour >= from && hour < to;
        }
    }

    private static boolean suspendedAt(List<Span> suspended, String pause, double hour) {
        for (Span s : suspended) {
            if (s.pause().equals(pause) && s.contains(hour)) {
                return true;
            }
        }
        return false;
    }

    private static double hours(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toMinutes() / 60.0;
    }

    /** The "nobody leaves" predictor's mean |log10 error| over an episode's observations. */
    public static double nobodyError(Facts f) {
        return f.points().stream().mapToDouble(p -> Math.abs(Validation.log10Error(0, p.persons()))).average()
                .orElse(Double.NaN);
    }

    /** The fixed-share predictor's figure at observation i. */
    public static double shareFigure(Facts f, int i, double sharePerHour) {
        return Math.min(f.persons(), sharePerHour * f.persons() * f.openHours()[i]);
    }

    /** The fixed-share predictor's mean |log10 error| over an episode's observations. */
    public static double shareError(Facts f, double sharePerHour) {
        double sum = 0;
        for (int i = 0; i < f.points().size(); i++) {
            sum += Math.abs(Validation.log10Error(shareFigure(f, i, sharePerHour), f.points().get(i).persons()));
        }
        return f.points().isEmpty() ? Double.NaN : sum / f.points().size();
    }

    /** The share per open hour that minimises the weighted mean episode error over {@code fit} (grid in log10). */
    public static double fitShare(List<Facts> fit) {
        double best = Double.POSITIVE_INFINITY;
        double bestShare = 0;
        for (double lg = LOG_SHARE_MIN; lg <= LOG_SHARE_MAX + 1e-9; lg += LOG_SHARE_STEP) {
            double share = Math.pow(10, lg);
            double num = 0;
            double den = 0;
            for (Facts f : fit) {
                num += f.weight() * shareError(f, share);
                den += f.weight();
            }
            double score = den > 0 ? num / den : Double.NaN;
            if (score < best) {
                best = score;
                bestShare = share;
            }
        }
        return bestShare;
    }

    /**
     * Per episode, the fixed-share predictor's error with the share fitted on all the other
     * episodes, and the share used.
     */
    public static double[][] leaveOneOut(List<Facts> all) {
        double[][] out = new double[all.size()][2];
        for (int i = 0; i < all.size(); i++) {
            List<Facts> others = new ArrayList<>(all);
            others.remove(i);
            double share = fitShare(others);
            out[i][0] = shareError(all.get(i), share);
            out[i][1] = share;
        }
        return out;
    }
}
