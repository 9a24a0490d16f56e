package org.safepassage.gui;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.safepassage.chart.MapLegend;
import org.safepassage.chart.MapPainter;
import org.safepassage.chart.PauseStatus;
import org.safepassage.sim.District;
import org.safepassage.sim.HouseholdPhase;

/**
 * The panel beside the map: the clock and pause state in words, two live JFreeChart charts
 * (persons out over time, with pause windows shaded; persons on the way out by phase) and
 * the legend with the live figures. The model thread hands each tick's figures over in a
 * queue; a Swing timer moves them into the charts a few times a second.
 */
final class LivePanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final Color PAUSE_SHADE = new Color(23, 163, 74, 40);

    /** One tick's figures, taken on the model thread. */
    record Sample(int generation, double hours, long corridors, long acrossFront, long killed, long detained,
            long preparing, long moving, long queued, long staying, boolean pauseOpen, String clock, String status) {
    }

    private final ConcurrentLinkedQueue<Sample> pending = new ConcurrentLinkedQueue<>();
    private volatile int generation;
    private final JLabel clock = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final XYSeries out = new XYSeries("out through corridors", false, true);
    private final XYSeries front = new XYSeries("left across the front", false, true);
    private final XYSeries killed = new XYSeries("killed", false, true);
    private final XYSeries detained = new XYSeries("detained", false, true);
    private final XYSeries preparing = new XYSeries("preparing", false, true);
    private final XYSeries moving = new XYSeries("walking", false, true);
    private final XYSeries queued = new XYSeries("queued", false, true);
    private final JFreeChart outChart;
    private final JFreeChart phaseChart;
    private final TextTitle stayingNote = new TextTitle(" ");
    private final LegendView legend;
    private IntervalMarker[] openMarker = new IntervalMarker[2];
    private final java.util.function.Supplier<Object> lock;

    /** @param lock the lock the model steps under (the schedule), held while the legend reads the model */
    LivePanel(java.util.function.Supplier<Object> lock) {
        super(new BorderLayout(8, 8));
        this.lock = lock;
        setBackground(Color.WHITE);
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        JPanel top = new JPanel();
        top.setOpaque(false);
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        clock.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        status.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        top.add(clock);
        top.add(status);
        add(top, BorderLayout.NORTH);

        XYSeriesCollection outData = new XYSeriesCollection();
        outData.addSeries(out);
        outData.addSeries(front);
        outData.addSeries(killed);
        outData.addSeries(detained);
        outChart = chart("Persons out of the enclave (cumulative)", outData,
                new Color[] {MapPainter.OPEN, new Color(0x2563eb), Color.BLACK, new Color(0x8a8f98)});
        XYSeriesCollection phaseData = new XYSeriesCollection();
        phaseData.addSeries(preparing);
        phaseData.addSeries(moving);
        phaseData.addSeries(queued);
        phaseChart = chart("Persons on the way out, by phase", phaseData,
                new Color[] {MapPainter.PREPARING, MapPainter.MOVING, MapPainter.QUEUED});
        stayingNote.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        phaseChart.addSubtitle(stayingNote);
        JPanel charts = new JPanel(new GridLayout(2, 1, 0, 8));
        charts.setOpaque(false);
        charts.add(panel(outChart));
        charts.add(panel(phaseChart));
        add(charts, BorderLayout.CENTER);

        legend = new LegendView();
        legend.setPreferredSize(new Dimension(330, 640));
        add(legend, BorderLayout.EAST);

        Timer timer = new Timer(200, e -> drain());
        timer.start();
    }

    private static ChartPanel panel(JFreeChart chart) {
        ChartPanel p = new ChartPanel(chart, 430, 300, 200, 150, 2000, 2000, true, true, true, true, true, true);
        p.setPreferredSize(new Dimension(430, 300));
        return p;
    }

    private static JFreeChart chart(String title, XYSeriesCollection data, Color[] colours) {
        NumberAxis x = new NumberAxis("hours from the start");
        NumberAxis y = new NumberAxis("persons");
        y.setAutoRangeIncludesZero(true);
        // whole persons, and a range of at least 10 before anything happens (an empty chart
        // would otherwise label its axis 0 0 0 -0 -0)
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.UK));
        y.setAutoRangeMinimumSize(10);
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
        x.setAutoRangeMinimumSize(1);
        y.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.UK));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe2e5ea));
        plot.setRangeGridlinePaint(new Color(0xe2e5ea));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Starts afresh for a new run (called on the model's thread at start; the panel clears on the EDT). */
    void reset(District d) {
        int g = ++generation;
        pending.clear();
        double horizonHours = d.scenario.clock().ticks() * d.scenario.clock().tickHours();
        javax.swing.SwingUtilities.invokeLater(() -> {
            if (g != generation) {
                return;
            }
            for (XYSeries s : List.of(out, front, killed, detained, preparing, moving, queued)) {
                s.clear();
            }
            for (JFreeChart c : List.of(outChart, phaseChart)) {
                XYPlot p = c.getXYPlot();
                p.clearDomainMarkers();
                p.getDomainAxis().setRange(0, horizonHours);
            }
            openMarker = new IntervalMarker[2];
            legend.setDistrict(d);
        });
        legend.setDistrict(d);
        record(d, 0);
    }

    /** Takes the figures after {@code ticksDone} ticks (model thread). */
    void record(District d, long ticksDone) {
        pending.add(new Sample(generation, ticksDone * d.scenario.clock().tickHours(), d.evacuatedThroughCorridors(),
                d.leftAcrossFront(), d.killed(), d.detained(), d.persons(HouseholdPhase.PREPARING), d.persons(HouseholdPhase.MOVING),
                d.persons(HouseholdPhase.QUEUED), d.persons(HouseholdPhase.STAYING), d.anyPauseOpen(), PauseStatus.clock(d, ticksDone),
                PauseStatus.describe(d, ticksDone)));
    }

    /** Moves the samples taken since the last call into the charts (EDT). */
    private void drain() {
        Sample last = null;
        boolean any = false;
        Sample s;
        while ((s = pending.poll()) != null) {
            if (s.generation() != generation) {
                continue;
            }
            any = true;
            out.add(s.hours(), s.corridors(), false);
            front.add(s.hours(), s.acrossFront(), false);
            killed.add(s.hours(), s.killed(), false);
            detained.add(s.hours(), s.detained(), false);
            preparing.add(s.hours(), s.preparing(), false);
            moving.add(s.hours(), s.moving(), false);
            queued.add(s.hours(), s.queued(), false);
            shadePause(s);
            last = s;
        }
        if (!any) {
            return;
        }
        for (XYSeries x : List.of(out, front, killed, detained, preparing, moving, queued)) {
            x.fireSeriesChanged();
        }
        clock.setText(last.clock());
        status.setText(last.status());
        status.setForeground(last.status().startsWith("pause open") ? MapPainter.OPEN.darker() : new Color(0x8a3b12));
        stayingNote.setText(String.format(Locale.UK, "staying at home: %,d persons (not drawn)", last.staying()));
        legend.repaint();
    }

    /** Shades the hours a pause was open, growing the current band while it stays open. */
    private void shadePause(Sample s) {
        JFreeChart[] charts = {outChart, phaseChart};
        for (int i = 0; i < 2; i++) {
            if (s.pauseOpen()) {
                if (openMarker[i] == null) {
                    openMarker[i] = new IntervalMarker(s.hours(), s.hours(), PAUSE_SHADE);
                    openMarker[i].setLabel(i == 0 ? "pause" : null);
                    openMarker[i].setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    charts[i].getXYPlot().addDomainMarker(openMarker[i], Layer.BACKGROUND);
                }
                openMarker[i].setEndValue(s.hours() + 1e-9);
            } else {
                openMarker[i] = null;
            }
        }
    }

    /** The map's legend with the live figures, painted from the model under its lock. */
    private final class LegendView extends JComponent {
        private static final long serialVersionUID = 1L;
        private volatile District district;

        void setDistrict(District d) {
            district = d;
            repaint();
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g;
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, getWidth(), getHeight());
            District d = district;
            if (d == null) {
                return;
            }
            synchronized (lock.get()) {
                MapLegend.paint(g2, d, new Rectangle2D.Double(6, 0, getWidth() - 12, getHeight()), 1.0);
            }
        }
    }
}
