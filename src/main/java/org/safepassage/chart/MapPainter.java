package org.safepassage.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.District;
import org.safepassage.sim.FighterState;
import org.safepassage.sim.Grid;
import org.safepassage.sim.Households;
import org.safepassage.sim.HouseholdPhase;

/**
 * Draws the district of a run with Java2D (no screen needed): terrain with neighbourhoods
 * coloured, the front line, safe areas, fighter groups' ground, households as dots coloured
 * by phase, and corridors marked open, closed or in a clash, with their queues. Used for
 * the map pictures of {@code run --maps} and by the GUI's display. Reads the model through
 * its public accessors only; keeps a cached terrain image that is redrawn when a front
 * shift changes the map.
 */
public final class MapPainter {

    /** Phase colours of household dots (staying, preparing, moving, queued). */
    public static final Color STAYING = new Color(0x3d4a5c);
    public static final Color PREPARING = new Color(0xe8a800);
    public static final Color MOVING = new Color(0xf0600f);
    public static final Color QUEUED = new Color(0xc2185b);
    /** Corridor marker colours. */
    public static final Color OPEN = new Color(0x17a34a);
    public static final Color CLOSED = new Color(0x8a8f98);
    public static final Color CLASH = new Color(0xe01e1e);
    public static final Color LOST = new Color(0x202020);
    /** Terrain colours that do not depend on the neighbourhood. */
    public static final Color FRONT = new Color(0x9b1c1c);
    public static final Color BLOCKED = new Color(0x55575c);
    public static final Color RUBBLE = new Color(0xb8a58c);
    public static final Color HARDLINE = new Color(0xa31515);
    public static final Color MODERATE = new Color(0x6b5b2e);
    private static final Color[] SAFE_AREAS = {new Color(0xd5ecd0), new Color(0xd3e4f2), new Color(0xeee3c9),
        new Color(0xe4d9ef)};

    private final District d;
    private BufferedImage terrainImage;
    /** Overlay the household dots are set into, reused between paints of the same size. */
    private BufferedImage dots;
    private Path2D neighbourhoodLines;
    private Path2D frontLines;
    private int drawnLostHoods = -1;
    private final List<Point2D> hoodCentres = new ArrayList<>();
    private final List<Point2D> safeAreaCentres = new ArrayList<>();
    /** Per fighter group: ground and outline in cell units (they change only with front shifts). */
    private final List<Shape[]> fighterShapes = new ArrayList<>();

    public MapPainter(District d) {
        this.d = d;
    }

    public District district() {
        return d;
    }

    /** Where the map's cells fall on the page: cell (x, y) covers [x0 + x·cw, y0 + y·ch). */
    public record Layout(double x0, double y0, double cellWidth, double cellHeight) {
        public Point2D centre(int cell, int gridWidth) {
            return new Point2D.Double(x0 + (cell % gridWidth + 0.5) * cellWidth, y0 + (cell / gridWidth + 0.5) * cellHeight);
        }

        /** Cell index under a point, or -1 outside the grid. */
        public int cellAt(double px, double py, int gridWidth, int gridHeight) {
            int x = (int) Math.floor((px - x0) / cellWidth);
            int y = (int) Math.floor((py - y0) / cellHeight);
            return x < 0 || y < 0 || x >= gridWidth || y >= gridHeight ? -1 : y * gridWidth + x;
        }
    }

    /** Square cells, as large as fit in {@code area}, centred in it. */
    public Layout fit(Rectangle2D area) {
        Grid g = d.grid();
        double cell = Math.min(area.getWidth() / g.width, area.getHeight() / g.height);
        double x0 = area.getX() + (area.getWidth() - cell * g.width) / 2;
        double y0 = area.getY() + (area.getHeight() - cell * g.height) / 2;
        return new Layout(x0, y0, cell, cell);
    }

    /** Cells stretched to fill {@code area} exactly (the GUI's display keeps the aspect itself). */
    public Layout fill(Rectangle2D area) {
        return new Layout(area.getX(), area.getY(), area.getWidth() / d.grid().width, area.getHeight() / d.grid().height);
    }

    /** Paints everything: terrain, fighters' ground, households, corridors with labels. */
    public void paint(Graphics2D g, Layout at, boolean labels) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paintTerrain(g, at);
        paintFighters(g, at);
        if (labels) {
            paintPlaceNames(g, at);
        }
        paintHouseholds(g, at);
        paintCorridors(g, at, labels);
    }

    private int lostHoods() {
        int n = 0;
        for (int h = 0; h < d.neighbourhoods(); h++) {
            if (d.lost(h)) {
                n++;
            }
        }
        return n;
    }

    /** Redraws the cached terrain image and outlines after a front shift (or the first time). */
    private void refreshTerrain() {
        int lost = lostHoods();
        if (terrainImage != null && lost == drawnLostHoods) {
            return;
        }
        drawnLostHoods = lost;
        Grid g = d.grid();
        terrainImage = new BufferedImage(g.width, g.height, BufferedImage.TYPE_INT_RGB);
        Color[] built = neighbourhoodColours(d.neighbourhoods());
        for (int c = 0; c < g.cells(); c++) {
            terrainImage.setRGB(c % g.width, c / g.width, cellColour(g, c, built).getRGB());
        }
        neighbourhoodLines = new Path2D.Double();
        frontLines = new Path2D.Double();
        for (int c = 0; c < g.cells(); c++) {
            int x = c % g.width;
            int y = c / g.width;
            if (x + 1 < g.width && border(g, c, c + 1)) {
                neighbourhoodLines.moveTo(x + 1, y);
                neighbourhoodLines.lineTo(x + 1, y + 1);
            }
            if (y + 1 < g.height && border(g, c, c + g.width)) {
                neighbourhoodLines.moveTo(x, y + 1);
                neighbourhoodLines.lineTo(x + 1, y + 1);
            }
            if (x + 1 < g.width && front(g, c, c + 1)) {
                frontLines.moveTo(x + 1, y);
                frontLines.lineTo(x + 1, y + 1);
            }
            if (y + 1 < g.height && front(g, c, c + g.width)) {
                frontLines.moveTo(x, y + 1);
                frontLines.lineTo(x + 1, y + 1);
            }
        }
        hoodCentres.clear();
        hoodCentres.addAll(LabelPoints.innermost(g.neighbourhoodsOfCells(), d.neighbourhoods(), g, false));
        safeAreaCentres.clear();
        safeAreaCentres.addAll(LabelPoints.innermost(g.safeAreasOfCells(), d.scenario.map().safeAreas().size(), g, true));
        fighterShapes.clear();
        for (FighterState f : d.fighters()) {
            fighterShapes.add(fighterShapes(f));
        }
    }

    /**
     * The edge between the safe side and a passable cell of the enclave: the front as it is
     * now, including where a front shift moved it and the map has no front-line cells.
     */
    private static boolean front(Grid g, int a, int b) {
        return (g.terrain(a) == Terrain.SAFE && g.terrain(b).passable())
                || (g.terrain(b) == Terrain.SAFE && g.terrain(a).passable());
    }

    /** A line between two cells of different neighbourhoods, both inside the enclave. */
    private static boolean border(Grid g, int a, int b) {
        boolean insideA = g.terrain(a) != Terrain.SAFE;
        boolean insideB = g.terrain(b) != Terrain.SAFE;
        return insideA && insideB && g.neighbourhood(a) != g.neighbourhood(b);
    }

    private Color cellColour(Grid g, int c, Color[] built) {
        Terrain t = g.terrain(c);
        int hood = g.neighbourhood(c);
        return switch (t) {
            case SAFE -> SAFE_AREAS[Math.max(0, g.safeArea(c)) % SAFE_AREAS.length];
            case FRONT -> FRONT;
            case BLOCKED -> BLOCKED;
            case RUBBLE -> RUBBLE;
            case BUILT -> hood >= 0 ? built[hood] : new Color(0xd8d2c4);
            case STREET -> hood >= 0 ? mix(built[hood], Color.WHITE, 0.6) : new Color(0xf3f0e8);
        };
    }

    /** Pastel colours for neighbourhoods; neighbours in the list get far-apart hues. */
    static Color[] neighbourhoodColours(int n) {
        Color[] out = new Color[n];
        for (int i = 0; i < n; i++) {
            // hues from cyan through blue, violet, pink and red to orange: never the green of the safe side
            float hue = (float) ((0.5 + ((i * 0.618033988749895) % 1.0) * 0.62) % 1.0);
            out[i] = Color.getHSBColor(hue, 0.22f, 0.90f);
        }
        return out;
    }

    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private void paintTerrain(Graphics2D g, Layout at) {
        refreshTerrain();
        Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        Grid grid = d.grid();
        g.drawImage(terrainImage, (int) Math.round(at.x0()), (int) Math.round(at.y0()),
                (int) Math.round(at.x0() + grid.width * at.cellWidth()), (int) Math.round(at.y0() + grid.height * at.cellHeight()),
                0, 0, grid.width, grid.height, null);
        if (old != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }
        Shape lines = neighbourhoodLines.createTransformedShape(transform(at));
        g.setColor(new Color(90, 80, 70, 150));
        g.setStroke(new BasicStroke((float) Math.max(0.6, Math.min(1.5, at.cellWidth() * 0.2))));
        g.draw(lines);
        g.setColor(FRONT);
        g.setStroke(new BasicStroke((float) Math.max(1.5, Math.min(4, at.cellWidth() * 0.5)), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        g.draw(frontLines.createTransformedShape(transform(at)));
    }

    private static java.awt.geom.AffineTransform transform(Layout at) {
        java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
        t.translate(at.x0(), at.y0());
        t.scale(at.cellWidth(), at.cellHeight());
        return t;
    }

    /** Fighter groups: their neighbourhoods outlined in the group's colour (hardline hatched), a label. */
    private void paintFighters(Graphics2D g, Layout at) {
        refreshTerrain();
        List<FighterState> groups = d.fighters();
        for (int i = 0; i < groups.size(); i++) {
            FighterState f = groups.get(i);
            Shape[] shapes = fighterShapes.get(i);
            if (f.present() == 0 || shapes == null) {
                continue;
            }
            boolean hardline = f.spec.stance() == FighterGroup.Stance.HARDLINE;
            Color colour = hardline ? HARDLINE : MODERATE;
            if (hardline) {
                g.setPaint(hatch(colour));
                g.fill(transform(at).createTransformedShape(shapes[0]));
            }
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 200));
            g.setStroke(new BasicStroke((float) Math.max(1.0, Math.min(2.5, at.cellWidth() * 0.45)),
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
            g.draw(transform(at).createTransformedShape(shapes[1]));
        }
    }

    /** Per fighter group, in cell units: its ground and the outline of it; null where it holds nothing. */
    private Shape[] fighterShapes(FighterState f) {
        Grid grid = d.grid();
        Path2D outline = new Path2D.Double();
        GeneralPath ground = new GeneralPath(Path2D.WIND_NON_ZERO);
        boolean any = false;
        for (int c = 0; c < grid.cells(); c++) {
            if (!held(f, grid, c)) {
                continue;
            }
            any = true;
            int x = c % grid.width;
            int y = c / grid.width;
            ground.append(new Rectangle2D.Double(x, y, 1, 1), false);
            if (x == 0 || !held(f, grid, c - 1)) {
                outline.moveTo(x, y);
                outline.lineTo(x, y + 1);
            }
            if (x == grid.width - 1 || !held(f, grid, c + 1)) {
                outline.moveTo(x + 1, y);
                outline.lineTo(x + 1, y + 1);
            }
            if (y == 0 || !held(f, grid, c - grid.width)) {
                outline.moveTo(x, y);
                outline.lineTo(x + 1, y);
            }
            if (y == grid.height - 1 || !held(f, grid, c + grid.width)) {
                outline.moveTo(x, y + 1);
                outline.lineTo(x + 1, y + 1);
            }
        }
        return any ? new Shape[] {ground, outline} : null;
    }

    private static boolean held(FighterState f, Grid grid, int c) {
        return grid.terrain(c) != Terrain.SAFE && f.controls(grid.neighbourhood(c));
    }

    private static java.awt.TexturePaint hatch(Color colour) {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        Graphics2D t = tile.createGraphics();
        t.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70));
        t.setStroke(new BasicStroke(1.5f));
        t.drawLine(0, 8, 8, 0);
        t.drawLine(-4, 4, 4, -4);
        t.drawLine(4, 12, 12, 4);
        t.dispose();
        return new java.awt.TexturePaint(tile, new Rectangle2D.Double(0, 0, 8, 8));
    }

    /** Neighbourhood names (small, grey) and safe-area names (on the safe side). */
    private void paintPlaceNames(Graphics2D g, Layout at) {
        refreshTerrain();
        double size = Math.max(8, Math.min(12, at.cellWidth() * 2.2));
        Font hoodFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(size));
        for (int n = 0; n < hoodCentres.size(); n++) {
            Point2D p = hoodCentres.get(n);
            if (p == null || d.lost(n)) {
                continue;
            }
            String name = d.scenario.map().neighbourhoods().get(n).name();
            drawCentred(g, at, name, at.x0() + p.getX() * at.cellWidth(), at.y0() + p.getY() * at.cellHeight(), hoodFont,
                    new Color(50, 45, 40));
        }
        Font areaFont = new Font(Font.SANS_SERIF, Font.ITALIC, (int) Math.round(size + 2));
        List<String> areas = d.scenario.map().safeAreas();
        for (int a = 0; a < safeAreaCentres.size(); a++) {
            Point2D p = safeAreaCentres.get(a);
            if (p != null) {
                drawCentred(g, at, areas.get(a) + " (safe side)", at.x0() + p.getX() * at.cellWidth(),
                        at.y0() + p.getY() * at.cellHeight(), areaFont, new Color(40, 90, 40, 200));
            }
        }
    }

    /** Text centred on a point, with a white halo so that it reads over dots and colours. */
    private void drawCentred(Graphics2D g, Layout at, String text, double cx, double cy, Font font, Color colour) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double right = at.x0() + d.grid().width * at.cellWidth();
        float x = (float) Math.max(at.x0() + 2, Math.min(cx - fm.stringWidth(text) / 2.0, right - fm.stringWidth(text) - 2));
        float y = (float) (cy + fm.getAscent() / 2.0 - 1);
        java.awt.Shape outline = font.createGlyphVector(g.getFontRenderContext(), text).getOutline(x, y);
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(colour);
        g.fill(outline);
    }

    /** Dot size in pixels for a layout. */
    static double dotSize(Layout at) {
        return Math.max(1.6, Math.min(at.cellWidth() * 0.32, 5.0));
    }

    /**
     * Households still inside, one dot each, jittered inside their cell by a fixed function of
     * the household index; drawn staying first so that the active phases stay visible. The dots
     * are set straight into the pixels of an overlay image (tens of thousands of fillRect calls
     * would be too slow for a live display), which is then drawn over the map in one go.
     */
    private void paintHouseholds(Graphics2D g, Layout at) {
        Households hh = d.households();
        int w = d.grid().width;
        int width = (int) Math.ceil(w * at.cellWidth());
        int height = (int) Math.ceil(d.grid().height * at.cellHeight());
        if (width <= 0 || height <= 0 || (long) width * height > 40_000_000L) {
            return;
        }
        if (dots == null || dots.getWidth() != width || dots.getHeight() != height) {
            dots = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }
        int[] px = ((java.awt.image.DataBufferInt) dots.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(px, 0);
        double s = dotSize(at);
        byte[] order = {HouseholdPhase.STAYING, HouseholdPhase.PREPARING, HouseholdPhase.MOVING, HouseholdPhase.QUEUED};
        Color[] colours = {stayingShade(at, s), PREPARING, MOVING, QUEUED};
        for (int k = 0; k < order.length; k++) {
            int argb = colours[k].getRGB();
            byte phase = order[k];
            int size = (int) Math.round(phase == HouseholdPhase.STAYING ? s : Math.max(3.0, s * 1.5));
            double half = size / 2.0;
            for (int h = 0; h < hh.count(); h++) {
                if (hh.phase(h) != phase) {
                    continue;
                }
                int c = hh.cell(h);
                int x = (int) Math.round((c % w + jitter(h, 0)) * at.cellWidth() - half);
                int y = (int) Math.round((c / w + jitter(h, 1)) * at.cellHeight() - half);
                for (int yy = Math.max(0, y); yy < Math.min(height, y + size); yy++) {
                    int row = yy * width;
                    for (int xx = Math.max(0, x); xx < Math.min(width, x + size); xx++) {
                        px[row + xx] = argb;
                    }
                }
            }
        }
        g.drawImage(dots, (int) Math.round(at.x0()), (int) Math.round(at.y0()), null);
    }

    /**
     * The colour of staying households: opaque when dots are sparse, more transparent the
     * more of the built-up area their dots would cover, so that a full-scale district shows
     * density as shading and the neighbourhoods and active phases stay visible.
     */
    private Color stayingShade(Layout at, double dot) {
        long built = 0;
        for (int cell = 0; cell < d.grid().cells(); cell++) {
            if (d.grid().terrain(cell) == Terrain.BUILT) {
                built++;
            }
        }
        long inside = 0;
        Households hh = d.households();
        for (int h = 0; h < hh.count(); h++) {
            if (hh.phase(h) == HouseholdPhase.STAYING) {
                inside++;
            }
        }
        double cover = built == 0 ? 0 : inside * dot * dot / (built * at.cellWidth() * at.cellHeight());
        int alpha = (int) Math.round(Math.max(70, Math.min(255, 255 * 0.25 / Math.max(1e-9, cover))));
        return new Color(STAYING.getRed(), STAYING.getGreen(), STAYING.getBlue(), alpha);
    }

    /** A fixed position in 0.15..0.85 of a cell for household h. */
    static double jitter(int h, int axis) {
        long z = (h * 0x9E3779B97F4A7C15L) ^ (axis * 0xBF58476D1CE4E5B9L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return 0.15 + 0.7 * ((z >>> 11) * 0x1.0p-53);
    }

    /** Colour of a corridor's marker. */
    public static Color corridorColour(CorridorState c, long tick) {
        if (c.lost()) {
            return LOST;
        }
        if (c.inClash(tick)) {
            return CLASH;
        }
        return c.open() ? OPEN : CLOSED;
    }

    /** "open", "closed", "clash", "lost". */
    public static String corridorState(CorridorState c, long tick) {
        if (c.lost()) {
            return "lost";
        }
        if (c.inClash(tick)) {
            return "clash";
        }
        return c.open() ? "open" : "closed";
    }

    /** Radius of a corridor's queue halo: grows with the logarithm of the persons queued (10: 1.9 r; 30,000: 5 r). */
    static double queueRadius(double markerRadius, long queued) {
        return markerRadius * (1 + 0.9 * Math.log10(1 + queued));
    }

    /** Marker radius in pixels. */
    static double markerRadius(Layout at) {
        return Math.max(5, Math.min(11, at.cellWidth() * 1.6));
    }

    /** Corridors: a marker at the entry (circle civilian, diamond fighters, cross medical), the queue, a label. */
    private void paintCorridors(Graphics2D g, Layout at, boolean labels) {
        List<CorridorState> corridors = d.corridors();
        int w = d.grid().width;
        double r = markerRadius(at);
        long tick = d.tick();
        List<Rectangle2D> taken = new ArrayList<>();
        for (CorridorState c : corridors) {
            Point2D p = at.centre(c.entryCell(), w);
            if (c.queuedPersons() > 0) {
                double qr = queueRadius(r, c.queuedPersons());
                g.setColor(new Color(QUEUED.getRed(), QUEUED.getGreen(), QUEUED.getBlue(), 80));
                g.fill(new Ellipse2D.Double(p.getX() - qr, p.getY() - qr, 2 * qr, 2 * qr));
                g.setColor(QUEUED);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Ellipse2D.Double(p.getX() - qr, p.getY() - qr, 2 * qr, 2 * qr));
            }
        }
        for (CorridorState c : corridors) {
            Point2D p = at.centre(c.entryCell(), w);
            Shape marker = marker(c.spec.kind(), p, r);
            g.setColor(corridorColour(c, tick));
            g.fill(marker);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.8f));
            g.draw(marker);
            if (c.spec.kind() == Corridor.Kind.MEDICAL) {
                g.setStroke(new BasicStroke(2f));
                g.draw(new java.awt.geom.Line2D.Double(p.getX() - r * 0.5, p.getY(), p.getX() + r * 0.5, p.getY()));
                g.draw(new java.awt.geom.Line2D.Double(p.getX(), p.getY() - r * 0.5, p.getX(), p.getY() + r * 0.5));
            }
            if (c.lost()) {
                g.setColor(Color.WHITE);
                g.draw(new java.awt.geom.Line2D.Double(p.getX() - r * 0.6, p.getY() - r * 0.6, p.getX() + r * 0.6, p.getY() + r * 0.6));
                g.draw(new java.awt.geom.Line2D.Double(p.getX() - r * 0.6, p.getY() + r * 0.6, p.getX() + r * 0.6, p.getY() - r * 0.6));
            }
        }
        if (!labels) {
            return;
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(Math.max(10, Math.min(13, r * 1.3))));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (CorridorState c : corridors) {
            Point2D p = at.centre(c.entryCell(), w);
            String text = c.spec.name() + " · " + corridorState(c, tick)
                    + (c.queuedPersons() > 0 ? " · queue " + String.format(Locale.UK, "%,d", c.queuedPersons()) : "");
            Rectangle2D box = labelBox(p, r, fm, text, at, taken);
            taken.add(box);
            g.setColor(new Color(255, 255, 255, 215));
            g.fill(new java.awt.geom.RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 6, 6));
            g.setColor(corridorColour(c, tick));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new java.awt.geom.RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 6, 6));
            g.setColor(new Color(0x1f2430));
            g.drawString(text, (float) (box.getX() + 4), (float) (box.getY() + 2 + fm.getAscent()));
        }
    }

    /**
     * A place for a corridor's label next to its marker, inside the map where possible, not
     * overlapping labels already placed (tries right, left, below, above, then steps down).
     */
    private Rectangle2D labelBox(Point2D p, double r, FontMetrics fm, String text, Layout at, List<Rectangle2D> taken) {
        double bw = fm.stringWidth(text) + 8;
        double bh = fm.getHeight() + 4;
        double mapRight = at.x0() + d.grid().width * at.cellWidth();
        double mapBottom = at.y0() + d.grid().height * at.cellHeight();
        double[][] offsets = {
            {r + 4, -bh / 2}, {-r - 4 - bw, -bh / 2}, {-bw / 2, r + 4}, {-bw / 2, -r - 4 - bh},
        };
        Rectangle2D best = null;
        for (int shift = 0; shift < 12 && best == null; shift++) {
            for (double[] o : offsets) {
                double x = p.getX() + o[0];
                int k = (shift + 1) / 2;
                double y = p.getY() + o[1] + k * (bh + 2) * (shift % 2 == 1 ? 1 : -1);
                Rectangle2D box = new Rectangle2D.Double(x, y, bw, bh);
                if (x < at.x0() || x + bw > mapRight || y < at.y0() || y + bh > mapBottom) {
                    continue;
                }
                if (taken.stream().noneMatch(box::intersects)) {
                    best = box;
                    break;
                }
            }
        }
        if (best == null) {
            double x = Math.max(at.x0(), Math.min(p.getX() + r + 4, mapRight - bw));
            best = new Rectangle2D.Double(x, p.getY() - bh / 2, bw, bh);
        }
        return best;
    }

    private static Shape marker(Corridor.Kind kind, Point2D p, double r) {
        if (kind == Corridor.Kind.FIGHTER) {
            Path2D diamond = new Path2D.Double();
            diamond.moveTo(p.getX(), p.getY() - r);
            diamond.lineTo(p.getX() + r, p.getY());
            diamond.lineTo(p.getX(), p.getY() + r);
            diamond.lineTo(p.getX() - r, p.getY());
            diamond.closePath();
            return diamond;
        }
        return new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
    }

    /** Household nearest to a point within {@code radius} pixels, or -1 (for clicking in the GUI). */
    public int householdNear(Layout at, double px, double py, double radius) {
        Households hh = d.households();
        int w = d.grid().width;
        int best = -1;
        double bestD = radius * radius;
        for (int h = 0; h < hh.count(); h++) {
            if (!HouseholdPhase.inside(hh.phase(h))) {
                continue;
            }
            int c = hh.cell(h);
            double x = at.x0() + (c % w + jitter(h, 0)) * at.cellWidth();
            double y = at.y0() + (c / w + jitter(h, 1)) * at.cellHeight();
            double dd = (x - px) * (x - px) + (y - py) * (y - py);
            if (dd <= bestD) {
                bestD = dd;
                best = h;
            }
        }
        return best;
    }

    /** Corridor whose marker contains a point, or -1. */
    public int corridorNear(Layout at, double px, double py) {
        double r = markerRadius(at);
        for (CorridorState c : d.corridors()) {
            Point2D p = at.centre(c.entryCell(), d.grid().width);
            if (p.distance(px, py) <= r) {
                return c.index;
            }
        }
        return -1;
    }
}
