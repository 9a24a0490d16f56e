package org.safepassage.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    private static final double[] X = {0, 1, 2, 3, 4};

    @Test
    void everyKindOfChartWritesAPictureAndAnSvgAndNothingElse() throws IOException {
        Charts.lines(dir.resolve("lines"), "t", "hours", "persons",
                List.of(new Charts.Line("a", X, new double[] {0, 1, 4, 9, 16})),
                List.of(new Charts.Window(1, 2.5, "pause open")));
        Charts.bands(dir.resolve("bands"), "t", "hours", "persons",
                List.of(new Charts.Band("a", X, new double[] {0, 1, 2, 3, 4}, new double[] {0, 0, 1, 2, 3},
                        new double[] {0, 2, 3, 4, 5})), List.of());
        Charts.estimates(dir.resolve("estimates"), "t", "persons",
                List.of(new Charts.Estimate("11 h", 600, 400, 800), new Charts.Estimate("4 d", 41000, 38000, 44000)));
        Charts.xyIntervals(dir.resolve("xy"), "t", "hours", "persons",
                List.of(new Charts.XPoint("none", 11, 5, 4, 6), new Charts.XPoint("none", 24, 8, 7, 9),
                        new Charts.XPoint("24 h", 11, 6, 5, 7)));
        Charts.heatMap(dir.resolve("heat"), "t", "length", "notice", "persons",
                List.of(new Charts.Cell(11, 0, 1), new Charts.Cell(24, 0, 2), new Charts.Cell(11, 24, 3),
                        new Charts.Cell(24, 24, 4)));
        Charts.sensitivity(dir.resolve("sens"), "t",
                List.of(new Charts.Index("a", 0.3, 0.2, 0.4, 0.5, 0.4, 0.6), new Charts.Index("b", 0.1, 0, 0.2, 0.2, 0.1, 0.3)));
        Charts.validation(dir.resolve("val"), "t",
                new Charts.Band("simulated", X, new double[] {0, 1, 2, 3, 4}, new double[] {0, 0, 1, 2, 3},
                        new double[] {0, 2, 3, 4, 5}),
                List.of(new Charts.Observed(2, 2, 1, 3, "UN")));
        for (String base : List.of("lines", "bands", "estimates", "xy", "heat", "sens", "val")) {
            BufferedImage png = ImageIO.read(dir.resolve(base + ".png").toFile());
            assertEquals(Charts.WIDTH_PX, png.getWidth(), base);
            assertEquals(Charts.HEIGHT_PX, png.getHeight(), base);
            assertTrue(colours(png) > 10, base + " is (nearly) one colour");
            String svg = Files.readString(dir.resolve(base + ".svg"));
            assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), base + ".svg is not an SVG document");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(14, files.count(), "temporary files left behind");
        }
    }

    @Test
    void pauseWindowsAreShadedBehindTheLines() throws IOException {
        Charts.lines(dir.resolve("w"), "t", "hours", "persons",
                List.of(new Charts.Line("a", X, new double[] {0, 0, 0, 0, 0})), List.of(new Charts.Window(2, 4, "")));
        Charts.lines(dir.resolve("none"), "t", "hours", "persons",
                List.of(new Charts.Line("a", X, new double[] {0, 0, 0, 0, 0})), List.of());
        BufferedImage with = ImageIO.read(dir.resolve("w.png").toFile());
        BufferedImage without = ImageIO.read(dir.resolve("none.png").toFile());
        assertTrue(lightGrey(with) > lightGrey(without) + 10_000, "the pause window is not shaded");
    }

    @Test
    void theSameChartGivesTheSameSvgBytesAndChartsDoNotShareIds() throws IOException {
        List<Charts.Line> lines = List.of(new Charts.Line("a", X, new double[] {0, 1, 4, 9, 16}));
        Charts.lines(dir.resolve("one"), "t", "hours", "persons", lines, List.of());
        String first = Files.readString(dir.resolve("one.svg"));
        Charts.lines(dir.resolve("one"), "t", "hours", "persons", lines, List.of());
        assertEquals(first, Files.readString(dir.resolve("one.svg")));
        Charts.lines(dir.resolve("two"), "t", "hours", "persons", lines, List.of());
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(first);
        assertTrue(ids.find(), "the SVG has ids");
        String second = Files.readString(dir.resolve("two.svg"));
        do {
            assertFalse(second.contains("'" + ids.group(1) + "'") || second.contains("\"" + ids.group(1) + "\""),
                    "shared id " + ids.group(1));
        } while (ids.find());
    }

    @Test
    void numbersAreWrittenAsPeopleReadThem() {
        assertEquals("41,000", Charts.number(41000));
        assertEquals("0.25", Charts.number(0.25));
        assertEquals("12.5", Charts.number(12.5));
        assertEquals("–", Charts.number(Double.NaN));
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static int lightGrey(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - g) < 4 && Math.abs(g - b) < 4 && r > 200 && r < 245) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theSensitivityAxisShowsAnIndexAboveOneOrBelowZero() {
        double[] r = Charts.indexRange(List.of(new Charts.Index("a", 0.3, -0.2, 0.8, 1.3, 0.9, 1.7)));
        assertTrue(r[0] < -0.2 && r[1] > 1.7, r[0] + " to " + r[1]);
        double[] usual = Charts.indexRange(List.of(new Charts.Index("a", 0.3, 0.2, 0.4, 0.5, 0.4, 0.6)));
        assertEquals(-0.05, usual[0], 1e-12);
        assertEquals(1.05, usual[1], 1e-12);
    }

    @Test
    void aLabelOnTheLastObservationIsNotCutAtTheAxis() throws IOException {
        Charts.validation(dir.resolve("val"), "t",
                new Charts.Band("simulated", X, new double[] {0, 1, 2, 3, 4}, new double[] {0, 0, 1, 2, 3},
                        new double[] {0, 2, 3, 4, 5}),
                List.of(new Charts.Observed(4, 9, 8, 10, "E (outside, range overlaps)")));
        String svg = Files.readString(dir.resolve("val.svg"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<text x='([0-9.]+)'[^>]*>\\s*E \\(outside, range overlaps\\)</text>").matcher(svg);
        assertTrue(m.find(), "the label is drawn");
        double startPx = Double.parseDouble(m.group(1));
        // About 6 px a character at the label font; the plot ends well before the picture's edge.
        assertTrue(startPx + 6 * 29 < Charts.WIDTH_PX - 20, "label starts at " + startPx + " px");
    }
}
