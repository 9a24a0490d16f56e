package org.safepassage.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.District;
import org.safepassage.sim.FighterState;
import org.safepassage.sim.HouseholdPhase;

/**
 * The key to a map picture, with the run's live figures: persons by phase, persons out,
 * killed and detained, each corridor's state, queue and persons out, terrain, fighter groups.
 */
public final class MapLegend {

    private static final Color TEXT = new Color(0x1f2430);
    private static final Color MUTED = new Color(0x5f6673);
    private static final Color RULE = new Color(0xd4d7dd);

    private final Graphics2D g;
    private final double x;
    private final double width;
    private double y;
    private final Font heading;
    private final Font body;
    private final Font small;
    private final double row;

    private MapLegend(Graphics2D g, Rectangle2D area, double scale) {
        this.g = g;
        this.x = area.getX();
        this.width = area.getWidth();
        this.y = area.getY();
        this.heading = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(13 * scale));
        this.body = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * scale));
        this.small = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(11 * scale));
        this.row = 17 * scale;
    }

    /** Paints the legend of {@code d} into {@code area}; returns the height used. */
    public static double paint(Graphics2D g, District d, Rectangle2D area, double scale) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        MapLegend l = new MapLegend(g, area, scale);
        l.households(d);
        l.corridors(d);
        l.terrain();
        l.fighters(d);
        return l.y - area.getY();
    }

    private static String n(long v) {
        return String.format(Locale.UK, "%,d", v);
    }

    private void title(String text) {
        y += row * 0.35;
        g.setColor(RULE);
        g.setStroke(new BasicStroke(1f));
        g.draw(new java.awt.geom.Line2D.Double(x, y, x + width, y));
        y += row * 0.25;
        g.setFont(heading);
        g.setColor(TEXT);
        y += row;
        g.drawString(text, (float) x, (float) (y - row * 0.25));
    }

    /** One line: a swatch drawn by {@code swatch} in a box at the left, then text, then a right-aligned figure. */
    private void line(java.util.function.Consumer<Rectangle2D> swatch, String text, String figure) {
        Rectangle2D box = new Rectangle2D.Double(x + 2, y + row * 0.2, row * 0.9, row * 0.65);
        if (swatch != null) {
            swatch.accept(box);
        }
        g.setFont(body);
        g.setColor(TEXT);
        FontMetrics fm = g.getFontMetrics();
        double baseline = y + row * 0.78;
        double textX = x + row * 1.3;
        double figureWidth = figure == null ? 0 : fm.stringWidth(figure);
        String shown = fit(text, fm, width - row * 1.3 - figureWidth - 8);
        g.drawString(shown, (float) textX, (float) baseline);
        if (figure != null) {
            g.drawString(figure, (float) (x + width - figureWidth), (float) baseline);
        }
        y += row;
    }

    private static String fit(String text, FontMetrics fm, double max) {
        if (fm.stringWidth(text) <= max) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private void note(String text) {
        g.setFont(small);
        g.setColor(MUTED);
        g.drawString(text, (float) x, (float) (y + row * 0.75));
        y += row;
    }

    private java.util.function.Consumer<Rectangle2D> dot(Color c) {
        return box -> {
            double s = box.getHeight() * 0.8;
            g.setColor(c);
            g.fill(new Ellipse2D.Double(box.getCenterX() - s / 2, box.getCenterY() - s / 2, s, s));
        };
    }

    private java.util.function.Consumer<Rectangle2D> swatch(Color c) {
        return box -> {
            g.setColor(c);
            g.fill(box);
            g.setColor(new Color(0, 0, 0, 60));
            g.setStroke(new BasicStroke(0.8f));
            g.draw(box);
        };
    }

    private void households(District d) {
        title("Persons inside (dots: households)");
        line(dot(MapPainter.STAYING), "staying at home", n(d.persons(HouseholdPhase.STAYING)));
        line(dot(MapPainter.PREPARING), "preparing to leave", n(d.persons(HouseholdPhase.PREPARING)));
        line(dot(MapPainter.MOVING), "walking to a corridor", n(d.persons(HouseholdPhase.MOVING)));
        line(dot(MapPainter.QUEUED), "queued at a corridor", n(d.persons(HouseholdPhase.QUEUED)));
        title("Persons out or lost");
        line(null, "through corridors", n(d.evacuatedThroughCorridors()));
        if (d.leftAcrossFront() > 0) {
            line(null, "across the front", n(d.leftAcrossFront()));
        }
        line(null, "killed", n(d.killed()));
        line(null, "detained at screening", n(d.detained()));
        note("of " + n(d.initialPersons()) + " at the start");
    }

    private void corridors(District d) {
        title("Corridors (queue / out)");
        long tick = d.tick();
        for (CorridorState c : d.corridors()) {
            Color colour = MapPainter.corridorColour(c, tick);
            boolean fighter = c.spec.kind() == Corridor.Kind.FIGHTER;
            String figure = fighter ? n(c.fightersEvacuated()) + " fighters"
                    : n(c.queuedPersons()) + " / " + n(c.evacuatedPersons());
            line(marker(colour, fighter), c.spec.name() + " – " + MapPainter.corridorState(c, tick), figure);
        }
        legendInline(x, new Object[][] {
            {MapPainter.OPEN, "open"}, {MapPainter.CLOSED, "closed"}, {MapPainter.CLASH, "clash"}, {MapPainter.LOST, "lost"},
        });
        note("circle: civilians; diamond: fighters; pink halo: queue");
    }

    /** Several colour keys on one row. */
    private void legendInline(double left, Object[][] items) {
        double cx = left + 2;
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (Object[] item : items) {
            Color c = (Color) item[0];
            String text = (String) item[1];
            double s = row * 0.6;
            g.setColor(c);
            g.fill(new Ellipse2D.Double(cx, y + row * 0.2, s, s));
            g.setColor(MUTED);
            g.drawString(text, (float) (cx + s + 4), (float) (y + row * 0.72));
            cx += s + 4 + fm.stringWidth(text) + 12;
        }
        y += row;
    }

    private java.util.function.Consumer<Rectangle2D> marker(Color colour, boolean diamond) {
        return box -> {
            double r = box.getHeight() * 0.6;
            double cx = box.getCenterX();
            double cy = box.getCenterY();
            java.awt.Shape s;
            if (diamond) {
                Path2D p = new Path2D.Double();
                p.moveTo(cx, cy - r);
                p.lineTo(cx + r, cy);
                p.lineTo(cx, cy + r);
                p.lineTo(cx - r, cy);
                p.closePath();
                s = p;
            } else {
                s = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            }
            g.setColor(colour);
            g.fill(s);
        };
    }

    private void terrain() {
        title("Map");
        Color[] hoods = MapPainter.neighbourhoodColours(3);
        line(box -> {
            double w = box.getWidth() / 3;
            for (int i = 0; i < 3; i++) {
                g.setColor(hoods[i]);
                g.fill(new Rectangle2D.Double(box.getX() + i * w, box.getY(), w + 0.5, box.getHeight()));
            }
        }, "built-up, one colour per neighbourhood", null);
        line(swatch(MapPainter.mix(hoods[0], Color.WHITE, 0.6)), "street", null);
        line(swatch(MapPainter.RUBBLE), "rubble", null);
        line(swatch(MapPainter.BLOCKED), "blocked", null);
        line(swatch(MapPainter.FRONT), "front line", null);
        line(swatch(new Color(0xd5ecd0)), "safe side (outside the enclave)", null);
    }

    private void fighters(District d) {
        if (d.fighters().isEmpty()) {
            return;
        }
        title("Fighter groups (present)");
        for (FighterState f : d.fighters()) {
            boolean hardline = f.spec.stance() == FighterGroup.Stance.HARDLINE;
            Color colour = hardline ? MapPainter.HARDLINE : MapPainter.MODERATE;
            line(box -> {
                g.setColor(colour);
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
                g.draw(box);
                if (hardline) {
                    g.setStroke(new BasicStroke(1f));
                    for (double k = 0; k < box.getWidth() + box.getHeight(); k += 4) {
                        g.draw(new java.awt.geom.Line2D.Double(box.getX() + Math.max(0, k - box.getHeight()),
                                box.getY() + Math.min(box.getHeight(), k), box.getX() + Math.min(box.getWidth(), k),
                                box.getY() + Math.max(0, k - box.getWidth())));
                    }
                }
            }, f.spec.name() + (hardline ? " (hardline)" : ""), n(f.present()));
        }
        note("dashed outline: the neighbourhoods a group holds");
    }
}
