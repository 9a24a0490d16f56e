package org.safepassage.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.html of a compare folder, built from the files compare writes (the files listed in README.md, "Two commands"). */
final class CompareReport {

    private static final String DASH = "\u2013";

    private final Path dir;
    private final Table scenarios;
    private final Map<String, Map<String, Map<String, String>>> summary = new HashMap<>();
    private final Map<String, Map<String, Map<String, String>>> paired = new HashMap<>();
    private final Map<String, Double> horizonHours = new HashMap<>();
    private final JsonNode manifest;
    private final Map<String, JsonNode> meta = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private String baseline;

    private CompareReport(Path dir) throws IOException {
        this.dir = dir;
        this.scenarios = Table.read(dir.resolve("scenarios.csv"));
        for (Map<String, String> r : scenarios.rows()) {
            names.add(r.get("scenario"));
        }
        for (Map<String, String> r : Table.read(dir.resolve("summary.csv")).rows()) {
            summary.computeIfAbsent(r.get("scenario"), k -> new HashMap<>()).put(r.get("figure"), r);
        }
        for (Map<String, String> r : Table.read(dir.resolve("paired.csv")).rows()) {
            paired.computeIfAbsent(r.get("scenario"), k -> new HashMap<>()).put(r.get("figure"), r);
            baseline = r.get("baseline");
        }
        for (Map<String, String> r : Table.readIfPresent(dir.resolve("timeseries-mean.csv")).rows()) {
            horizonHours.merge(r.get("scenario"), Table.number(r, "hours"), Math::max);
        }
        this.manifest = Report.readManifest(dir);
        if (manifest != null && manifest.path("scenarios").isArray()) {
            for (JsonNode s : manifest.path("scenarios")) {
                meta.put(s.path("name").asText(), s);
            }
        }
        if (baseline == null && !names.isEmpty()) {
            baseline = names.get(0);
        }
    }

    static String html(Path dir) throws IOException {
        return new CompareReport(dir).build();
    }

    private Map<String, String> figure(String scenario, String figure) {
        return summary.getOrDefault(scenario, Map.of()).getOrDefault(figure, Map.of());
    }

    private String estimate(String scenario, String figure) {
        Map<String, String> r = figure(scenario, figure);
        return Numbers.estimate(Table.number(r, "mean"), Table.number(r, "ciLow"), Table.number(r, "ciHigh"), DASH);
    }

    /** "41,000 leave (95 % CI 38,000–44,000)". */
    private String headlineFigure(String scenario, boolean first) {
        Map<String, String> r = figure(scenario, "evacuated");
        double mean = Table.number(r, "mean");
        double low = Table.number(r, "ciLow");
        double high = Table.number(r, "ciHigh");
        double step = Numbers.step((high - low) / 2, 1);
        String interval = Double.isNaN(low) ? "" : " (" + (first ? "95 % CI " : "") + Numbers.rounded(low, step)
                + DASH + Numbers.rounded(high, step) + ")";
        return Numbers.rounded(mean, step) + (first ? " leave" : "") + interval;
    }

    private String build() throws IOException {
        int replicates = (int) Table.number(figure(names.get(0), "evacuated"), "n");
        double initial = Table.number(figure(names.get(0), "initialPersons"), "mean");
        boolean sameInitial = names.stream().allMatch(n -> Table.number(figure(n, "initialPersons"), "mean") == initial);
        double horizon = horizonHours.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);

        Page page = new Page("Comparison: " + String.join(", ", names));
        page.h1("Comparing " + names.size() + " pause designs: " + String.join(", ", names));
        page.raw("<p class=\"question\"><strong>The question.</strong> "
                + Html.escape("How many of the " + (sameInitial ? Numbers.rounded(initial, 1) + " " : "")
                + "people inside leave the besieged district, and how many are killed, under each of these "
                + names.size() + " scenarios" + (Double.isNaN(horizon) ? "" : " within the " + Page.hours(horizon)
                + " simulated") + "?")
                + "</p>");
        String method = "<p class=\"small\">" + Html.escape("Each scenario was simulated " + replicates
                + " times; run r used the same random seed in every scenario (common random numbers), so the "
                + "differences compare like with like. Ranges in the headline are 95 % confidence intervals of the "
                + "mean over those runs, rounded to the digits the runs support; the table under it gives the spread "
                + "of the runs themselves (5th to 95th percentile).") + "</p>";

        page.h2("The answer");
        StringBuilder head = new StringBuilder("<div class=\"headline\">\n<p>");
        for (int i = 0; i < names.size(); i++) {
            head.append(i == 0 ? "" : "; ").append("<strong>").append(Html.escape(names.get(i))).append("</strong>: ")
                    .append(Html.escape(headlineFigure(names.get(i), i == 0)));
        }
        head.append(".</p>\n");
        StringBuilder differences = new StringBuilder();
        for (String n : names) {
            Map<String, String> d = paired.getOrDefault(n, Map.of()).get("evacuated");
            Map<String, String> k = paired.getOrDefault(n, Map.of()).get("killed");
            if (d == null) {
                continue;
            }
            differences.append(differences.length() == 0 ? "" : " ").append(differenceSentence(n, d, k));
        }
        if (differences.length() > 0) {
            head.append("<p>").append(Html.escape(differences.toString())).append("</p>\n");
        }
        spreadAndAssumptions(page, head);
        page.raw(method);

        List<List<String>> rows = new ArrayList<>();
        for (String n : names) {
            Map<String, String> frac = figure(n, "evacuatedFraction");
            rows.add(List.of(n, twoLines(estimate(n, "evacuated")), percent(Table.number(frac, "mean")),
                    twoLines(estimate(n, "killed")), twoLines(estimate(n, "detained")),
                    twoLines(estimate(n, "remaining")), twoLines(estimate(n, "peakQueue")),
                    twoLines(hoursEstimate(figure(n, "timeToHalfHours"))),
                    twoLines(hoursEstimate(figure(n, "pauseOpenHours")))));
        }
        page.table(List.of("scenario", "left the enclave", "share of people", "killed", "detained at crossings",
                "still inside at the end", "longest queue (persons)", "hours from the start until half of those who left had left",
                "hours a pause was open (early ends and suspensions included)"), rows);
        page.raw("<p class=\"small\">Means over the runs, with 95 % confidence intervals of the mean. All figures per "
                + "run are in runs.csv, and every summary statistic in summary.csv and paired.csv beside this file.</p>");

        page.h2("The scenarios side by side");
        sideBySide(page);

        page.h2("Charts");
        page.chart(dir.resolve("evacuated-over-time.svg"), "Persons who have left the enclave since the start, mean "
                + "over the runs with its 95 % confidence band, one band per scenario; shaded: the pause windows as "
                + "scheduled (a pause may end early in some runs).");
        page.chart(dir.resolve("evacuated.svg"), "Persons who left by the end of the run, mean and 95 % confidence "
                + "interval per scenario.");
        page.chart(dir.resolve("killed.svg"), "Persons killed during the run, mean and 95 % confidence interval per "
                + "scenario.");

        page.h2("Assumptions and their sources");
        assumptions(page);

        runsAndMembers(page);

        page.h2("How to reproduce this");
        reproduce(page);
        return page.html();
    }

    /**
     * Right under the headline: what it means (share of the people inside who get out, the spread
     * over the runs, the chance of at least N), the runs where the pause held apart from those cut
     * short, the killed on the way apart from at home, where the spread comes from, and every
     * assumption the answer hinges on (from spread.csv and the manifest's effective parameters).
     */
    private void spreadAndAssumptions(Page page, StringBuilder head) throws IOException {
        Table spread = Table.readIfPresent(dir.resolve("spread.csv"));
        if (spread.rows().isEmpty()) {
            page.raw(head.append("</div>").toString());
            return;
        }
        StringBuilder so = new StringBuilder("<p>");
        StringBuilder bands = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        String atLeast = "";
        boolean error = spread.rows().stream().anyMatch(r -> !Double.isNaN(Table.number(r, "withModelErrorMedian")));
        for (Map<String, String> r : spread.rows()) {
            String n = r.get("scenario");
            double initial = Table.number(figure(n, "initialPersons"), "mean");
            double median = Table.number(r, "evacuatedMedian");
            atLeast = Numbers.rounded(Table.number(r, "atLeast"), 1);
            so.append(so.length() > 3 ? "; " : "Share of the " + Html.escape(Numbers.rounded(initial, 1))
                    + " people inside who get out (median over the runs): ").append("<strong>")
                    .append(Html.escape(n)).append("</strong> ").append(Html.escape(percent(median / initial)));
            List<String> row = new ArrayList<>(List.of(label(n), band(r, "evacuated")));
            if (error) {
                row.add(band(r, "withModelError"));
                row.add(percent(Table.number(r, "chanceAtLeast")) + " / "
                        + percent(Table.number(r, "chanceAtLeastWithModelError")));
                bands.append(bands.length() == 0 ? "" : "; ").append("<strong>").append(Html.escape(n))
                        .append("</strong> ").append(Html.escape(bandText(r, "withModelError")));
            } else {
                row.add(percent(Table.number(r, "chanceAtLeast")));
            }
            row.addAll(List.of(runs(r, "held"), runs(r, "cutShort"),
                    Numbers.rounded(Table.number(r, "killedOnTheWayMedian"), 1) + " / "
                            + Numbers.rounded(Table.number(r, "killedAtHomeMedian"), 1),
                    shares(r, error)));
            rows.add(row);
        }
        head.append(so).append(".</p>\n");
        if (error) {
            head.append("<p>").append(Html.escape("Persons out, 90 % of outcomes (median, 5th\u201395th percentile), "
                    + "with the model's own error on past sieges added: ")).append(bands).append(".</p>\n");
        }
        page.raw(head.append("</div>").toString());
        List<String> header = new ArrayList<>(List.of("scenario", "left: median (5" + DASH + "95 %), runs"));
        header.addAll(error ? List.of("with model error", "chance of " + atLeast + "+: runs / + error")
                : List.of("chance of " + atLeast + "+"));
        header.addAll(List.of("pause held: runs, median", "cut short: runs, median", "killed on the way / at home",
                error ? "variance: seeds / parameters / inputs / model error" : "variance: seeds / parameters / inputs"));
        page.table(header, rows);
        assumptionsAtAGlance(page);
        page.raw("<p class=\"small\">" + Html.escape("Runs: the spread of the runs themselves (behaviour ensemble "
                + "member \u00d7 the scenario's ranges \u00d7 seeds)." + (error ? " With model error: each run's "
                + "figure moved by every error the model made on the observed episodes (docs/UNCERTAINTY.md); where "
                + "the model erred on sieges, it may err here, so this wider band is the one to plan with." : "")) + "</p>");
    }

    /**
     * "300 (0–1,600)": median and 5th–95th percentile of the columns PREFIX{Median,P5,P95}; the band
     * with model error, too wide for one rounding step, to two significant figures each.
     */
    private static String band(Map<String, String> r, String prefix) {
        return unbroken(bandText(r, prefix));
    }

    /** Kept on one line in a table cell: non-breaking spaces, a word joiner after the dash. */
    private static String unbroken(String s) {
        return s.replace(' ', '\u00a0').replace(DASH, DASH + "\u2060");
    }

    private static String bandText(Map<String, String> r, String prefix) {
        double median = Table.number(r, prefix + "Median");
        double p5 = Table.number(r, prefix + "P5");
        double p95 = Table.number(r, prefix + "P95");
        if (prefix.equals("withModelError")) {
            return Numbers.significant(median) + " (" + Numbers.significant(p5) + DASH + Numbers.significant(p95) + ")";
        }
        double step = Numbers.step((p95 - p5) / 4, 1);
        return Numbers.rounded(median, step) + " (" + Numbers.rounded(p5, step) + DASH + Numbers.rounded(p95, step) + ")";
    }

    /** A scenario's name as a row label: not broken at its hyphens (pause-11h stays on one line). */
    private static String label(String name) {
        return name.replace('-', '\u2011');
    }

    private static String runs(Map<String, String> r, String prefix) {
        int n = (int) Table.number(r, prefix + "Runs");
        return n == 0 ? "0" : n + ", " + Numbers.rounded(Table.number(r, prefix + "Median"), 1);
    }

    private static String shares(Map<String, String> r, boolean error) {
        double s = Table.number(r, "varianceShareSeeds");
        if (Double.isNaN(s)) {
            return DASH;
        }
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", 100 * s, 100 * Table.number(r, "varianceShareParameters"),
                100 * Table.number(r, "varianceShareInputs"))
                + (error ? String.format(Locale.ROOT, " / %.0f", 100 * Table.number(r, "varianceShareModelError")) : "")
                + " %";
    }

    /** The assumptions the answer hinges on, per scenario, next to the headline. */
    private void assumptionsAtAGlance(Page page) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode uncertainty = manifest == null ? null : manifest.path("uncertainty");
        JsonNode discrepancy = uncertainty == null ? null : uncertainty.path("ensemble").path("discrepancy");
        String ensemble = uncertainty == null || uncertainty.path("ensemble").isTextual() ? "calibrated defaults"
                : "ensemble of " + uncertainty.path("ensemble").path("members").asInt() + " sets"
                + (discrepancy != null && discrepancy.isObject() ? " + model error" : "");
        for (String n : names) {
            JsonNode pause = meta.containsKey(n) ? meta.get(n).path("effectiveParameters").path("pauses").path(0)
                    : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            Map<String, String> facts = scenarios.rows().stream().filter(r -> n.equals(r.get("scenario"))).findFirst()
                    .orElse(Map.of());
            rows.add(List.of(label(n), text(pause.path("declaredBy"), DASH), text(pause.path("credibility"), DASH),
                    text(pause.path("earlyEndPerHour"), "0"),
                    facts.getOrDefault("noticeHours", DASH) + " h", facts.getOrDefault("monitoring", DASH), ensemble));
        }
        page.table(List.of("assumptions", "declared by", "credibility", "early end, chance per hour",
                "notice as applied", "monitoring of civilian corridors", "behaviour parameters"), rows);
        if (uncertainty != null && uncertainty.path("ensemble").isObject()) {
            page.raw("<p class=\"small\">" + Html.escape("Behaviour parameters: each run drew one of the sets of "
                    + uncertainty.path("ensemble").path("file").asText() + " (calibration candidates the observed "
                    + "episodes cannot tell apart; docs/CALIBRATION.md); --ensemble none runs the calibrated "
                    + "defaults alone.") + "</p>");
        }
    }

    /** A value of the effective parameters as written: a plain value, or a range such as {uniform: [0.1, 0.3]}. */
    private static String text(JsonNode v, String missing) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return missing;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        StringBuilder b = new StringBuilder();
        v.fields().forEachRemaining(e -> b.append(e.getKey()).append(' ').append(e.getValue().toString()
                .replace("\"", "")));
        return b.toString();
    }

    private String differenceSentence(String scenario, Map<String, String> d, Map<String, String> k) {
        double mean = Table.number(d, "meanDifference");
        double low = Table.number(d, "ciLow");
        double high = Table.number(d, "ciHigh");
        double step = Numbers.step((high - low) / 2, 1);
        String more = mean >= 0 ? "more" : "fewer";
        String s = "Compared with " + baseline + ", " + scenario + " gets " + Numbers.rounded(Math.abs(mean), step)
                + " " + more + " people out (95 % CI of the paired difference " + Numbers.signed(low, step) + " to "
                + Numbers.signed(high, step) + ")";
        boolean clear = !Double.isNaN(low) && (low > 0 || high < 0);
        s += clear ? "." : "; the runs cannot tell the two apart.";
        if (k != null) {
            s += " Difference in persons killed: " + Numbers.difference(Table.number(k, "meanDifference"),
                    Table.number(k, "ciLow"), Table.number(k, "ciHigh"), 1) + ".";
        }
        return s;
    }

    private void sideBySide(Page page) {
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(names);
        String[][] labels = {
            {"file", "file"},
            {"pauseWindows", "pause windows (as scheduled)"},
            {"pauseHoursTotal", "pause hours in total"},
            {"noticeHours", "notice before the first pause (hours)"},
            {"corridors", "corridors"},
            {"capacityPersonsPerHour", "capacity of civilian and medical corridors (persons per hour)"},
            {"monitoring", "monitoring of civilian corridors"},
            {"transport", "transport provided"},
        };
        List<List<String>> rows = new ArrayList<>();
        List<String> description = new ArrayList<>();
        description.add("description");
        for (String n : names) {
            description.add(meta.containsKey(n) ? meta.get(n).path("description").asText("") : "");
        }
        rows.add(description);
        for (String[] l : labels) {
            List<String> row = new ArrayList<>();
            row.add(l[1]);
            for (Map<String, String> r : scenarios.rows()) {
                String v = r.getOrDefault(l[0], "");
                row.add(l[0].equals("capacityPersonsPerHour") && !v.isEmpty()
                        ? Numbers.rounded(Table.number(r, l[0]), 1) : v);
            }
            rows.add(row);
        }
        page.table(header, rows);
    }

    private void assumptions(Page page) {
        page.p("The confidence intervals (95 % CI) measure how well the runs pin down the mean. The spread under "
                + "the headline is wider and says what we do not know: the runs' band draws a behaviour parameter set "
                + "per run from the ensemble of sets the observed episodes cannot tell apart (docs/CALIBRATION.md) and "
                + "each of the scenario's ranges; the band with model error also moves each run's figure by the errors "
                + "the model made on the observed sieges (docs/UNCERTAINTY.md), since a model that missed them by a "
                + "factor of ten may miss this one too. Without an ensemble (--ensemble none) the runs differ by their "
                + "seeds alone. The map "
                + "is schematic: neighbourhoods and corridors in the right places, not a survey. The model leaves out "
                + "individual combat, the interiors of buildings, politics beyond the parameters given, and the effect "
                + "of aid deliveries unless a scenario sets it.");
        Map<String, List<String>> citedBy = new LinkedHashMap<>();
        for (String n : names) {
            JsonNode m = meta.get(n);
            if (m == null) {
                continue;
            }
            for (JsonNode s : m.path("sources")) {
                citedBy.computeIfAbsent(s.asText(), k -> new ArrayList<>()).add(n);
            }
        }
        if (meta.isEmpty()) {
            page.p("The scenarios' descriptions and sources were not found in manifest.json.");
            return;
        }
        page.h3("What each scenario assumes");
        StringBuilder b = new StringBuilder("<ul>\n");
        for (String n : names) {
            JsonNode m = meta.get(n);
            b.append("<li><strong>").append(Html.escape(n)).append("</strong> (")
                    .append(Html.escape(m == null ? "" : m.path("file").asText())).append("): ")
                    .append(Html.escape(m == null ? "" : m.path("description").asText())).append("</li>\n");
        }
        page.raw(b.append("</ul>").toString());
        page.h3("Sources");
        if (citedBy.isEmpty()) {
            page.p("The scenario files cite no sources.");
            return;
        }
        StringBuilder s = new StringBuilder("<ol>\n");
        for (Map.Entry<String, List<String>> e : citedBy.entrySet()) {
            s.append("<li>").append(Html.escape(e.getKey()));
            if (e.getValue().size() < names.size()) {
                s.append(" <span class=\"small\">(").append(Html.escape("cited by " + String.join(", ", e.getValue())))
                        .append(")</span>");
            }
            s.append("</li>\n");
        }
        page.raw(s.append("</ol>").toString());
        page.raw("<p class=\"small\">The scenario files themselves explain each parameter's value in comments; "
                + "docs/ODD.md gives every default and its source.</p>");
    }

    /**
     * Every run: its replicate, seed and the behaviour ensemble member it drew (the same in every
     * scenario: common random numbers), and persons out in each scenario (runs.csv).
     */
    private void runsAndMembers(Page page) throws IOException {
        Table runs = Table.readIfPresent(dir.resolve("runs.csv"));
        if (runs.rows().isEmpty() || !runs.header().contains("ensembleMember")) {
            return;
        }
        JsonNode labels = manifest == null ? null : manifest.path("uncertainty").path("ensemble").path("memberLabels");
        Map<String, List<String>> byReplicate = new LinkedHashMap<>();
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> r : runs.rows()) {
            String rep = r.get("replicate");
            String member = r.getOrDefault("ensembleMember", "");
            String label = member.isEmpty() ? DASH : member + (labels != null && labels.isArray()
                    && labels.path(Integer.parseInt(member)).isTextual() ? ": " + labels.path(Integer.parseInt(member))
                    .asText() : "");
            byReplicate.putIfAbsent(rep, List.of(rep, r.get("seed"), label));
            out.computeIfAbsent(rep, k -> new HashMap<>()).put(r.get("scenario"),
                    Numbers.rounded(Table.number(r, "evacuated"), 1));
        }
        page.h2("Runs and the behaviour parameters each drew");
        page.p("Run r used the same seed, and so drew the same behaviour parameter set (ensemble member, counted from "
                + "0, with the calibration candidate it comes from), in every scenario. Persons who left, per run:");
        List<String> header = new ArrayList<>(List.of("run", "seed", "ensemble member"));
        header.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byReplicate.entrySet()) {
            List<String> row = new ArrayList<>(e.getValue());
            names.forEach(n -> row.add(out.get(e.getKey()).getOrDefault(n, DASH)));
            rows.add(row);
        }
        page.table(header, rows);
    }

    private void reproduce(Page page) {
        if (manifest == null) {
            page.p("No manifest.json was found.");
            return;
        }
        page.p("From the project's folder, at the git commit below, with the same scenario files (check their SHA-256):");
        page.raw("<pre>./" + Html.escape(manifest.path("command").asText()) + "</pre>");
        page.p("Any single run can be repeated alone with ./safepassage run FILE --seed SEED, with its seed from "
                + "runs.csv (the --set overrides, if any, given again).");
        List<List<String>> files = new ArrayList<>();
        for (JsonNode s : manifest.path("scenarios")) {
            files.add(List.of(s.path("name").asText(), s.path("file").asText(), s.path("sha256").asText()));
        }
        page.table(List.of("scenario", "file", "SHA-256"), files);
        page.manifestFields(manifest, List.of("command", "scenarios"));
    }

    /** "41,000 (38,000–44,000)" as the estimate over its interval (the table shows the interval smaller). */
    private static String twoLines(String estimate) {
        return estimate.replaceFirst(" \\(", "\n(");
    }

    private static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        double p = 100 * fraction;
        return p >= 10 ? String.format(Locale.ROOT, "%.0f %%", p)
                : p >= 0.1 ? String.format(Locale.ROOT, "%.1f %%", p) : String.format(Locale.ROOT, "%.2f %%", p);
    }

    private static String hoursEstimate(Map<String, String> r) {
        double mean = Table.number(r, "mean");
        if (Double.isNaN(mean)) {
            return "n/a";
        }
        String e = Numbers.estimate(mean, Table.number(r, "ciLow"), Table.number(r, "ciHigh"), DASH, 0.1);
        return e.contains(" (") ? e.replaceFirst(" \\(", " h (") : e + " h";
    }
}
