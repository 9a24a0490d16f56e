package org.safepassage.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.metrics.Manifest;

/**
 * Every chart of the project. Each method writes {@code base.png} (1000 x 600 pixels) and
 * {@code base.svg} next to each other, atomically; {@code base} is a path without extension.
 * Pause windows are shaded; intervals are drawn as bands or error bars, never hidden.
 */
public final class Charts {

    /** Pixel size of every chart. */
    public static final int WIDTH_PX = 1000;
    public static final int HEIGHT_PX = 600;

    /** A shaded stretch of the time axis, such as a pause window. */
    public record Window(double startHours, double endHours, String label) {
    }

    /** A line over time. */
    public record Line(String name, double[] xHours, double[] y) {
    }

    /** A line over time with an interval around it. */
    public record Band(String name, double[] xHours, double[] mid, double[] low, double[] high) {
    }

    /** One category's estimate and its interval. */
    public record Estimate(String name, double value, double low, double high) {
    }

    /** An outcome at one value of a parameter, with its interval; points of a series are joined. */
    public record XPoint(String series, double x, double mid, double low, double high) {
    }

    /** An observed value with the range the sources allow. */
    public record Observed(double xHours, double value, double low, double high, String label) {
    }

    /** First-order and total sensitivity of an outcome to one parameter, with intervals. */
    public record Index(String parameter, double first, double firstLow, double firstHigh, double total,
            double totalLow, double totalHigh) {
    }

    /** One cell of a heat map. */
    public record Cell(double x, double y, double value) {
    }

    private static final Color[] PALETTE = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xff, 0x7f, 0x0e), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22),
        new Color(0x17, 0xbe, 0xcf)};
    /** Pause windows: a neutral grey, so that no series colour is mistaken for a window. */
    private static final Color WINDOW_FILL = new Color(0x70, 0x70, 0x70, 36);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    /** Colour of the i-th series, the same in every chart. */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    public static void lines(Path base, String title, String xLabel, String yLabel, List<Line> lines,
            List<Window> windows) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int i = 0; i < l.xHours().length; i++) {
                s.add(l.xHours()[i], l.y()[i], false);
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // one path per series, not a line element per pair of points: a full-scale run's SVG
        // (2,016 ticks a corridor) stays small
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < lines.size(); i++) {
            r.setSeriesPaint(i, colour(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, numberAxis(xLabel), numberAxis(yLabel), r);
        shade(plot, windows);
        write(base, chart(title, plot, true));
    }

    public static void bands(Path base, String title, String xLabel, String yLabel, List<Band> bands,
            List<Window> windows) throws IOException {
        XYPlot plot = new XYPlot(bandData(bands), numberAxis(xLabel), numberAxis(yLabel), bandRenderer(bands.size(), 0));
        shade(plot, windows);
        write(base, chart(title, plot, true));
    }

    public static void estimates(Path base, String title, String yLabel, List<Estimate> estimates) throws IOException {
        String[] names = estimates.stream().map(Estimate::name).toArray(String[]::new);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        YIntervalSeries s = new YIntervalSeries(yLabel, false, true);
        for (int i = 0; i < estimates.size(); i++) {
            Estimate e = estimates.get(i);
            s.add(i, e.value(), e.low(), e.high());
        }
        data.addSeries(s);
        XYErrorRenderer r = errorRenderer(1);
        XYPlot plot = new XYPlot(data, new SymbolAxis(null, names), numberAxis(yLabel), r);
        for (int i = 0; i < estimates.size(); i++) {
            Estimate e = estimates.get(i);
            XYTextAnnotation a = new XYTextAnnotation("  " + number(e.value()) + " (" + number(e.low()) + "–"
                    + number(e.high()) + ")", i, e.value());
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            a.setFont(LABEL_FONT);
            plot.addAnnotation(a);
        }
        plot.getRangeAxis().setLowerBound(0);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.getDomainAxis().setLowerMargin(0.1);
        plot.getDomainAxis().setUpperMargin(0.3);
        padSymbolAxis(plot, estimates.size());
        write(base, chart(title, plot, false));
    }

    public static void xyIntervals(Path base, String title, String xLabel, String yLabel, List<XPoint> points)
            throws IOException {
        xyIntervals(base, title, xLabel, yLabel, points, null);
    }

    /**
     * As {@link #xyIntervals(Path, String, String, String, List)}; with {@code categories} (the
     * names of x = 0, 1, 2, ...) the x axis shows those names at those positions only, so that a
     * choice between a few values is not drawn as a continuous scale.
     */
    public static void xyIntervals(Path base, String title, String xLabel, String yLabel, List<XPoint> points,
            List<String> categories) throws IOException {
        Map<String, YIntervalSeries> bySeries = new LinkedHashMap<>();
        for (XPoint p : points) {
            bySeries.computeIfAbsent(p.series(), n -> new YIntervalSeries(n, true, true))
                    .add(p.x(), p.mid(), p.low(), p.high());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        bySeries.values().forEach(data::addSeries);
        XYErrorRenderer r = errorRenderer(bySeries.size());
        r.setDefaultLinesVisible(true);
        ValueAxis xAxis = categories == null ? numberAxis(xLabel)
                : new SymbolAxis(xLabel, categories.toArray(String[]::new));
        XYPlot plot = new XYPlot(data, xAxis, numberAxis(yLabel), r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        if (categories != null) {
            ((SymbolAxis) xAxis).setGridBandsVisible(false);
            xAxis.setRange(-0.5, categories.size() - 0.5);
        } else {
            // The first and last points' intervals are drawn in full, not on the plot's edge.
            xAxis.setLowerMargin(0.04);
            xAxis.setUpperMargin(0.04);
        }
        write(base, chart(title, plot, bySeries.size() > 1));
    }

    public static void heatMap(Path base, String title, String xLabel, String yLabel, String zLabel, List<Cell> cells)
            throws IOException {
        List<Double> xs = new ArrayList<>(new TreeSet<>(cells.stream().map(Cell::x).toList()));
        List<Double> ys = new ArrayList<>(new TreeSet<>(cells.stream().map(Cell::y).toList()));
        double[][] xyz = new double[3][cells.size()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            xyz[0][i] = xs.indexOf(c.x());
            xyz[1][i] = ys.indexOf(c.y());
            xyz[2][i] = c.value();
            min = Math.min(min, c.value());
            max = Math.max(max, c.value());
        }
        if (!(max > min)) {
            max = min + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(zLabel, xyz);
        LookupPaintScale scale = new LookupPaintScale(min, max, Color.WHITE);
        int steps = 64;
        for (int k = 0; k < steps; k++) {
            double t = (double) k / (steps - 1);
            scale.add(min + t * (max - min), viridisLike(t));
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(xLabel, xs.stream().map(Charts::number).toArray(String[]::new));
        SymbolAxis yAxis = new SymbolAxis(yLabel, ys.stream().map(Charts::number).toArray(String[]::new));
        xAxis.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        xAxis.setRange(-0.5, xs.size() - 0.5);
        yAxis.setRange(-0.5, ys.size() - 0.5);
        for (int i = 0; i < cells.size(); i++) {
            double t = (xyz[2][i] - min) / (max - min);
            XYTextAnnotation a = new XYTextAnnotation(number(xyz[2][i]), xyz[0][i], xyz[1][i]);
            a.setFont(LABEL_FONT);
            a.setPaint(t > 0.6 ? Color.BLACK : Color.WHITE);
            plot.addAnnotation(a);
        }
        JFreeChart chart = chart(title, plot, false);
        NumberAxis legendAxis = new NumberAxis(zLabel);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(16);
        chart.addSubtitle(legend);
        write(base, chart);
    }

    public static void sensitivity(Path base, String title, List<Index> indices) throws IOException {
        String[] names = indices.stream().map(Index::parameter).toArray(String[]::new);
        YIntervalSeries first = new YIntervalSeries("first-order (S1)", false, true);
        YIntervalSeries total = new YIntervalSeries("total (ST)", false, true);
        for (int i = 0; i < indices.size(); i++) {
            Index x = indices.get(i);
            first.add(i - 0.12, x.first(), x.firstLow(), x.firstHigh());
            total.add(i + 0.12, x.total(), x.totalLow(), x.totalHigh());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(first);
        data.addSeries(total);
        XYPlot plot = new XYPlot(data, new SymbolAxis(null, names), numberAxis("index (share of variance)"),
                errorRenderer(2));
        plot.getRangeAxis().setRange(indexRange(indices)[0], indexRange(indices)[1]);
        padSymbolAxis(plot, indices.size());
        write(base, chart(title, plot, true));
    }

    /**
     * The index axis: 0 to 1 with a margin, widened to hold every estimate and interval end (with
     * few samples an index, or its interval, can fall below 0 or above 1, and must show).
     */
    static double[] indexRange(List<Index> indices) {
        double lo = 0;
        double hi = 1;
        for (Index x : indices) {
            for (double v : new double[] {x.first(), x.firstLow(), x.firstHigh(), x.total(), x.totalLow(),
                x.totalHigh()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    public static void validation(Path base, String title, Band simulated, List<Observed> observed) throws IOException {
        XYPlot plot = new XYPlot(bandData(List.of(simulated)), numberAxis("hours from the episode's start"),
                numberAxis("persons who left (cumulative)"), bandRenderer(1, 0));
        YIntervalSeries obs = new YIntervalSeries("observed (range the sources allow)", false, true);
        for (Observed o : observed) {
            obs.add(o.xHours(), o.value(), o.low(), o.high());
        }
        YIntervalSeriesCollection obsData = new YIntervalSeriesCollection();
        obsData.addSeries(obs);
        XYErrorRenderer r = errorRenderer(1);
        r.setSeriesPaint(0, Color.BLACK);
        r.setErrorPaint(Color.BLACK);
        plot.setDataset(1, obsData);
        plot.setRenderer(1, r);
        for (Observed o : observed) {
            if (o.label() != null && !o.label().isBlank()) {
                XYTextAnnotation a = new XYTextAnnotation("  " + o.label(), o.xHours(), o.value());
                a.setTextAnchor(TextAnchor.CENTER_LEFT);
                a.setFont(LABEL_FONT);
                plot.addAnnotation(a);
            }
        }
        // Room on the right for the labels of the last observations, which would be cut at the axis.
        plot.getDomainAxis().setUpperMargin(0.3);
        write(base, chart(title, plot, true));
    }

    /** A number as people read it: thousands separated, at most two decimals below 10. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 || v == Math.rint(v) ? "#,##0" : a >= 10 ? "#,##0.0" : "#,##0.##";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Manifest.NUMBER_LOCALE)).format(v);
    }

    private static YIntervalSeriesCollection bandData(List<Band> bands) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Band b : bands) {
            YIntervalSeries s = new YIntervalSeries(b.name(), false, true);
            for (int i = 0; i < b.xHours().length; i++) {
                s.add(b.xHours()[i], b.mid()[i], b.low()[i], b.high()[i]);
            }
            data.addSeries(s);
        }
        return data;
    }

    private static DeviationRenderer bandRenderer(int series, int firstColour) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.25f);
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, colour(firstColour + i));
            r.setSeriesFillPaint(i, colour(firstColour + i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        return r;
    }

    private static XYErrorRenderer errorRenderer(int series) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(false);
        r.setCapLength(10);
        r.setErrorStroke(new BasicStroke(1.5f));
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, colour(i));
            r.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            r.setSeriesShapesVisible(i, true);
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        return r;
    }

    private static void padSymbolAxis(XYPlot plot, int categories) {
        plot.getDomainAxis().setRange(-0.6, categories - 0.4);
        ((SymbolAxis) plot.getDomainAxis()).setGridBandsVisible(false);
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static void shade(XYPlot plot, List<Window> windows) {
        boolean labelled = false;
        for (Window w : windows) {
            IntervalMarker m = new IntervalMarker(w.startHours(), w.endHours(), WINDOW_FILL);
            if (w.label() != null && !w.label().isBlank()) {
                m.setLabel(w.label());
                m.setLabelFont(LABEL_FONT);
                m.setLabelAnchor(labelled ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(labelled ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
                labelled = !labelled;
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
    }

    private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    /**
     * Number axes (tick labels) in {@link Manifest#NUMBER_LOCALE}: JFreeChart formats ticks in
     * the JVM's locale ("1,5" or Arabic-Indic digits) unless told otherwise.
     */
    private static void inNumberLocale(JFreeChart chart) {
        List<org.jfree.chart.axis.Axis> axes = new java.util.ArrayList<>();
        if (chart.getPlot() instanceof XYPlot p) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axes.add(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axes.add(p.getRangeAxis(i));
            }
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot p) {
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axes.add(p.getRangeAxis(i));
            }
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof PaintScaleLegend legend) {
                axes.add(legend.getAxis());
            }
        }
        for (org.jfree.chart.axis.Axis a : axes) {
            if (a instanceof NumberAxis n && !(a instanceof SymbolAxis)) {
                n.setStandardTickUnits(NumberAxis.createStandardTickUnits(Manifest.NUMBER_LOCALE));
            }
        }
    }

    private static void write(Path base, JFreeChart chart) throws IOException {
        inNumberLocale(chart);
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        AtomicFiles.write(png, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart, WIDTH_PX, HEIGHT_PX);
            }
        });
        SVGGraphics2D g = new SVGGraphics2D(WIDTH_PX, HEIGHT_PX);
        // ids of clip paths and gradients from the chart's name: the same chart gives the same
        // bytes, and charts inlined side by side in one HTML page do not share ids
        g.setDefsKeyPrefix(base.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        chart.draw((Graphics2D) g, new Rectangle2D.Double(0, 0, WIDTH_PX, HEIGHT_PX));
        String document = g.getSVGDocument();
        AtomicFiles.write(svg, tmp -> Files.writeString(tmp, document, StandardCharsets.UTF_8));
    }

    /** A perceptually ordered dark-blue to yellow ramp for heat maps (t in 0..1). */
    private static Paint viridisLike(double t) {
        float[][] stops = {{0.27f, 0.00f, 0.33f}, {0.23f, 0.32f, 0.55f}, {0.13f, 0.57f, 0.55f},
            {0.37f, 0.79f, 0.38f}, {0.99f, 0.91f, 0.14f}};
        double p = t * (stops.length - 1);
        int i = Math.min((int) p, stops.length - 2);
        double f = p - i;
        float[] a = stops[i];
        float[] b = stops[i + 1];
        return new Color((float) (a[0] + f * (b[0] - a[0])), (float) (a[1] + f * (b[1] - a[1])),
                (float) (a[2] + f * (b[2] - a[2])));
    }
}
