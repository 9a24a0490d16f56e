package org.safepassage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.cli.ExitCode;
import org.safepassage.cli.Main;

/** report.html of compare (from a real run on the teaching district) and of sweep (from a hand-made folder). */
class ReportTest {

    static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    static Path tmp;
    static Path compareDir;
    static String compareHtml;

    @BeforeAll
    static void compareAHostileScenario() throws IOException {
        Path teaching = Path.of("scenarios/teaching.yaml").toAbsolutePath();
        Path hostile = tmp.resolve("hostile.yaml");
        Files.writeString(hostile, "extends: " + teaching + "\n"
                + "meta:\n"
                + "  name: '" + HOSTILE + "'\n"
                + "  description: 'Fighters & \"friends\" <b>bold</b> <img src=x onerror=alert(2)>'\n"
                + "  sources: ['<a href=\"javascript:alert(3)\">source</a>']\n"
                + "pauses:\n  - {name: pause, duration: PT24H}\n");
        compareDir = tmp.resolve("compare");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "compare",
                teaching.toString(), hostile.toString(), "--replicates", "3", "-q", "--out", compareDir.toString());
        assertEquals(ExitCode.OK, code, err::toString);
        compareHtml = Files.readString(compareDir.resolve("report.html"));
    }

    @Test
    void textFromScenarioFilesIsEscaped() {
        String lower = compareHtml.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no image element from the description");
        assertFalse(lower.contains("<b>bold"), "no markup from the description");
        assertFalse(lower.contains("<a href"), "no link from the sources");
        assertFalse(Pattern.compile("<[^>]*onerror").matcher(lower).find(), "no event handler attribute");
        assertTrue(compareHtml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        assertTrue(compareHtml.contains("Fighters &amp; &quot;friends&quot; &lt;b&gt;bold&lt;/b&gt;"));
    }

    @Test
    void embedsTheThreeChartsInline() {
        int svgs = compareHtml.split("<svg", -1).length - 1;
        assertEquals(3, svgs, "evacuated-over-time, evacuated and killed");
        assertTrue(compareHtml.contains("viewBox=\"0 0 1000"), "charts scale with the page");
        for (String f : new String[] {"evacuated-over-time", "evacuated", "killed"}) {
            assertTrue(Files.isRegularFile(compareDir.resolve(f + ".png")), f + ".png");
            assertTrue(Files.isRegularFile(compareDir.resolve(f + ".svg")), f + ".svg");
        }
    }

    @Test
    void isOneSelfContainedFile() {
        String lower = compareHtml.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://") && !lower.contains("xmlns"), "no network address except namespaces");
        for (String tag : new String[] {"<link", "<iframe", "src=\"http", "@import"}) {
            assertFalse(lower.contains(tag), tag);
        }
        assertTrue(lower.startsWith("<!doctype html>"));
        assertTrue(lower.contains("<style>"));
    }

    @Test
    void statesTheQuestionTheAnswerWithUncertaintyTheScenariosAndHowToReproduce() throws IOException {
        assertTrue(compareHtml.contains("The question."));
        // the headline states the first scenario's estimate as summary.csv gives it, rounded
        String summary = Files.readString(compareDir.resolve("summary.csv"));
        Matcher m = Pattern.compile("(?m)^teaching,evacuated,(\\d+),([^,]*),([^,]*),([^,]*),([^,]*),").matcher(summary);
        assertTrue(m.find(), summary);
        double mean = Double.parseDouble(m.group(2));
        double low = Double.parseDouble(m.group(4));
        double high = Double.parseDouble(m.group(5));
        double step = Numbers.step((high - low) / 2, 1);
        String expected = Numbers.rounded(mean, step) + " leave (95 % CI " + Numbers.rounded(low, step) + "\u2013"
                + Numbers.rounded(high, step) + ")";
        assertTrue(compareHtml.contains(expected), "headline " + expected);
        assertTrue(compareHtml.contains("gets "), "paired difference sentence");
        assertTrue(compareHtml.contains("2016-10-20 08:00 to 2016-10-21 08:00 (24 h)"), "scenarios side by side");
        assertTrue(compareHtml.contains("How to reproduce this"));
        assertTrue(compareHtml.contains("./safepassage compare "), "the command");
        assertTrue(compareHtml.contains(String.valueOf(org.safepassage.experiment.Seeds.runSeed(1, 2))),
                "the seeds");
        assertTrue(compareHtml.contains("SHA-256"));
    }

    @Test
    void unsafeSvgIsNotInlinedAndSvgWithoutViewBoxGetsOne() {
        assertNull(Page.inlineSvg("<svg width=\"10\" height=\"10\"><script>alert(1)</script></svg>"));
        assertNull(Page.inlineSvg("<svg width=\"10\" height=\"10\"><rect onclick=\"x()\"/></svg>"));
        String ok = Page.inlineSvg("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" "
                + "height=\"60\"><text>a &lt; b</text></svg>\n");
        assertTrue(ok.startsWith("<svg viewBox=\"0 0 100 60\""), ok);
        assertTrue(ok.endsWith("</svg>"));
        String single = Page.inlineSvg("<svg xmlns='http://www.w3.org/2000/svg' width='1000.0' height='600.0'></svg>");
        assertTrue(single.startsWith("<svg viewBox=\"0 0 1000.0 600.0\""), single);
    }

    // --- sweep ----------------------------------------------------------------------------------

    static Path sweepFixture() throws IOException {
        Path dir = tmp.resolve("sweep-" + System.nanoTime());
        Files.createDirectories(dir);
        String p1 = "pauses[pause].duration";
        String p2 = "corridors[West gate].monitoring";
        StringBuilder s = new StringBuilder("point," + csv(p1) + "," + csv(p2)
                + ",figure,n,mean,sd,ciLow,ciHigh,median,p5,p95\n");
        String[][] points = {{"1", "PT11H", "none", "612", "410", "814"}, {"2", "PT11H", "neutral", "980", "900", "1060"},
            {"3", "P4D", "none", "30120", "29000", "31240"}, {"4", "P4D", HOSTILE, "41235", "38235", "44235"}};
        for (String[] p : points) {
            s.append(p[0]).append(',').append(p[1]).append(',').append(csv(p[2]))
                    .append(",evacuated,30,").append(p[3]).append(",100,").append(p[4]).append(',').append(p[5])
                    .append(',').append(p[3]).append(",0,0\n");
            s.append(p[0]).append(',').append(p[1]).append(',').append(csv(p[2]))
                    .append(",killed,30,40,5,38,42,40,30,50\n");
        }
        Files.writeString(dir.resolve("summary.csv"), s.toString());
        Files.writeString(dir.resolve("sensitivity.csv"),
                "figure,parameter,first,firstLow,firstHigh,total,totalLow,totalHigh\n"
                        + "evacuated," + csv(p1) + ",0.71,0.65,0.77,0.8,0.74,0.86\n"
                        + "evacuated," + csv(p2) + ",0.1,0.05,0.15,0.2,0.15,0.25\n");
        Files.writeString(dir.resolve("manifest.json"), "{\"study\": \"pause-length\", "
                + "\"command\": \"safepassage sweep scenarios/studies/pause-length.yaml\", \"seed\": 1, "
                + "\"replicates\": 30, \"design\": \"FACTORIAL\"}");
        Files.writeString(dir.resolve("evacuated-vs-duration.svg"), "<?xml version=\"1.0\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"600\">"
                + "<rect x=\"10\" y=\"10\" width=\"500\" height=\"300\" fill=\"#2f6fdb\"/>"
                + "<text x=\"20\" y=\"40\">evacuated vs duration</text></svg>\n");
        Files.writeString(dir.resolve("sensitivity.svg"), "<svg width=\"10\" height=\"10\"><script>alert(4)</script></svg>");
        return dir;
    }

    static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Test
    void sweepReportFromFilesShapedLikeTheContract() throws IOException {
        Path dir = sweepFixture();
        Path file = Report.writeSweep(dir);
        assertEquals(dir.resolve("report.html"), file);
        String html = Files.readString(file);
        String lower = html.toLowerCase(Locale.ROOT);
        assertTrue(html.contains("Sweep: pause-length"));
        assertTrue(html.contains("Highest evacuated: point 4 (pauses[pause].duration = P4D, "
                + "corridors[West gate].monitoring = &lt;script&gt;alert(1)&lt;/script&gt;): 41,000 (38,000\u201344,000)"),
                html);
        assertTrue(html.contains("Lowest evacuated: point 1"), "lowest point");
        assertTrue(html.contains("600 (400\u2013800)"));
        assertTrue(html.contains("matters most for evacuated is pauses[pause].duration"), "sensitivity headline");
        assertTrue(html.contains("0.71 (0.65\u20130.77)"), "first-order index with interval");
        assertTrue(html.contains("evacuated vs duration"), "the chart is inlined");
        assertTrue(html.contains("sensitivity.svg is missing or could not be embedded safely"), "unsafe svg refused");
        assertFalse(lower.contains("<script"), "nothing executable");
        assertTrue(html.contains("./safepassage sweep scenarios/studies/pause-length.yaml"));
        assertTrue(html.contains("FACTORIAL"), "manifest fields");
    }

    @Test
    void aParameterSetOnceForEveryPointIsNamedOnceNotAsAColumn() throws IOException {
        Path dir = tmp.resolve("sweep-fixed-" + System.nanoTime());
        Files.createDirectories(dir);
        StringBuilder s = new StringBuilder("point,pauses[pause].duration,clock.horizon,figure,n,mean,sd,ciLow,ciHigh,"
                + "median,p5,p95\n");
        s.append("0,PT11H,P9D,evacuated,30,40,5,38,42,40,30,50\n");
        s.append("1,P4D,P9D,evacuated,30,400,50,380,420,400,300,500\n");
        Files.writeString(dir.resolve("summary.csv"), s.toString());
        String html = Files.readString(Report.writeSweep(dir));
        assertTrue(html.contains("Set the same at every point: clock.horizon = P9D."), html);
        assertTrue(html.contains("change as pauses[pause].duration vary"), "only the varied parameter is asked about");
        assertFalse(html.contains("<th>clock.horizon</th>"), "no column for a constant");
        assertTrue(html.contains("<th>pauses[pause].duration</th>"), html);
    }

    @Test
    void sweepReportRefusesASummaryOfAnotherShape() throws IOException {
        Path dir = tmp.resolve("sweep-bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.csv"), "scenario,figure,n,mean\n");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Report.writeSweep(dir));
        assertTrue(e.getMessage().contains("point"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }
}
