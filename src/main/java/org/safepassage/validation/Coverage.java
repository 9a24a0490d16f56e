package org.safepassage.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safepassage.experiment.ModelError;
import org.safepassage.scenario.Discrepancy;

/**
 * Coverage of the 90 % bands (docs/UNCERTAINTY.md): per episode, how many observed figures lie
 * inside the band of the runs alone [p5, p95] and inside the band with the model's structural
 * error ({@link ModelError}: the runs convolved with the residuals of a {@link Discrepancy}), and
 * how wide each band is ((p95 − p5) / (median + 10), median over the observations). Two ways:
 * in sample (the runs of the shipped ensemble, the residuals of every episode, its own included)
 * and leaving the episode out (the runs of the fold's ensemble, chosen without the episode, and
 * the residuals of the other episodes only).
 */
public final class Coverage {

    /** In sample, or with the episode left out of what its band is built from. */
    public enum Way {
        IN_SAMPLE("in sample"), LEAVE_ONE_OUT("leave one episode out");

        private final String text;

        Way(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One episode's (or all episodes') coverage one way.
     *
     * @param episode the episode's name, or "all episodes"
     * @param members members of the ensemble its runs drew from (the fold's when left out; 0 for the total)
     * @param insideRuns observed figures inside the runs' band
     * @param insideWithError observed figures inside the band with model error
     * @param widthsRuns the runs' band width at each observation
     * @param widthsWithError the band-with-model-error width at each observation
     */
    public record Row(String episode, Way way, int members, int insideRuns, int insideWithError, double[] widthsRuns,
            double[] widthsWithError) {

        public int points() {
            return widthsRuns.length;
        }

        public double widthRuns() {
            return median(widthsRuns);
        }

        public double widthWithError() {
            return median(widthsWithError);
        }
    }

    private Coverage() {
    }

    /**
     * The signed residual of every observation, {@code log10((observed + 10) / (simulated median + 10))},
     * weighted by its episode's weight over the episode's number of observations (as the score weighs them).
     */
    public static Discrepancy residuals(List<EpisodeResult> results, Map<String, String> provenance) {
        List<Discrepancy.Residual> out = new ArrayList<>();
        for (EpisodeResult r : results) {
            for (PointResult p : r.points()) {
                out.add(new Discrepancy.Residual(r.name(), p.point().hours(), 0 - p.log10Error(),
                        r.weight() / r.points().size()));
            }
        }
        return new Discrepancy(out, provenance);
    }

    /** Each episode's runs with the residuals of all episodes (its own included). */
    public static List<Row> inSample(List<EpisodeResult> results, Discrepancy all, int members) {
        return results.stream().map(r -> row(r, Way.IN_SAMPLE, all, members)).toList();
    }

    /**
     * Each episode's fold runs ({@code folds}, in the order of the episodes) with the residuals
     * of the other episodes: {@code residuals.without(episode)}, so an episode's own residuals
     * never widen its own band.
     */
    public static List<Row> leaveOneOut(List<EpisodeResult> folds, Discrepancy residuals, int[] members) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            out.add(row(folds.get(i), Way.LEAVE_ONE_OUT, residuals.without(folds.get(i).name()), members[i]));
        }
        return out;
    }

    /**
     * One episode's row against the residuals {@code d}; with none (no other episode), the band
     * with model error is the runs' own: no error was measured to add.
     */
    static Row row(EpisodeResult r, Way way, Discrepancy d, int members) {
        if (!(java.util.Arrays.stream(d.weights()).sum() > 0)) {
            d = new Discrepancy(List.of(new Discrepancy.Residual("", 0, 0, 1)), Map.of());
        }
        int n = r.points().size();
        int inRuns = 0;
        int inError = 0;
        double[] wRuns = new double[n];
        double[] wError = new double[n];
        for (int p = 0; p < n; p++) {
            PointResult point = r.points().get(p);
            double observed = point.point().persons();
            inRuns += BandCoverage.inside(point) ? 1 : 0;
            wRuns[p] = BandCoverage.relativeWidth(point);
            ModelError band = ModelError.of(r.runsByPoint()[p], d, Double.POSITIVE_INFINITY);
            inError += observed >= band.p5() && observed <= band.p95() ? 1 : 0;
            wError[p] = (band.p95() - band.p5()) / (band.median() + Validation.OFFSET_PERSONS);
        }
        return new Row(r.name(), way, members, inRuns, inError, wRuns, wError);
    }

    /** All episodes together: observations and insides summed, widths' median over every observation. */
    public static Row total(List<Row> rows, Way way) {
        return new Row("all episodes", way, 0, rows.stream().mapToInt(Row::insideRuns).sum(),
                rows.stream().mapToInt(Row::insideWithError).sum(),
                rows.stream().flatMapToDouble(r -> Arrays.stream(r.widthsRuns())).toArray(),
                rows.stream().flatMapToDouble(r -> Arrays.stream(r.widthsWithError())).toArray());
    }

    /** The terminal block: per episode both ways side by side, then all episodes. */
    public static String text(List<Row> inSample, List<Row> leftOut) {
        StringBuilder b = new StringBuilder();
        b.append("90 % band coverage (observed figure inside [p5, p95]; width = (p95 - p5) / median, median over the "
                + "observations); runs = the ensemble's runs alone; + error = with the model's error on the episodes added "
                + "(in sample: every episode's residuals; left out: the other episodes' only; docs/UNCERTAINTY.md):\n");
        b.append(String.format(Locale.ROOT, "  %-26s %-34s %s%n", "", Way.IN_SAMPLE.text(),
                leftOut == null ? "" : Way.LEAVE_ONE_OUT.text() + " (fold ensemble, others' residuals)"));
        b.append(String.format(Locale.ROOT, "  %-26s %-34s %s%n", "episode", "runs | + error (width runs | + error)",
                leftOut == null ? "" : "members: runs | + error (width runs | + error)"));
        List<Row> all = new ArrayList<>(inSample);
        all.add(total(inSample, Way.IN_SAMPLE));
        List<Row> loo = null;
        if (leftOut != null) {
            loo = new ArrayList<>(leftOut);
            loo.add(total(leftOut, Way.LEAVE_ONE_OUT));
        }
        for (int i = 0; i < all.size(); i++) {
            Row r = all.get(i);
            String right = "";
            if (loo != null) {
                Row l = loo.get(i);
                right = (l.members() > 0 ? l.members() + ": " : "") + cell(l);
            }
            b.append(String.format(Locale.ROOT, "  %-26s %-34s %s", r.episode(), cell(r), right).stripTrailing())
                    .append('\n');
        }
        return b.toString();
    }

    private static String cell(Row r) {
        return String.format(Locale.ROOT, "%d | %d of %d (%s | %s)", r.insideRuns(), r.insideWithError(), r.points(),
                width(r.widthRuns()), width(r.widthWithError()));
    }

    private static String width(double w) {
        return Double.isNaN(w) ? "-" : String.format(Locale.ROOT, w >= 10 ? "%.0f" : "%.2f", w);
    }

    /** Share of the observations inside, e.g. 0.86. */
    public static double share(Row total, boolean withError) {
        return total.points() == 0 ? Double.NaN : (double) (withError ? total.insideWithError() : total.insideRuns())
                / total.points();
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
