package org.safepassage.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model's structural error as measured on the validation episodes (docs/UNCERTAINTY.md):
 * the signed log10 residuals {@code log10((observed + 10) / (simulated median + 10))} of every
 * observation, each with its weight in the score (its episode's {@code observed.weight} shared
 * by the episode's observations). It is the {@code discrepancy:} block of an ensemble file,
 * written by {@code validate --write-discrepancy} for that ensemble; the bands "with model
 * error" multiply each run's figure by 10^d for every residual d
 * ({@code org.safepassage.experiment.ModelError}).
 *
 * @param residuals the residuals, in the order written
 * @param provenance where they come from (validation command, replicates, which residuals)
 */
public record Discrepancy(List<Residual> residuals, Map<String, String> provenance) {

    /** The block's key in an ensemble file. */
    public static final String KEY = "discrepancy";

    /**
     * One observation's residual.
     *
     * @param episode the episode's name
     * @param hours the observation's time, hours from the episode's start
     * @param log10 {@code log10((observed + 10) / (simulated + 10))}: positive when the model is low
     * @param weight the observation's weight (its episode's weight over its number of observations)
     */
    public record Residual(String episode, double hours, double log10, double weight) {
    }

    public Discrepancy {
        residuals = List.copyOf(residuals);
        provenance = Map.copyOf(provenance);
    }

    /** The residuals' values, in order. */
    public double[] values() {
        return residuals.stream().mapToDouble(Residual::log10).toArray();
    }

    /** The residuals' weights, in order. */
    public double[] weights() {
        return residuals.stream().mapToDouble(Residual::weight).toArray();
    }

    /** The residuals of every episode but {@code episode} (leave-one-episode-out). */
    public Discrepancy without(String episode) {
        return new Discrepancy(residuals.stream().filter(r -> !r.episode().equals(episode)).toList(), provenance);
    }

    /** Reads the block (null node: none); problems located where they are written. */
    static Discrepancy read(YamlNode node, String path, List<Problem> problems, YamlNode parent) {
        if (node == null || node.isNull()) {
            return null;
        }
        Fields f = Fields.of(node, path, problems, parent, "description", "provenance", "residuals");
        f.string("description", "");
        Map<String, String> provenance = new LinkedHashMap<>();
        YamlNode prov = f.raw("provenance");
        if (prov != null && prov.isMapping()) {
            prov.entries().forEach((k, v) -> provenance.put(k, String.valueOf(v.toPlain())));
        }
        List<Residual> residuals = new ArrayList<>();
        List<YamlNode> items = f.list("residuals", true);
        if (f.has("residuals") && items.isEmpty()) {
            f.report("residuals", "an empty list", "at least one residual");
        }
        for (int i = 0; i < items.size(); i++) {
            Fields r = Fields.of(items.get(i), path + ".residuals[" + i + "]", problems, f.node(), "episode", "hours",
                    "log10", "weight");
            residuals.add(new Residual(r.string("episode", null), r.number("hours", 0.0, 0, 1e9),
                    r.number("log10", null, -12, 12), r.number("weight", null, 0, 1e12)));
        }
        if (problems.isEmpty() && residuals.stream().mapToDouble(Residual::weight).sum() <= 0) {
            f.report("residuals", "weights summing to 0", "at least one residual with a weight above 0");
        }
        return new Discrepancy(residuals, provenance);
    }

    /** The block as an ensemble file holds it, from {@code discrepancy:} to the end of the block. */
    public String yaml(String description) {
        StringBuilder y = new StringBuilder(KEY).append(":\n  description: >-\n    ").append(description)
                .append("\n  provenance:\n");
        new java.util.TreeMap<>(provenance).forEach((k, v) -> y.append("    ").append(k).append(": ").append(quote(v)).append('\n'));
        y.append("  residuals:\n");
        for (Residual r : residuals) {
            y.append(String.format(Locale.ROOT, "    - {episode: %s, hours: %s, log10: %.4f, weight: %s}\n",
                    quote(r.episode()), number(r.hours()), r.log10(), number(r.weight())));
        }
        return y.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
