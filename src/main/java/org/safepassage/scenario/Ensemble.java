package org.safepassage.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A behaviour ensemble: a weighted list of behaviour parameter sets, each a mapping of
 * {@code behaviour.*} key paths to values, with the provenance of the whole (which calibration,
 * which episodes, which tolerance). A replicate draws one member ({@link #member(long)}) from its
 * seed, so parameter uncertainty enters the spread of every answer (docs/CALIBRATION.md).
 *
 * @param file the ensemble file
 * @param name its name
 * @param provenance where the members come from, as written (plain text per key)
 * @param members the members, in the file's order
 * @param discrepancy the model's structural error measured with this ensemble on the episodes
 *     (its {@code discrepancy:} block, docs/UNCERTAINTY.md), or null when the file has none
 */
public record Ensemble(Path file, String name, Map<String, String> provenance, List<Member> members,
        Discrepancy discrepancy) {

    /** The key of the quantile that picks a replicate's member (see {@link Uncertain#quantile}). */
    public static final String DRAW_KEY = "ensemble member";

    /**
     * One parameter set.
     *
     * @param weight its share of the draws (normalised over the ensemble)
     * @param label a short label (e.g. the calibration candidate it comes from)
     * @param sets key path to value, as written in the file (positions kept for messages)
     */
    public record Member(double weight, String label, Map<String, YamlNode> sets) {
    }

    public Ensemble {
        provenance = Map.copyOf(provenance);
        members = List.copyOf(members);
    }

    /** An ensemble without a measured discrepancy. */
    public Ensemble(Path file, String name, Map<String, String> provenance, List<Member> members) {
        this(file, name, provenance, members, null);
    }

    /** The index of the member replicate {@code seed} draws: by weight, from {@link Uncertain#quantile}. */
    public int member(long seed) {
        double total = members.stream().mapToDouble(Member::weight).sum();
        double q = Uncertain.quantile(seed, DRAW_KEY) * total;
        double cumulative = 0;
        for (int i = 0; i < members.size(); i++) {
            cumulative += members.get(i).weight();
            if (q < cumulative) {
                return i;
            }
        }
        return members.size() - 1;
    }

    /** Reads and checks an ensemble file (the values are checked against a scenario when applied). */
    public static Ensemble load(Path file) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = YamlSource.read(file, problems);
        if (tree == null) {
            throw new InvalidInputException(problems);
        }
        Fields f = Fields.of(tree, "", problems, null, "schemaVersion", "name", "description", "provenance",
                "members", Discrepancy.KEY);
        f.integer("schemaVersion", null, 1, 1);
        String name = f.string("name", null);
        f.string("description", "");
        Map<String, String> provenance = new LinkedHashMap<>();
        YamlNode prov = f.raw("provenance");
        if (prov != null && prov.isMapping()) {
            prov.entries().forEach((k, v) -> provenance.put(k, String.valueOf(v.toPlain())));
        } else {
            f.report("provenance", prov == null ? "missing" : "found " + prov.describe(),
                    "a mapping saying where the members come from (calibration, episodes, tolerance)");
        }
        List<Member> members = new ArrayList<>();
        List<YamlNode> items = f.list("members", true);
        if (f.has("members") && items.isEmpty()) {
            f.report("members", "an empty list", "at least one member");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "members[" + i + "]";
            Fields m = Fields.of(items.get(i), path, problems, f.node(), "weight", "label", "score", "set");
            double weight = m.number("weight", null, 0, 1e12);
            String label = m.string("label", "member " + i);
            m.number("score", 0.0, -1e12, 1e12);
            Map<String, YamlNode> sets = new LinkedHashMap<>();
            YamlNode set = m.raw("set");
            if (set == null || !set.isMapping() || set.entries().isEmpty()) {
                m.report("set", set == null ? "missing" : "found " + set.describe(),
                        "a mapping of behaviour.* key paths to values");
            } else {
                for (Map.Entry<String, YamlNode> e : set.entries().entrySet()) {
                    if (!e.getKey().startsWith("behaviour.") || !e.getValue().isScalar()) {
                        problems.add(Fields.at(set.keyNode(e.getKey()), path + ".set." + e.getKey(),
                                "'" + e.getKey() + "'" + (e.getValue().isScalar() ? "" : " = " + e.getValue().describe()),
                                "a behaviour.* key path with a plain value (an ensemble holds behaviour parameters "
                                        + "only: the facts of a scenario are never fitted)"));
                    } else {
                        sets.put(e.getKey(), e.getValue());
                    }
                }
            }
            members.add(new Member(weight, label, sets));
        }
        Discrepancy discrepancy = Discrepancy.read(f.raw(Discrepancy.KEY), Discrepancy.KEY, problems, f.node());
        if (problems.isEmpty() && members.stream().mapToDouble(Member::weight).sum() <= 0) {
            f.report("members", "weights summing to 0", "at least one member with a weight above 0");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Ensemble(file, name, provenance, members, discrepancy);
    }
}
