package org.safepassage.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What changes from replicate to replicate besides the dice: the scenario's uncertain values
 * ({@link Uncertain}) and, with an {@link Ensemble}, the behaviour parameter set. A replicate's
 * scenario is a pure function of its seed ({@link #draw(long)}): the member is drawn from the
 * seed, then each uncertain value at its quantile for (seed, key path), then the tree is bound
 * and checked as a file would be. Without either, every replicate gets the nominal scenario.
 */
public final class Variation {

    /**
     * One replicate's scenario and what was drawn for it.
     *
     * @param scenario the scenario to run (its seed already set)
     * @param member the ensemble member's index, -1 without an ensemble
     * @param quantiles each uncertain value's quantile, by key path, in reading order
     */
    public record Drawn(Scenario scenario, int member, Map<String, Double> quantiles) {
    }

    private final YamlNode tree;
    private final Path file;
    private final List<Uncertain.Spec> specs;
    private final Ensemble ensemble;
    private final Scenario nominal;

    Variation(YamlNode tree, Path file, List<Uncertain.Spec> specs, Ensemble ensemble, Scenario nominal) {
        this.tree = tree;
        this.file = file;
        this.specs = List.copyOf(specs);
        this.ensemble = ensemble;
        this.nominal = nominal;
    }

    /** A scenario that does not vary: every replicate runs it with its own seed. */
    public static Variation fixed(Scenario scenario) {
        return new Variation(null, scenario.source(), List.of(), null, scenario);
    }

    /** The scenario with every uncertain value at its median and the calibrated defaults (no member). */
    public Scenario nominal() {
        return nominal;
    }

    /** The uncertain values of the scenario. */
    public List<Uncertain.Spec> specs() {
        return specs;
    }

    /** The ensemble, or null. */
    public Ensemble ensemble() {
        return ensemble;
    }

    /**
     * The same scenario drawing its members from another ensemble (validate's leave-one-episode-out
     * folds: the candidates of the same calibration, every one of which ran on every episode).
     */
    public Variation withEnsemble(Ensemble other) {
        return new Variation(tree, file, specs, other, nominal);
    }

    /** Whether replicates differ in more than their seed. */
    public boolean varies() {
        return !specs.isEmpty() || ensemble != null;
    }

    /** The scenario replicate {@code seed} runs. */
    public Drawn draw(long seed) {
        if (!varies()) {
            return new Drawn(nominal.withSeed(seed), -1, Map.of());
        }
        int member = ensemble == null ? -1 : ensemble.member(seed);
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (Uncertain.Spec s : specs) {
            quantiles.put(s.path(), Uncertain.quantile(seed, s.path()));
        }
        List<Problem> problems = new ArrayList<>();
        Scenario s = bindWith(member, spec -> spec.at(quantiles.get(spec.path())), problems);
        if (s == null) {
            // Every member and both ends of every range were checked when loading; a value in between fails
            // only if a key's valid values have a gap, which no scenario key has.
            throw new IllegalStateException("replicate " + seed + " drew a scenario that does not load: " + problems);
        }
        return new Drawn(s.withSeed(seed), member, quantiles);
    }

    /** The tree with member {@code member}'s sets applied (if any) and each spec replaced by {@code text}. */
    private Scenario bindWith(int member, Function<Uncertain.Spec, String> text, List<Problem> problems) {
        YamlNode t = tree.copy();
        if (member >= 0) {
            applyMember(t, ensemble.members().get(member), problems);
        }
        return ScenarioLoader.bind(Uncertain.substitute(t, text), file, problems);
    }

    private static void applyMember(YamlNode t, Ensemble.Member m, List<Problem> problems) {
        for (Map.Entry<String, YamlNode> e : m.sets().entrySet()) {
            ScenarioTree.Refusal r;
            try {
                r = ScenarioTree.put(t, KeyPath.parse(e.getKey()), e.getValue().copy());
            } catch (IllegalArgumentException x) {
                r = new ScenarioTree.Refusal(x.getMessage(), "a key path such as behaviour.weights.trust");
            }
            if (r != null) {
                problems.add(Fields.at(e.getValue(), e.getKey(), r.found(), r.expected()));
            }
        }
    }

    /**
     * Checks every value a replicate may draw: both ends of each range (every option of a
     * choice), and every ensemble member; each problem is located where it is written and says
     * which end or member gave it.
     */
    void check(List<Problem> problems) {
        int checks = specs.stream().mapToInt(Uncertain.Spec::checks).max().orElse(0);
        for (int k = 0; k < checks; k++) {
            int end = k;
            List<Problem> found = new ArrayList<>();
            bindWith(-1, s -> s.check(end), found);
            for (Problem p : found) {
                problems.add(annotate(p, end));
            }
        }
        if (ensemble != null) {
            for (int i = 0; i < ensemble.members().size(); i++) {
                List<Problem> found = new ArrayList<>();
                bindWith(i, s -> s.at(0.5), found);
                for (Problem p : found) {
                    problems.add(p.file().equals(ensemble.file().toString()) ? p
                            : new Problem(p.file(), p.line(), p.column(), p.keyPath(), p.found() + " (with ensemble "
                                    + "member " + i + ", " + ensemble.members().get(i).label() + ")", p.expected()));
                }
            }
        }
    }

    /** A problem at an uncertain value's position says which end gave it. */
    private Problem annotate(Problem p, int k) {
        for (Uncertain.Spec s : specs) {
            YamlNode n = s.node();
            if (n.file().equals(p.file()) && n.line() == p.line() && n.column() == p.column()) {
                return new Problem(p.file(), p.line(), p.column(), p.keyPath(), p.found() + " (" + s.which(k) + ")",
                        p.expected());
            }
        }
        return p;
    }
}
