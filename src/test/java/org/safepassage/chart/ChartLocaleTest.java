package org.safepassage.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts are drawn in one fixed number locale: rendered with the JVM's default locale set to
 * German (decimal comma) or Arabic (Arabic-Indic digits), the PNG and SVG bytes are those of the
 * root locale, tick labels included.
 */
class ChartLocaleTest {

    private static final double[] X = {0, 0.5, 1, 1.5, 2};

    @TempDir
    Path dir;

    private static void draw(Path folder) throws IOException {
        Files.createDirectories(folder);
        Charts.lines(folder.resolve("lines"), "t", "hours", "persons",
                List.of(new Charts.Line("a", X, new double[] {0, 1200.5, 4100, 9000, 16000})), List.of());
        Charts.estimates(folder.resolve("estimates"), "t", "share",
                List.of(new Charts.Estimate("11 h", 0.25, 0.125, 0.375), new Charts.Estimate("4 d", 1.75, 1.5, 1.95)));
        Charts.heatMap(folder.resolve("heat"), "t", "length", "notice", "persons",
                List.of(new Charts.Cell(1.5, 0, 1.25), new Charts.Cell(2.5, 0, 2.5), new Charts.Cell(1.5, 0.5, 3.75),
                        new Charts.Cell(2.5, 0.5, 4.5)));
    }

    @Test
    void germanAndArabicDefaultLocalesDrawTheSameBytes() throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            draw(dir.resolve("root"));
            String rootNumber = Charts.number(1234.5);
            for (Locale l : List.of(Locale.GERMANY, Locale.forLanguageTag("ar-EG"))) {
                Locale.setDefault(l);
                Path folder = dir.resolve(l.toLanguageTag());
                draw(folder);
                assertEquals(rootNumber, Charts.number(1234.5), l.toString());
                for (String f : List.of("lines.svg", "lines.png", "estimates.svg", "estimates.png", "heat.svg",
                        "heat.png")) {
                    assertArrayEquals(Files.readAllBytes(dir.resolve("root").resolve(f)),
                            Files.readAllBytes(folder.resolve(f)), f + " differs in " + l);
                }
            }
        } finally {
            Locale.setDefault(before);
        }
        String svg = Files.readString(dir.resolve("root/lines.svg"));
        assertTrue(svg.contains("16,000") || svg.contains("15,000") || svg.contains("10,000"), "tick labels: " + svg);
        assertEquals("1,234", Charts.number(1234.5));
    }
}
