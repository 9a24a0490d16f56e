package org.safepassage.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.HashSet;
import java.util.Set;
import org.safepassage.chart.MapPainter;
import org.safepassage.sim.District;
import org.safepassage.sim.HouseholdPhase;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.Portrayal;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;
import sim.util.Bag;

/**
 * The district as one MASON field portrayal: draws the model's arrays through
 * {@link MapPainter} (the same drawing as the map pictures), and answers clicks with the
 * household or corridor under the mouse, whose inspector shows its live state. The field is
 * the {@link District} of the current run.
 */
final class DistrictPortrayal extends FieldPortrayal2D {

    private MapPainter painter;
    private final Set<Integer> selected = new HashSet<>();
    private boolean labels = true;

    @Override
    public void setField(Object field) {
        super.setField(field);
        painter = new MapPainter((District) field);
        selected.clear();
    }

    void setLabels(boolean on) {
        labels = on;
    }

    private District district() {
        return (District) field;
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new SimplePortrayal2D();
    }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        if (painter == null) {
            return;
        }
        MapPainter.Layout at = painter.fill(info.draw);
        painter.paint(g, at, labels);
        District d = district();
        int w = d.grid().width;
        for (int h : selected) {
            if (h < d.households().count() && HouseholdPhase.inside(d.households().phase(h))) {
                var p = at.centre(d.households().cell(h), w);
                double r = Math.max(6, at.cellWidth() * 0.8);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r));
                g.setColor(Color.YELLOW);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r));
            }
        }
    }

    /** A click: the corridor whose marker is under it, else the nearest household within a few pixels. */
    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        if (painter == null) {
            return;
        }
        District d = district();
        MapPainter.Layout at = painter.fill(range.draw);
        double px = range.clip.getCenterX();
        double py = range.clip.getCenterY();
        int k = painter.corridorNear(at, px, py);
        if (k >= 0) {
            putInHere.add(new LocationWrapper(new CorridorView(d, d.corridors().get(k)), k, this));
            return;
        }
        double radius = Math.max(4, Math.max(range.clip.width, range.clip.height) / 2 + at.cellWidth() * 0.5);
        int h = painter.householdNear(at, px, py, radius);
        if (h >= 0) {
            putInHere.add(new LocationWrapper(new HouseholdView(d, h), h, this));
        }
    }

    @Override
    public boolean setSelected(LocationWrapper wrapper, boolean on) {
        if (wrapper != null && wrapper.getObject() instanceof HouseholdView v) {
            if (on) {
                selected.add(v.index());
            } else {
                selected.remove(v.index());
            }
        }
        return true;
    }

    @Override
    public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
        return wrapper == null ? null : new SimpleInspector(wrapper.getObject(), state, null);
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        return wrapper == null ? "" : String.valueOf(wrapper.getObject());
    }

    @Override
    public String getStatus(LocationWrapper wrapper) {
        return getName(wrapper);
    }
}
