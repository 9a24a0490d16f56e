package org.safepassage.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safepassage.chart.Charts;
import org.safepassage.experiment.Design;
import org.safepassage.experiment.Sample;
import org.safepassage.experiment.SweepSummary;
import org.safepassage.metrics.FileNames;

/**
 * The charts of a finished sweep: each output figure against each varied parameter
 * ({@code <figure>-vs-<param>}), a heat map of the first output over the first two varied
 * parameters ({@code heatmap}), and for Saltelli designs the sensitivity indices
 * ({@code sensitivity} for the first output, {@code sensitivity-<figure>} for the others).
 * Factorial designs plot each point's mean and 95 % interval, one line per combination of the
 * other varied parameters (up to eight; beyond, one line per value of the one that changes the
 * figure most, averaged over the rest, which the legend names). A parameter whose values are
 * neither numbers nor durations is drawn on an axis of its values' names, not a continuous scale.
 * Every figure a study can chart counts persons or hours, so no interval is drawn below zero.
 * The heat map of a factorial design is never averaged over a third varied parameter (its
 * levels can differ a hundredfold, as monitoring's do): there is one heat map per combination
 * of the others, {@code heatmap} for the first. LHS and Sobol' designs plot
 * E[figure | parameter] as the mean over the A and B points in each of ten bins of the parameter,
 * with a 95 % t interval of that mean.
 */
public final class SweepCharts {

    private static final int MAX_SERIES = 8;
    private static final int LINE_BINS = 10;
    private static final int HEAT_BINS = 6;

    private SweepCharts() {
    }

    /**
     * How a parameter's value texts become numbers on an axis.
     *
     * @param categories the values' names at 0, 1, 2, ... for a parameter that is neither numbers
     *        nor durations; null for a numeric axis
     */
    public record Axis(String label, Map<String, Double> numbers, List<String> categories) {
        double of(String value) {
            return numbers.get(value);
        }
    }

    /** Writes every chart; returns the base names written. */
    public static List<String> write(Path dir, Design design, SweepSummary summary) throws IOException {
        List<String> written = new ArrayList<>();
        List<String> outputs = design.study().outputs();
        List<Integer> varied = varied(design);
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < design.paths().size(); i++) {
            axes.add(axis(design, i));
        }
        for (String figure : outputs) {
            for (int p : varied) {
                String base = figure + "-vs-" + slug(design.paths().get(p));
                List<Charts.XPoint> points = design.isSaltelli()
                        ? binnedPoints(design, summary, figure, p, axes.get(p))
                        : factorialPoints(design, summary, figure, p, varied, axes);
                Charts.xyIntervals(dir.resolve(base), figure + " against " + design.paths().get(p)
                        + " (mean and 95 % interval)", axes.get(p).label(), figure, points,
                        design.isSaltelli() ? null : axes.get(p).categories());
                written.add(base);
            }
        }
        if (varied.size() >= 2 && !outputs.isEmpty()) {
            written.addAll(heatMaps(dir, design, summary, outputs.get(0), varied.get(0), varied.get(1), axes));
        }
        if (design.isSaltelli()) {
            for (int o = 0; o < outputs.size(); o++) {
                String figure = outputs.get(o);
                List<Charts.Index> indices = new ArrayList<>();
                for (SweepSummary.Sensitivity s : summary.sensitivity()) {
                    if (s.figure().equals(figure)) {
                        var i = s.index();
                        indices.add(new Charts.Index(s.parameter(), i.first(), i.firstLow(), i.firstHigh(), i.total(),
                                i.totalLow(), i.totalHigh()));
                    }
                }
                String base = o == 0 ? "sensitivity" : "sensitivity-" + figure;
                Charts.sensitivity(dir.resolve(base), "Sensitivity of " + figure
                        + " (Jansen estimators, 95 % bootstrap intervals)", indices);
                written.add(base);
            }
        }
        return written;
    }

    /** Parameters that take more than one value. */
    public static List<Integer> varied(Design design) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < design.paths().size(); i++) {
            int index = i;
            long distinct = design.points().stream().map(p -> p.values().get(index)).distinct().count();
            if (distinct > 1) {
                out.add(i);
            }
        }
        return out;
    }

    /** Numbers as they are; ISO durations in hours; anything else by its order of first appearance. */
    public static Axis axis(Design design, int parameter) {
        String path = design.paths().get(parameter);
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (Design.Point p : design.points()) {
            values.add(p.values().get(parameter));
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        boolean allNumbers = true;
        boolean allDurations = true;
        for (String v : values) {
            allNumbers &= parseNumber(v) != null;
            allDurations &= parseHours(v) != null;
        }
        if (allNumbers) {
            values.forEach(v -> numbers.put(v, parseNumber(v)));
            return new Axis(path, numbers, null);
        }
        if (allDurations) {
            values.forEach(v -> numbers.put(v, parseHours(v)));
            return new Axis(path + " (hours)", numbers, null);
        }
        int k = 0;
        for (String v : values) {
            numbers.put(v, (double) k++);
        }
        return new Axis(path, numbers, List.copyOf(values));
    }

    private static Double parseNumber(String v) {
        try {
            double d = Double.parseDouble(v.replace("_", ""));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseHours(String v) {
        if (!v.startsWith("P")) {
            return null;
        }
        try {
            return Duration.parse(v).toMinutes() / 60.0;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Each point's mean and interval against parameter p, one line per combination of the other
     * varied parameters; when they make more than {@link #MAX_SERIES} lines, one line per value
     * of the other parameter with the most values that fit, averaged over the rest (the interval
     * of an average of m means combines theirs as if independent: half-width sqrt(sum h^2) / m).
     */
    private static List<Charts.XPoint> factorialPoints(Design design, SweepSummary summary, String figure, int p,
            List<Integer> varied, List<Axis> axes) {
        List<Integer> others = new ArrayList<>(varied);
        others.remove(Integer.valueOf(p));
        long combinations = 1;
        for (int q : others) {
            combinations *= axes.get(q).numbers().size();
        }
        List<Integer> seriesBy = others;
        String averaged = "";
        if (combinations > MAX_SERIES) {
            int best = -1;
            for (int q : others) {
                int n = axes.get(q).numbers().size();
                if (n <= MAX_SERIES && (best < 0 || effect(summary, figure, q) > effect(summary, figure, best))) {
                    best = q;
                }
            }
            seriesBy = best < 0 ? List.of() : List.of(best);
            List<String> rest = new ArrayList<>();
            for (int q : others) {
                if (q != best) {
                    rest.add(shortName(design, q));
                }
            }
            averaged = " (mean over " + String.join(", ", rest) + ")";
        }
        Map<String, Map<Double, List<Sample>>> groups = new LinkedHashMap<>();
        for (SweepSummary.PointSummary ps : summary.points()) {
            List<String> label = new ArrayList<>();
            for (int q : seriesBy) {
                label.add(shortName(design, q) + " " + ps.point().values().get(q));
            }
            String series = (label.isEmpty() ? figure : String.join(", ", label)) + averaged;
            groups.computeIfAbsent(series, k -> new TreeMap<>())
                    .computeIfAbsent(axes.get(p).of(ps.point().values().get(p)), k -> new ArrayList<>())
                    .add(ps.figures().get(figure));
        }
        List<Charts.XPoint> out = new ArrayList<>();
        groups.forEach((series, byX) -> byX.forEach((x, samples) -> {
            if (samples.size() == 1) {
                Sample s = samples.get(0);
                out.add(new Charts.XPoint(series, x, s.mean(), low(s), high(s)));
                return;
            }
            double mean = 0;
            double var = 0;
            for (Sample s : samples) {
                mean += s.mean();
                double half = (high(s) - low(s)) / 2;
                var += half * half;
            }
            int m = samples.size();
            mean /= m;
            double half = Math.sqrt(var) / m;
            out.add(new Charts.XPoint(series, x, mean, Math.max(0, mean - half), mean + half));
        }));
        return out;
    }

    /**
     * How much parameter q changes the figure: the largest over the smallest of the figure's
     * means at each of q's values (each averaged over the other parameters), +1 persons so that
     * zero is no division.
     */
    public static double effect(SweepSummary summary, String figure, int q) {
        Map<String, double[]> byValue = new LinkedHashMap<>();
        for (SweepSummary.PointSummary ps : summary.points()) {
            double[] acc = byValue.computeIfAbsent(ps.point().values().get(q), k -> new double[2]);
            acc[0] += ps.figures().get(figure).mean();
            acc[1]++;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] acc : byValue.values()) {
            double m = Math.abs(acc[0] / acc[1]) + 1;
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        return hi / lo;
    }

    /** The lower end of an interval of a count or a duration: never below zero. */
    public static double low(Sample s) {
        return Math.max(0, Double.isNaN(s.ciLow()) ? s.mean() : s.ciLow());
    }

    private static double high(Sample s) {
        return Double.isNaN(s.ciHigh()) ? s.mean() : s.ciHigh();
    }

    /** The A and B points of a Saltelli design (independent draws), binned along parameter p. */
    private static List<Charts.XPoint> binnedPoints(Design design, SweepSummary summary, String figure, int p,
            Axis axis) {
        List<List<Double>> bins = new ArrayList<>();
        double[] range = range(design, p, axis);
        for (int b = 0; b < LINE_BINS; b++) {
            bins.add(new ArrayList<>());
        }
        int stride = design.paths().size() + 2;
        for (SweepSummary.PointSummary ps : summary.points()) {
            if (ps.point().index() % stride > 1) {
                continue;
            }
            double x = axis.of(ps.point().values().get(p));
            bins.get(bin(x, range, LINE_BINS)).add(ps.figures().get(figure).mean());
        }
        List<Charts.XPoint> out = new ArrayList<>();
        for (int b = 0; b < LINE_BINS; b++) {
            if (bins.get(b).isEmpty()) {
                continue;
            }
            Sample s = Sample.of(bins.get(b).stream().mapToDouble(Double::doubleValue).toArray());
            double centre = range[0] + (b + 0.5) * (range[1] - range[0]) / LINE_BINS;
            out.add(new Charts.XPoint("mean over design points in each tenth of the range", centre, s.mean(),
                    low(s), high(s)));
        }
        return out;
    }

    private static double[] range(Design design, int p, Axis axis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Design.Point pt : design.points()) {
            double x = axis.of(pt.values().get(p));
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        var param = design.study().parameters().get(p);
        if (param.isRange()) {
            lo = Math.min(lo, param.min());
            hi = Math.max(hi, param.max());
        }
        return new double[] {lo, hi > lo ? hi : lo + 1};
    }

    private static int bin(double x, double[] range, int bins) {
        int b = (int) Math.floor((x - range[0]) / (range[1] - range[0]) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /**
     * Heat maps of the figure over parameters px and py: for a factorial design one per
     * combination of the other varied parameters (held, not averaged; the first is
     * {@code heatmap}, the others {@code heatmap-<values>}); for LHS and Sobol' designs one,
     * binned and averaged over the others, as the title says.
     */
    private static List<String> heatMaps(Path dir, Design design, SweepSummary summary, String figure, int px, int py,
            List<Axis> axes) throws IOException {
        List<Integer> others = new ArrayList<>(varied(design));
        others.remove(Integer.valueOf(px));
        others.remove(Integer.valueOf(py));
        if (design.isSaltelli() || others.isEmpty()) {
            heatMap(dir, "heatmap", design, summary, figure, px, py, axes, ps -> true,
                    design.isSaltelli() && varied(design).size() > 2 ? " (averaged over the other parameters)" : "");
            return List.of("heatmap");
        }
        Map<List<String>, String> combinations = new LinkedHashMap<>();
        for (SweepSummary.PointSummary ps : summary.points()) {
            List<String> key = others.stream().map(q -> ps.point().values().get(q)).toList();
            if (!combinations.containsKey(key)) {
                List<String> said = new ArrayList<>();
                for (int i = 0; i < others.size(); i++) {
                    said.add(shortName(design, others.get(i)) + " " + key.get(i));
                }
                combinations.put(key, String.join(", ", said));
            }
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<List<String>, String> c : combinations.entrySet()) {
            String base = written.isEmpty() ? "heatmap" : "heatmap-" + FileNames.keyPath(String.join("-", c.getKey()));
            heatMap(dir, base, design, summary, figure, px, py, axes,
                    ps -> others.stream().map(q -> ps.point().values().get(q)).toList().equals(c.getKey()),
                    " at " + c.getValue());
            written.add(base);
        }
        return written;
    }

    private static void heatMap(Path dir, String base, Design design, SweepSummary summary, String figure, int px,
            int py, List<Axis> axes, java.util.function.Predicate<SweepSummary.PointSummary> keep, String qualifier)
            throws IOException {
        Map<List<Double>, double[]> cells = new LinkedHashMap<>();
        double[] rx = design.isSaltelli() ? range(design, px, axes.get(px)) : null;
        double[] ry = design.isSaltelli() ? range(design, py, axes.get(py)) : null;
        int stride = design.paths().size() + 2;
        for (SweepSummary.PointSummary ps : summary.points()) {
            if (design.isSaltelli() && ps.point().index() % stride > 1 || !keep.test(ps)) {
                continue;
            }
            double x = axes.get(px).of(ps.point().values().get(px));
            double y = axes.get(py).of(ps.point().values().get(py));
            if (design.isSaltelli()) {
                x = centre(rx, bin(x, rx, HEAT_BINS));
                y = centre(ry, bin(y, ry, HEAT_BINS));
            }
            double[] acc = cells.computeIfAbsent(List.of(x, y), k -> new double[2]);
            acc[0] += ps.figures().get(figure).mean();
            acc[1]++;
        }
        List<Charts.Cell> out = new ArrayList<>();
        cells.forEach((xy, acc) -> out.add(new Charts.Cell(xy.get(0), xy.get(1), acc[0] / acc[1])));
        Charts.heatMap(dir.resolve(base), "Mean " + figure + qualifier, numbered(axes.get(px)), numbered(axes.get(py)),
                figure, out);
    }

    /** The axis label, with "(0 = a, 1 = b)" for named values (the heat map's cells are numbered). */
    private static String numbered(Axis axis) {
        if (axis.categories() == null) {
            return axis.label();
        }
        List<String> legend = new ArrayList<>();
        for (int k = 0; k < axis.categories().size(); k++) {
            legend.add(k + " = " + axis.categories().get(k));
        }
        return axis.label() + " (" + String.join(", ", legend) + ")";
    }

    private static double centre(double[] range, int b) {
        return range[0] + (b + 0.5) * (range[1] - range[0]) / HEAT_BINS;
    }

    /** The last key of a path (e.g. {@code monitoring}), or the whole path when another parameter shares it. */
    public static String shortName(Design design, int parameter) {
        String path = design.paths().get(parameter);
        String last = path.substring(path.lastIndexOf('.') + 1);
        long same = design.paths().stream().filter(q -> q.substring(q.lastIndexOf('.') + 1).equals(last)).count();
        return same > 1 ? path : last;
    }

    /** A key path as a file name part (see {@link FileNames#keyPath}). */
    public static String slug(String path) {
        return FileNames.keyPath(path);
    }
}
