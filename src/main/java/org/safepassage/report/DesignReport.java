package org.safepassage.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.advisor.Advisor;
import org.safepassage.advisor.Benchmark;
import org.safepassage.advisor.Candidate;
import org.safepassage.advisor.DesignOutput;
import org.safepassage.advisor.Discovery;
import org.safepassage.advisor.Threshold;
import org.safepassage.scenario.DesignSpec;

/**
 * report.html of a design search, for planners: the question, the recommended design in one
 * sentence with its vulnerability (both in the first screen), the trade-off chart, the front's
 * designs side by side with their spread, the vulnerabilities, how the runs were spent and how
 * to reproduce the answer.
 */
public final class DesignReport {

    private DesignReport() {
    }

    /**
     * @param threshold the answer to a threshold question, or null
     * @param command the command line that reproduces the folder
     */
    public static String html(Advisor.Result r, Discovery discovery, Threshold.Answer threshold,
            List<Benchmark> benchmarks, Path chartSvg, String command, double wallSeconds) throws IOException {
        DesignSpec spec = r.spec();
        Page page = new Page("Pause design: " + spec.name());
        page.h1("Which pause design: " + spec.name());
        if (!spec.question().isBlank()) {
            page.raw("<p class=\"question\"><strong>The question.</strong> " + Html.escape(spec.question()) + "</p>");
        }
        int last = spec.search().stages().get(spec.search().stages().size() - 1);
        StringBuilder head = new StringBuilder("<div class=\"headline\">\n");
        if (r.recommended() == null) {
            head.append("<p>No design could be evaluated: every candidate was an invalid scenario.</p>");
        } else {
            Advisor.Scored rec = r.recommended();
            head.append("<p><strong>Recommended:</strong> ").append(Html.escape(designWords(spec, rec.candidate())))
                    .append(". ").append(Html.escape(outcomeWords(r, rec))).append("</p>\n");
            head.append("<p>").append(Html.escape(rec.feasible() ? "It keeps within every risk bound ("
                    + constraintWords(spec) + ")." : "No design on the front keeps within every risk bound ("
                    + constraintWords(spec) + "); this one comes closest: " + shareWords(spec, rec) + "."))
                    .append("</p>\n");
            Advisor.Scored beyond = rec.feasible() ? bestBeyondTheBounds(r) : null;
            if (beyond != null) {
                head.append("<p>").append(Html.escape("What the bounds cost: " + designWords(spec, beyond.candidate())
                        + " got " + DesignOutput.num(Math.round(beyond.objectives()[0])) + " "
                        + spec.objectives().get(0).label().replaceFirst("^(max|min) ", "") + " over the "
                        + beyond.replicates() + " states it was run in, but is " + outsideBounds(spec, beyond.shares())
                        + ".")).append("</p>\n");
            }
            if (discovery != null) {
                head.append("<p><strong>Where it fails:</strong> ").append(Html.escape(discovery.sentence()))
                        .append("</p>\n");
            }
            if (r.regret() != null) {
                head.append("<p>").append(Html.escape("Regret: in each of the " + last + " states of the world it "
                        + "was compared with the front design that did best there; on " + r.regret().figure()
                        + " it fell short by " + DesignOutput.num(Math.round(r.regret().mean())) + " on average, "
                        + DesignOutput.num(Math.round(r.regret().p90())) + " in 9 states of 10, "
                        + DesignOutput.num(Math.round(r.regret().max())) + " at worst.")).append("</p>\n");
            }
            if (!benchmarks.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (Benchmark b : benchmarks) {
                    double[] g = b.gainSummary();
                    parts.add((g[0] >= 0 ? "+" : "") + DesignOutput.num(Math.round(g[0])) + " over " + b.name()
                            + (b.feasible() ? "" : " (" + outsideBounds(spec, b.shares()) + ")"));
                }
                head.append("<p>").append(Html.escape("In the same states of the world, " + spec.objectives().get(0)
                        .figure() + " on average: " + String.join(", ", parts) + ".")).append("</p>\n");
            }
            if (threshold != null) {
                head.append("<p><strong>Threshold:</strong> ").append(Html.escape(thresholdWords(spec, threshold)))
                        .append("</p>\n");
            }
        }
        head.append("</div>");
        page.h2("The answer");
        page.raw(head.toString());
        page.raw("<p class=\"small\">" + Html.escape(r.considered().size() + " designs considered, " + r.front().size()
                + " on the front of robust designs, each front design run in " + last
                + " states of the world (replicate seed, behaviour parameter set and uncertain inputs drawn per state, "
                + "the same states for every design).") + "</p>");

        page.h2("The trade-off");
        page.chart(chartSvg, "The front of robust designs: " + spec.objectives().get(0).label()
                + " (bars: 5th to 95th percentile over the states of the world) against "
                + (spec.objectives().size() > 1 ? "the first objective on another figure (or the second)"
                        : "the design") + ".");

        page.h2("The designs on the front, side by side");
        List<String> header = new ArrayList<>(List.of("design"));
        spec.levers().forEach(l -> header.add(l.path()));
        spec.objectives().forEach(o -> header.add(o.figure() + " " + o.statistic()));
        List<String> spreads = DesignOutput.spreadFigures(spec);
        spreads.forEach(f -> header.add(f + " median\n(5th\u201395th)"));
        spec.constraints().forEach(c -> header.add(c.label()));
        List<List<String>> rows = new ArrayList<>();
        for (Advisor.Scored s : r.front()) {
            List<String> row = new ArrayList<>();
            boolean rec = r.recommended() != null && r.recommended().candidate().equals(s.candidate());
            row.add(s.candidate().key() + (rec ? "\nrecommended" : ""));
            row.addAll(s.candidate().values(spec));
            for (double v : s.objectives()) {
                row.add(DesignOutput.num(round(v)));
            }
            for (String f : spreads) {
                double[] sp = DesignOutput.spread(r, s.candidate(), f, s.replicates());
                row.add(DesignOutput.num(round(sp[1])) + "\n" + DesignOutput.num(round(sp[0])) + "\u2013"
                        + DesignOutput.num(round(sp[2])));
            }
            for (double share : s.shares()) {
                row.add(Math.round(share * 100) + " % of runs");
            }
            rows.add(row);
        }
        page.table(header, rows, true);

        if (!benchmarks.isEmpty()) {
            page.h2("Against the planners' own designs");
            page.p("Each scenario below was run in the same " + last + " states of the world as the front (the same "
                    + "seeds, ensemble members and uncertain inputs); the last column is the recommended design's "
                    + "gain in " + spec.objectives().get(0).figure() + " over it, state by state.");
            List<String> bh = new ArrayList<>(List.of("scenario"));
            spec.objectives().forEach(o -> bh.add(o.figure() + " " + o.statistic()));
            spec.constraints().forEach(c -> bh.add(c.label()));
            bh.add("recommended gains\n(5th\u201395th)");
            List<List<String>> brows = new ArrayList<>();
            for (Benchmark b : benchmarks) {
                List<String> row = new ArrayList<>(List.of(b.name()));
                for (double v : b.objectives()) {
                    row.add(DesignOutput.num(round(v)));
                }
                for (double share : b.shares()) {
                    row.add(Math.round(share * 100) + " % of runs");
                }
                double[] g = b.gainSummary();
                row.add(DesignOutput.num(round(g[0])) + "\n" + DesignOutput.num(round(g[1])) + "\u2013"
                        + DesignOutput.num(round(g[2])));
                brows.add(row);
            }
            page.table(bh, brows, true);
        }

        page.h2("Vulnerabilities of the recommended design");
        if (discovery == null) {
            page.p("Not analysed (no recommended design).");
        } else {
            page.p(discovery.sentence());
            page.p("Method: PRIM (patient rule induction, Friedman and Fisher 1999), peeling 5 % of the states at a time, "
                    + "over the " + discovery.factors().size() + " uncertain factors that vary between states ("
                    + String.join(", ", discovery.factors()) + "); the box shown is the densest that still holds at "
                    + "least half of the failures. Failure: " + discovery.failure() + ".");
        }
        if (threshold != null) {
            page.h2("Threshold question");
            page.p(thresholdWords(spec, threshold));
            List<List<String>> t = new ArrayList<>();
            for (Threshold.Tried tried : threshold.tried()) {
                t.add(List.of(tried.value(), Math.round(tried.probability() * 100) + " %"));
            }
            page.table(List.of(spec.levers().get(threshold.question().lever()).path(),
                    "share of states with " + threshold.question().figure() + " \u2265 "
                            + DesignOutput.num(threshold.question().atLeast())), t, true);
        }

        page.h2("How the runs were spent");
        List<List<String>> stageRows = new ArrayList<>();
        for (int k = 0; k < r.stages().size(); k++) {
            Advisor.Stage s = r.stages().get(k);
            stageRows.add(List.of(Integer.toString(k), Integer.toString(s.designs()), Integer.toString(s.contenders()),
                    Integer.toString(s.replicates())));
        }
        page.table(List.of("stage", "designs", "of which raced on as contenders", "states of the world each"),
                stageRows, true);
        double saved = r.runsWithoutRacing() == 0 ? 0 : 1 - r.runsKept() / (double) r.runsWithoutRacing();
        page.p("NSGA-II (MOEA Framework) proposed the designs of stage 0; each later stage but the last kept the first "
                + "front and the best-ranked designs (" + Math.round(spec.search().keep() * 100) + " % of the stage), and "
                + "at most as many designs that a one-sided paired t-test (5 %) over the common states could not show "
                + "worse on the first objective than the leader (contenders), and ran them in more states; the last "
                + "stage confirmed the first front of the stage before it. " + r.runsKept() + " runs in all, against " + r.runsWithoutRacing()
                + " had every design considered been run in " + last + " states: racing saved "
                + Math.round(saved * 100) + " %. " + (r.invalid().isEmpty() ? "" : r.invalid().size()
                + " proposed designs were not valid scenarios and were not run (first: "
                + r.invalid().values().iterator().next() + "). ") + "Wall time " + Math.round(wallSeconds) + " s.");

        page.h2("How to reproduce");
        page.raw("<pre>" + Html.escape(command) + "</pre>");
        page.p("The same design file, program version and seed give the same evaluations.csv, candidates.csv, "
                + "front.csv and regret.csv on any number of threads; manifest.json lists the inputs and their hashes, "
                + "journal.tsv every run as it finished (the search continues from it with --resume).");
        return page.html();
    }

    /** Whole numbers from 10 up (persons: a percentile of 50.25 reads as 50), two decimals below (shares). */
    private static double round(double v) {
        return Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 100) / 100.0;
    }

    static String designWords(DesignSpec spec, Candidate c) {
        List<String> parts = new ArrayList<>();
        List<String> values = c.values(spec);
        for (int i = 0; i < values.size(); i++) {
            parts.add(spec.levers().get(i).path() + " = " + values.get(i));
        }
        return String.join(", ", parts);
    }

    private static String outcomeWords(Advisor.Result r, Advisor.Scored s) {
        DesignSpec spec = r.spec();
        List<String> parts = new ArrayList<>();
        for (int o = 0; o < spec.objectives().size(); o++) {
            DesignSpec.Objective obj = spec.objectives().get(o);
            parts.add(obj.figure() + " " + obj.statistic() + " " + DesignOutput.num(round(s.objectives()[o])));
        }
        String primary = spec.objectives().get(0).figure();
        double[] sp = DesignOutput.spread(r, s.candidate(), primary, s.replicates());
        return "Over " + s.replicates() + " states of the world: " + String.join(", ", parts) + " (" + primary
                + " from " + DesignOutput.num(round(sp[0])) + " to " + DesignOutput.num(round(sp[2]))
                + " in 90 % of them)";
    }

    private static String constraintWords(DesignSpec spec) {
        if (spec.constraints().isEmpty()) {
            return "none set";
        }
        List<String> parts = new ArrayList<>();
        spec.constraints().forEach(c -> parts.add(c.label()));
        return String.join("; ", parts);
    }

    private static String shareWords(DesignSpec spec, Advisor.Scored s) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < spec.constraints().size(); k++) {
            parts.add(spec.constraints().get(k).figure() + " within its bound in " + Math.round(s.shares()[k] * 100)
                    + " % of runs");
        }
        return String.join(", ", parts);
    }

    private static String thresholdWords(DesignSpec spec, Threshold.Answer a) {
        String q = a.question().words(spec);
        if (a.value() == null) {
            return "None of the values of " + spec.levers().get(a.question().lever()).path() + " tried gets "
                    + a.question().figure() + " to at least " + DesignOutput.num(a.question().atLeast())
                    + " with probability " + DesignOutput.num(a.question().probability())
                    + " (the other levers as recommended, " + a.replicates() + " states each).";
        }
        return "Answer to " + q + ": " + a.value() + " (the other levers as recommended, " + a.replicates()
                + " states each).";
    }

    /** Which risk bounds a design breaks, in words: {@code outside the risk bound: peakQueue <= 20000 in 50 % of runs, not 95 %}. */
    static String outsideBounds(DesignSpec spec, double[] shares) {
        List<String> broken = new ArrayList<>();
        for (int k = 0; k < shares.length; k++) {
            DesignSpec.Constraint c = spec.constraints().get(k);
            if (shares[k] < c.share()) {
                broken.add(c.figure() + (c.atMost() ? " <= " : " >= ") + DesignOutput.num(c.bound()) + " in "
                        + Math.round(shares[k] * 100) + " % of runs, not " + Math.round(c.share() * 100) + " %");
            }
        }
        return (broken.size() == 1 ? "outside the risk bound: " : "outside the risk bounds: ") + String.join("; ", broken);
    }

    /**
     * Among the designs considered outside the risk bounds that beat the recommended one on the
     * first objective, the one run in the most states (then the best on it): what a planner who
     * relaxed the bounds could get; null when there is none.
     */
    static Advisor.Scored bestBeyondTheBounds(Advisor.Result r) {
        DesignSpec.Objective first = r.spec().objectives().get(0);
        double mine = r.recommended().objectives()[0];
        Advisor.Scored best = null;
        for (Advisor.Scored s : r.considered()) {
            double v = s.objectives()[0];
            if (s.feasible() || (first.maximise() ? v <= mine : v >= mine)) {
                continue;
            }
            if (best == null || s.replicates() > best.replicates() || s.replicates() == best.replicates()
                    && (first.maximise() ? v > best.objectives()[0] : v < best.objectives()[0])) {
                best = s;
            }
        }
        return best;
    }
}
