package org.safepassage.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.safepassage.metrics.AtomicFiles;
import org.safepassage.sim.District;

/**
 * A picture of the district at one moment of a run, drawn headless with Java2D: title with
 * the time and the pause state, the map (see {@link MapPainter}) on the left, the legend with
 * the live figures on the right. Always {@link #WIDTH} × {@link #HEIGHT} pixels.
 */
public final class MapPicture {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 900;
    private static final double TITLE_HEIGHT = 70;
    private static final double LEGEND_WIDTH = 330;
    private static final double MARGIN = 14;

    private MapPicture() {
    }

    /** The rectangle the map is fitted into. */
    public static Rectangle2D mapArea() {
        return new Rectangle2D.Double(MARGIN, TITLE_HEIGHT, WIDTH - LEGEND_WIDTH - 3 * MARGIN, HEIGHT - TITLE_HEIGHT - MARGIN);
    }

    /** Where the cells of {@code d} fall in the picture. */
    public static MapPainter.Layout layout(District d) {
        return new MapPainter(d).fit(mapArea());
    }

    /**
     * Draws the district as it is after {@code ticksDone} ticks (0 before the first).
     * {@code painter} may be reused between pictures of the same run (it caches the terrain).
     */
    public static BufferedImage render(MapPainter painter, long ticksDone) {
        District d = painter.district();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            title(g, d, ticksDone);
            Rectangle2D area = mapArea();
            MapPainter.Layout at = painter.fit(area);
            painter.paint(g, at, true);
            g.setColor(new Color(0xb0b5bd));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(at.x0(), at.y0(), d.grid().width * at.cellWidth(), d.grid().height * at.cellHeight()));
            scaleBar(g, d, at, area);
            MapLegend.paint(g, d, new Rectangle2D.Double(WIDTH - LEGEND_WIDTH - MARGIN, TITLE_HEIGHT - 6, LEGEND_WIDTH,
                    HEIGHT - TITLE_HEIGHT), 1.0);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void title(Graphics2D g, District d, long ticksDone) {
        g.setColor(new Color(0x1f2430));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(d.scenario.meta().name() + " — " + PauseStatus.clock(d, ticksDone), (float) MARGIN, 30f);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        String status = PauseStatus.describe(d, ticksDone);
        g.setColor(status.startsWith("pause open") ? MapPainter.OPEN.darker() : new Color(0x8a3b12));
        g.drawString(status, (float) MARGIN, 54f);
        g.setColor(new Color(0x5f6673));
        String out = String.format(Locale.UK, "out %,d of %,d  ·  killed %,d", d.evacuated(), d.initialPersons(), d.killed());
        int w = g.getFontMetrics().stringWidth(out);
        g.drawString(out, (float) (WIDTH - LEGEND_WIDTH - 2 * MARGIN - w), 54f);
    }

    /** A scale bar of a round number of metres in the map's lower right corner. */
    private static void scaleBar(Graphics2D g, District d, MapPainter.Layout at, Rectangle2D area) {
        double metresPerPixel = d.grid().cellMeters / at.cellWidth();
        double target = 120 * metresPerPixel;
        double[] steps = {50, 100, 200, 250, 500, 1000, 2000, 5000, 10000};
        double metres = steps[0];
        for (double s : steps) {
            if (s <= target) {
                metres = s;
            }
        }
        double px = metres / metresPerPixel;
        double x = at.x0() + d.grid().width * at.cellWidth() - px - 12;
        double y = at.y0() + d.grid().height * at.cellHeight() - 14;
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Rectangle2D.Double(x - 4, y - 16, px + 8, 22));
        g.setColor(new Color(0x1f2430));
        g.setStroke(new BasicStroke(2f));
        g.draw(new java.awt.geom.Line2D.Double(x, y, x + px, y));
        g.draw(new java.awt.geom.Line2D.Double(x, y - 4, x, y + 4));
        g.draw(new java.awt.geom.Line2D.Double(x + px, y - 4, x + px, y + 4));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String label = metres >= 1000 ? (metres / 1000) + " km" : (int) metres + " m";
        label = label.replace(".0 km", " km");
        g.drawString(label, (float) x, (float) (y - 6));
    }

    /** Writes a picture as PNG, atomically. */
    public static void write(Path png, BufferedImage image) throws IOException {
        AtomicFiles.write(png, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
