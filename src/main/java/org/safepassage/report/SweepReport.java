package org.safepassage.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.safepassage.metrics.FileNames;

/** report.html of a sweep folder, built from the files sweep writes (the files listed in docs/SWEEPS.md). */
final class SweepReport {

    private static final String DASH = "\u2013";
    /** Design points listed in the table at most (all are in summary.csv). */
    static final int MAX_TABLE_POINTS = 200;

    private final Path dir;
    private final JsonNode manifest;
    private final List<String> parameters = new ArrayList<>();
    /** The parameters that take more than one value over the points, and those set once for all. */
    private final List<String> varied = new ArrayList<>();
    private final Map<String, String> fixed = new LinkedHashMap<>();
    private final Set<String> figures = new LinkedHashSet<>();
    /** point -> (figure -> summary row), points in file order. */
    private final Map<String, Map<String, Map<String, String>>> points = new LinkedHashMap<>();
    private final Table sensitivity;

    private SweepReport(Path dir) throws IOException {
        this.dir = dir;
        Table summary = Table.read(dir.resolve("summary.csv"));
        int p = summary.header().indexOf("point");
        int f = summary.header().indexOf("figure");
        if (p < 0 || f < 0 || f < p) {
            throw new IOException(dir.resolve("summary.csv") + ": expected columns point, <parameters...>, figure, "
                    + "n, mean, sd, ciLow, ciHigh, median, p5, p95; found " + summary.header());
        }
        parameters.addAll(summary.header().subList(p + 1, f));
        for (Map<String, String> r : summary.rows()) {
            figures.add(r.get("figure"));
            points.computeIfAbsent(r.get("point"), k -> new LinkedHashMap<>()).put(r.get("figure"), r);
        }
        this.sensitivity = Table.readIfPresent(dir.resolve("sensitivity.csv"));
        this.manifest = Report.readManifest(dir);
        for (String k : parameters) {
            Set<String> values = new LinkedHashSet<>();
            for (Map<String, Map<String, String>> point : points.values()) {
                values.add(point.values().iterator().next().get(k));
            }
            if (values.size() == 1 && points.size() > 1) {
                fixed.put(k, values.iterator().next());
            } else {
                varied.add(k);
            }
        }
    }

    static String html(Path dir) throws IOException {
        return new SweepReport(dir).build();
    }

    private String studyName() {
        if (manifest != null) {
            for (String key : List.of("study", "studyName", "name")) {
                JsonNode v = manifest.get(key);
                if (v != null && v.isTextual()) {
                    return v.asText();
                }
                if (v != null && v.isObject() && v.path("name").isTextual()) {
                    return v.path("name").asText();
                }
            }
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "sweep" : name.toString();
    }

    private String mainFigure() {
        return figures.contains("evacuated") ? "evacuated" : figures.iterator().next();
    }

    private String settings(Map<String, Map<String, String>> point) {
        Map<String, String> any = point.values().iterator().next();
        List<String> parts = new ArrayList<>();
        for (String k : varied) {
            parts.add(k + " = " + any.get(k));
        }
        return String.join(", ", parts);
    }

    private static String estimate(Map<String, String> r) {
        if (r == null) {
            return "n/a";
        }
        return Numbers.estimate(Table.number(r, "mean"), Table.number(r, "ciLow"), Table.number(r, "ciHigh"), DASH);
    }

    private String build() throws IOException {
        String name = studyName();
        String main = mainFigure();
        int replicates = (int) Table.number(points.values().iterator().next().get(main), "n");
        Page page = new Page("Sweep: " + name);
        page.h1("Sweep: " + name);
        page.raw("<p class=\"question\"><strong>The question.</strong> " + Html.escape("How do " + String.join(", ",
                figures) + " change as " + String.join(", ", varied) + " vary, over " + points.size()
                + " design points?") + "</p>");
        if (!fixed.isEmpty()) {
            List<String> set = new ArrayList<>();
            fixed.forEach((k, v) -> set.add(k + " = " + v));
            page.raw("<p class=\"small\">" + Html.escape("Set the same at every point: " + String.join(", ", set) + ".")
                    + "</p>");
        }
        page.raw("<p class=\"small\">" + Html.escape("Each design point was simulated " + replicates
                + " times with common random numbers (replicate r has the same seed at every point). Ranges are "
                + "95 % confidence intervals of the mean over those runs.") + "</p>");

        page.h2("The answer");
        List<Map.Entry<String, Map<String, Map<String, String>>>> ranked = new ArrayList<>(points.entrySet());
        ranked.removeIf(e -> e.getValue().get(main) == null || Double.isNaN(Table.number(e.getValue().get(main), "mean")));
        ranked.sort(Comparator.comparingDouble(e -> -Table.number(e.getValue().get(main), "mean")));
        StringBuilder head = new StringBuilder("<div class=\"headline\">\n");
        if (!ranked.isEmpty()) {
            var best = ranked.get(0);
            var worst = ranked.get(ranked.size() - 1);
            head.append("<p>").append(Html.escape("Highest " + main + ": point " + best.getKey() + " ("
                    + settings(best.getValue()) + "): " + estimate(best.getValue().get(main)) + ".")).append("</p>\n");
            head.append("<p>").append(Html.escape("Lowest " + main + ": point " + worst.getKey() + " ("
                    + settings(worst.getValue()) + "): " + estimate(worst.getValue().get(main)) + ".")).append("</p>\n");
        }
        String influential = mostInfluential(main);
        if (influential != null) {
            head.append("<p>").append(Html.escape(influential)).append("</p>\n");
        }
        page.raw(head.append("</div>").toString());

        page.h2("Design points");
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(varied);
        List<String> shown = new ArrayList<>(List.of(main));
        if (!main.equals("killed") && figures.contains("killed")) {
            shown.add("killed");
        }
        for (String f : shown) {
            header.add(f + " (95 % CI)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (var e : points.entrySet()) {
            if (rows.size() == MAX_TABLE_POINTS) {
                break;
            }
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            Map<String, String> any = e.getValue().values().iterator().next();
            for (String k : varied) {
                row.add(any.get(k));
            }
            for (String f : shown) {
                row.add(estimate(e.getValue().get(f)));
            }
            rows.add(row);
        }
        page.table(header, rows);
        if (points.size() > MAX_TABLE_POINTS) {
            page.p("The first " + MAX_TABLE_POINTS + " of " + points.size() + " design points; all are in summary.csv.");
        }

        if (!sensitivity.rows().isEmpty()) {
            page.h2("Which parameters matter");
            page.p("Sobol sensitivity indices: first-order (the share of the variance due to the parameter alone) and "
                    + "total (including its interactions with the others), with 95 % intervals.");
            List<List<String>> srows = new ArrayList<>();
            for (Map<String, String> r : sensitivity.rows()) {
                srows.add(List.of(r.getOrDefault("figure", ""), r.getOrDefault("parameter", ""),
                        index(r, "first"), index(r, "total")));
            }
            page.table(List.of("figure", "parameter", "first-order", "total"), srows);
        }

        page.h2("Charts");
        for (Path svg : charts()) {
            page.chart(svg, caption(svg.getFileName().toString()));
        }

        page.h2("How to reproduce this");
        if (manifest != null && manifest.path("command").isTextual()) {
            page.raw("<pre>./" + Html.escape(manifest.path("command").asText()) + "</pre>");
        }
        page.manifestFields(manifest, List.of("command"));
        return page.html();
    }

    private String mostInfluential(String figure) {
        Map<String, String> top = null;
        for (Map<String, String> r : sensitivity.rows()) {
            if (figure.equals(r.get("figure"))
                    && (top == null || Table.number(r, "total") > Table.number(top, "total"))) {
                top = r;
            }
        }
        if (top == null) {
            return null;
        }
        return "The parameter that matters most for " + figure + " is " + top.get("parameter") + " (total index "
                + index(top, "total") + ").";
    }

    private static String index(Map<String, String> r, String which) {
        double v = Table.number(r, which);
        double lo = Table.number(r, which + "Low");
        double hi = Table.number(r, which + "High");
        return Numbers.estimate(v, lo, hi, DASH, 0.01);
    }

    /** The sweep's charts: outcome-vs-parameter first, then the heat map and sensitivity, then any other. */
    private List<Path> charts() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".svg"))
                    .sorted(Comparator.comparingInt((Path p) -> rank(p.getFileName().toString()))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static int rank(String file) {
        if (file.contains("-vs-")) {
            return 0;
        }
        if (file.equals("heatmap.svg")) {
            return 1;
        }
        return file.equals("sensitivity.svg") ? 2 : 3;
    }

    private String caption(String file) {
        String base = file.substring(0, file.length() - ".svg".length());
        if (base.contains("-vs-")) {
            String[] parts = base.split("-vs-", 2);
            String parameter = parts[1];
            for (String p : parameters) {
                // chart files name a key path in a file-safe form: pauses[pause].duration -> pauses-pause-duration
                if (FileNames.keyPath(p).equals(parameter)) {
                    parameter = p;
                }
            }
            return parts[0] + " against " + parameter + ": mean over replicates with 95 % confidence intervals.";
        }
        if (base.equals("heatmap")) {
            return "Mean outcome over two varied parameters.";
        }
        if (base.equals("sensitivity")) {
            return "First-order and total sensitivity indices with 95 % intervals.";
        }
        return base;
    }
}
