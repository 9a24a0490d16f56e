package org.safepassage.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safepassage.chart.Charts;
import org.safepassage.experiment.CompareStatistics;
import org.safepassage.experiment.Comparison;
import org.safepassage.experiment.Sample;
import org.safepassage.experiment.ScenarioFacts;

/**
 * The charts of a comparison: cumulative evacuated over time (one band per scenario, the 95 %
 * interval of the mean, pause windows as scheduled shaded), and final evacuated and killed per
 * scenario with their 95 % intervals.
 */
public final class CompareCharts {
    private CompareCharts() {
    }

    public static void write(Path dir, Comparison.Result result, List<ScenarioFacts> facts) throws IOException {
        List<Charts.Band> bands = new ArrayList<>();
        List<CompareStatistics.HourSample> hours = CompareStatistics.timeSeries(result);
        for (int s = 0; s < result.scenarios().size(); s++) {
            String name = result.name(s);
            List<CompareStatistics.HourSample> mine = hours.stream().filter(h -> h.scenario().equals(name)).toList();
            int n = mine.size();
            double[] x = new double[n];
            double[] mid = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int i = 0; i < n; i++) {
                Sample v = mine.get(i).sample();
                x[i] = mine.get(i).hours();
                mid[i] = v.mean();
                // a sample without spread (or of one run) has no interval: draw the mean alone; a count of
                // persons is never below zero, whatever the t interval of a few runs says
                low[i] = Math.max(0, Double.isNaN(v.ciLow()) ? v.mean() : v.ciLow());
                high[i] = Double.isNaN(v.ciHigh()) ? v.mean() : v.ciHigh();
            }
            bands.add(new Charts.Band(name, x, mid, low, high));
        }
        Charts.bands(dir.resolve("evacuated-over-time"), "Persons who have left the enclave (mean and 95 % CI over "
                + result.replicates() + " runs)", "hours since the start", "persons", bands, windows(facts));
        Charts.estimates(dir.resolve("evacuated"), "Persons who left by the end (mean and 95 % CI)", "persons",
                estimates(result, "evacuated"));
        Charts.estimates(dir.resolve("killed"), "Persons killed (mean and 95 % CI)", "persons",
                estimates(result, "killed"));
    }

    /**
     * Pause windows as scheduled. A window shared by several scenarios is shaded once; windows
     * that start together (11 h, 24 h, four days from the same hour) carry one label, on the
     * widest, naming each scenario's window, so that labels never sit on top of each other.
     */
    public static List<Charts.Window> windows(List<ScenarioFacts> facts) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        Map<String, ScenarioFacts.Window> byKey = new LinkedHashMap<>();
        for (ScenarioFacts f : facts) {
            for (ScenarioFacts.Window w : f.windows()) {
                String key = w.startHours() + "/" + w.endHours();
                byKey.putIfAbsent(key, w);
                owners.computeIfAbsent(key, k -> new ArrayList<>()).add(f.scenario());
            }
        }
        Map<Double, List<String>> byStart = new LinkedHashMap<>();
        for (String key : byKey.keySet()) {
            byStart.computeIfAbsent(byKey.get(key).startHours(), k -> new ArrayList<>()).add(key);
        }
        List<Charts.Window> out = new ArrayList<>();
        for (List<String> keys : byStart.values()) {
            keys.sort(Comparator.comparingDouble(k -> byKey.get(k).endHours()));
            String widest = keys.get(keys.size() - 1);
            String label;
            if (keys.size() == 1 && owners.get(widest).size() == facts.size()) {
                label = "pause";
            } else {
                List<String> parts = new ArrayList<>();
                for (String k : keys) {
                    parts.add(String.join("/", owners.get(k)) + " " + hours(byKey.get(k).hours()));
                }
                label = "pause: " + String.join(", ", parts);
            }
            for (String k : keys) {
                ScenarioFacts.Window w = byKey.get(k);
                out.add(new Charts.Window(w.startHours(), w.endHours(), k.equals(widest) ? label : ""));
            }
        }
        return out;
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? (long) h + " h" : String.format(Locale.ROOT, "%.1f h", h);
    }

    private static List<Charts.Estimate> estimates(Comparison.Result result, String figure) {
        List<Charts.Estimate> out = new ArrayList<>();
        for (int s = 0; s < result.scenarios().size(); s++) {
            Sample v = Sample.of(result.figure(s, figure));
            out.add(new Charts.Estimate(result.name(s), v.mean(), Math.max(0, Double.isNaN(v.ciLow()) ? v.mean() : v.ciLow()),
                    Double.isNaN(v.ciHigh()) ? v.mean() : v.ciHigh()));
        }
        return out;
    }
}
