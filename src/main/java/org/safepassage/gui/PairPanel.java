package org.safepassage.gui;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.safepassage.chart.PauseStatus;
import org.safepassage.sim.District;
import org.safepassage.sim.HouseholdPhase;

/**
 * The side-by-side view's shared figures, under the two maps: one chart with the persons out of
 * both designs over time, and a table of the main figures of each with the difference B − A,
 * so that a class sees the trade-off as the two runs go. Each map's header gives its design's
 * pause state. Fed from the model thread through a queue, drawn by a Swing timer.
 */
final class PairPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    static final Color A = new Color(0x0f766e);
    static final Color B = new Color(0xc2410c);
    private static final String[] ROWS = {"persons out", "killed", "detained", "queued now", "on the way",
        "still at home"};

    /** One tick's figures of both designs, taken on the model thread. */
    private record Sample(int generation, double hours, long[][] figures, String[] status) {
    }

    private final ConcurrentLinkedQueue<Sample> pending = new ConcurrentLinkedQueue<>();
    private volatile int generation;
    private final XYSeries outA = new XYSeries("A", false, true);
    private final XYSeries outB = new XYSeries("B", false, true);
    private final JLabel[][] cells = new JLabel[ROWS.length][3];
    private final JLabel[] headers;
    private final String[] names = new String[2];
    private final JFreeChart chart;

    /** @param headers the labels above the two maps, which show each design's name and pause state */
    PairPanel(JLabel[] headers) {
        super(new BorderLayout(8, 0));
        this.headers = headers;
        setBackground(Color.WHITE);
        setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(outA);
        data.addSeries(outB);
        NumberAxis x = new NumberAxis("hours from the start");
        NumberAxis y = new NumberAxis("persons out (cumulative)");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.UK));
        y.setAutoRangeMinimumSize(10);
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
        y.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.UK));
        x.setAutoRangeMinimumSize(1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, A);
        r.setSeriesPaint(1, B);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesStroke(1, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe2e5ea));
        plot.setRangeGridlinePaint(new Color(0xe2e5ea));
        chart = new JFreeChart("Persons out: A and B, same seed", new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartPanel cp = new ChartPanel(chart, 420, 230, 200, 120, 2000, 2000, true, true, true, true, true, true);
        cp.setPreferredSize(new Dimension(440, 230));
        add(cp, BorderLayout.CENTER);

        JPanel table = new JPanel(new GridLayout(ROWS.length + 1, 4, 6, 2));
        table.setOpaque(false);
        table.add(new JLabel(""));
        table.add(head("A", A));
        table.add(head("B", B));
        table.add(head("B − A", Color.DARK_GRAY));
        for (int i = 0; i < ROWS.length; i++) {
            JLabel name = new JLabel(ROWS[i]);
            name.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            table.add(name);
            for (int j = 0; j < 3; j++) {
                cells[i][j] = new JLabel("0", SwingConstants.RIGHT);
                cells[i][j].setFont(new Font(Font.SANS_SERIF, j == 2 ? Font.BOLD : Font.PLAIN, 14));
                table.add(cells[i][j]);
            }
        }
        table.setPreferredSize(new Dimension(470, 200));
        JPanel east = new JPanel(new BorderLayout());
        east.setOpaque(false);
        east.add(table, BorderLayout.NORTH);
        add(east, BorderLayout.EAST);
        new Timer(200, e -> drain()).start();
    }

    private static JLabel head(String text, Color c) {
        JLabel l = new JLabel(text, SwingConstants.RIGHT);
        l.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        l.setForeground(c);
        return l;
    }

    /** Starts afresh for a new run of both designs (model thread); {@code names} label the maps. */
    void reset(List<District> districts, List<String> designNames) {
        int g = ++generation;
        pending.clear();
        double horizon = 0;
        for (District d : districts) {
            horizon = Math.max(horizon, d.scenario.clock().ticks() * d.scenario.clock().tickHours());
        }
        double h = horizon;
        names[0] = designNames.get(0);
        names[1] = designNames.get(1);
        SwingUtilities.invokeLater(() -> {
            if (g != generation) {
                return;
            }
            outA.clear();
            outB.clear();
            chart.getXYPlot().getDomainAxis().setRange(0, h);
        });
        record(districts, 0);
    }

    /** Takes both designs' figures after {@code ticksDone} ticks (model thread). */
    void record(List<District> districts, long ticksDone) {
        long[][] f = new long[2][];
        String[] status = new String[2];
        for (int i = 0; i < 2; i++) {
            District d = districts.get(i);
            long done = Math.min(ticksDone, d.scenario.clock().ticks());
            f[i] = new long[] {d.evacuated(), d.killed(), d.detained(), d.persons(HouseholdPhase.QUEUED),
                d.persons(HouseholdPhase.PREPARING) + d.persons(HouseholdPhase.MOVING), d.persons(HouseholdPhase.STAYING)};
            status[i] = PauseStatus.clock(d, done) + " · " + PauseStatus.describe(d, done);
        }
        pending.add(new Sample(generation, ticksDone * districts.get(0).scenario.clock().tickHours(), f, status));
    }

    private void drain() {
        Sample last = null;
        Sample s;
        while ((s = pending.poll()) != null) {
            if (s.generation() != generation) {
                continue;
            }
            outA.add(s.hours(), s.figures()[0][0], false);
            outB.add(s.hours(), s.figures()[1][0], false);
            last = s;
        }
        if (last == null) {
            return;
        }
        outA.fireSeriesChanged();
        outB.fireSeriesChanged();
        for (int i = 0; i < ROWS.length; i++) {
            long a = last.figures()[0][i];
            long b = last.figures()[1][i];
            cells[i][0].setText(String.format(Locale.UK, "%,d", a));
            cells[i][1].setText(String.format(Locale.UK, "%,d", b));
            cells[i][2].setText(String.format(Locale.UK, "%+,d", b - a));
        }
        for (int i = 0; i < 2; i++) {
            headers[i].setText("<html><b>" + (i == 0 ? "A" : "B") + ": " + names[i] + "</b><br>" + last.status()[i]
                    + "</html>");
        }
    }
}
