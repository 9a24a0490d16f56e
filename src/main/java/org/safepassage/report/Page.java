package org.safepassage.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one self-contained HTML page: inline CSS, charts as inline SVG, nothing fetched from
 * the network. Every piece of text that comes from a file is escaped with {@link Html#escape}.
 */
final class Page {

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #1d2430; background: #fff; margin: 0; line-height: 1.45; }
            main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
            h1 { font-size: 1.7em; margin: 0.2em 0 0.3em; }
            h2 { font-size: 1.25em; margin: 1.8em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid #e3e7ee; }
            h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
            p.question { font-size: 1.1em; color: #3a4556; }
            .headline { background: #eef5ff; border-left: 6px solid #2f6fdb; padding: 12px 18px; font-size: 1.15em; }
            .headline p { margin: 0.3em 0; }
            table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.93em; max-width: 100%;
                    display: block; overflow-x: auto; }
            th, td { border: 1px solid #d9dee7; padding: 5px 9px; text-align: left; vertical-align: top; }
            th { background: #f4f6f9; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1.2em 0 1.8em; }
            figure svg { width: 100%; height: auto; border: 1px solid #e3e7ee; }
            figcaption { color: #4a5566; font-size: 0.92em; margin-top: 0.3em; }
            code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            pre { background: #f4f6f9; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
            span.ci { font-size: 0.85em; color: #5a6576; white-space: nowrap; }
            .small { font-size: 0.88em; color: #4a5566; }
            .missing { color: #a33; }
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    Page(String title) {
        this.title = title;
    }

    /** Appends raw HTML (the caller escapes any text in it). */
    Page raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    Page h1(String text) {
        return raw("<h1>" + Html.escape(text) + "</h1>");
    }

    Page h2(String text) {
        return raw("<h2>" + Html.escape(text) + "</h2>");
    }

    Page h3(String text) {
        return raw("<h3>" + Html.escape(text) + "</h3>");
    }

    Page p(String text) {
        return raw("<p>" + Html.escape(text) + "</p>");
    }

    /** A table; cells are escaped; cells that look like numbers are right-aligned. */
    Page table(List<String> header, List<List<String>> rows) {
        return table(header, rows, true);
    }

    /** A table; cells are escaped; when {@code alignNumbers}, cells that look like numbers are right-aligned. */
    Page table(List<String> header, List<List<String>> rows, boolean alignNumbers) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (String h : header) {
            b.append("<th>").append(Html.escape(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                boolean num = alignNumbers && c > 0
                        && cell.replace('\n', ' ').matches("[-+]?[0-9][0-9,.]*( h| %)?( \\(.*\\))?( h| %)?");
                b.append(num ? "<td class=\"num\">" : "<td>").append(cellHtml(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return raw(b.append("</tbody></table>").toString());
    }

    /** A cell's text, escaped; what follows a line break is shown smaller, on its own line (an interval). */
    private static String cellHtml(String cell) {
        int nl = cell.indexOf('\n');
        if (nl < 0) {
            return Html.escape(cell);
        }
        return Html.escape(cell.substring(0, nl)) + "<br><span class=\"ci\">" + Html.escape(cell.substring(nl + 1))
                + "</span>";
    }

    /** A chart read from {@code base}.svg, inline, with a caption; a note when the file is missing or unsafe. */
    Page chart(Path svgFile, String caption) throws IOException {
        String svg = Files.isRegularFile(svgFile) ? inlineSvg(Files.readString(svgFile, StandardCharsets.UTF_8)) : null;
        StringBuilder b = new StringBuilder("<figure>\n");
        if (svg == null) {
            b.append("<p class=\"missing\">Chart ").append(Html.escape(svgFile.getFileName().toString()))
                    .append(" is missing or could not be embedded safely.</p>");
        } else {
            b.append(svg);
        }
        b.append("\n<figcaption>").append(Html.escape(caption)).append("</figcaption>\n</figure>");
        return raw(b.toString());
    }

    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern UNSAFE = Pattern.compile(
            "<\\s*(script|foreignObject|iframe|object|embed)\\b|\\son[a-z]+\\s*=|javascript:|<!ENTITY",
            Pattern.CASE_INSENSITIVE);

    /**
     * The svg element of a file, ready to inline: prolog and doctype dropped, a viewBox added
     * from width/height when missing (so it scales with the page). Null when it holds anything
     * that could run code (the charts never do; a tampered file is not embedded).
     */
    static String inlineSvg(String text) {
        Matcher m = ROOT.matcher(text);
        if (!m.find() || UNSAFE.matcher(text).find()) {
            return null;
        }
        String root = m.group();
        if (!root.contains("viewBox")) {
            Matcher w = Pattern.compile("\\swidth=[\"']([0-9.]+)(px)?[\"']").matcher(root);
            Matcher h = Pattern.compile("\\sheight=[\"']([0-9.]+)(px)?[\"']").matcher(root);
            if (w.find() && h.find()) {
                root = root.replaceFirst("<svg\\b", Matcher.quoteReplacement(
                        "<svg viewBox=\"0 0 " + w.group(1) + " " + h.group(1) + "\""));
            }
        }
        int end = text.lastIndexOf("</svg>");
        if (end < m.end()) {
            return null;
        }
        return root + text.substring(m.end(), end + "</svg>".length());
    }

    /** The manifest's plain fields (numbers, text, booleans) as a two-column table, in the file's order. */
    Page manifestFields(JsonNode manifest, List<String> skip) {
        if (manifest == null || !manifest.isObject()) {
            return p("No manifest.json was found.");
        }
        List<List<String>> rows = new java.util.ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = manifest.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skip.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                rows.add(List.of(e.getKey(), v.asText()));
            } else if (v.isArray() && v.size() <= 50 && allValues(v)) {
                StringBuilder b = new StringBuilder();
                v.forEach(x -> b.append(b.length() == 0 ? "" : ", ").append(x.asText()));
                rows.add(List.of(e.getKey(), b.length() == 0 ? "(none)" : b.toString()));
            }
        }
        return table(List.of("field", "value"), rows, false);
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    static String hours(double h) {
        if (Double.isNaN(h)) {
            return "n/a";
        }
        if (h >= 48 && h % 24 == 0) {
            return String.format(Locale.ROOT, "%d days", (long) (h / 24));
        }
        return h == Math.rint(h) ? String.format(Locale.ROOT, "%d h", (long) h) : String.format(Locale.ROOT, "%.1f h", h);
    }
}
