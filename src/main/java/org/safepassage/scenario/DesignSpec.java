package org.safepassage.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A design file: what a planner can negotiate (levers over a base scenario), what counts as
 * better (objectives), which risk is acceptable (constraints), what to be robust against
 * (the behaviour ensemble and the scenario's ranges) and how hard to search (docs/DESIGN.md).
 *
 * @param ensemble the ensemble option as for {@code --ensemble}: null for the base's, {@code none}, or a file
 * @param inputs extra {@code --set} overrides applied to the base, typically ranges or distributions
 * @param compareWith scenarios run in the front's states of the world beside the recommended design (the
 *     planners' own designs), with the same inputs and ensemble
 */
public record DesignSpec(String name, String question, Path base, Path file, List<Lever> levers,
        List<Objective> objectives, List<Constraint> constraints, String ensemble, List<String> inputs,
        Search search, Failure failure, List<Path> compareWith) {

    public DesignSpec {
        compareWith = List.copyOf(compareWith);
        levers = List.copyOf(levers);
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        inputs = List.copyOf(inputs);
    }

    /**
     * A key path and the values it may take, in order (a range is listed at its steps).
     *
     * @param sets for each value, the {@code --set} overrides it stands for; empty: {@code path=value}
     *     (a lever over which corridors open sets {@code corridors[NAME].open=false} for each one it closes)
     * @param onlyWhen null, or the condition under which this lever matters; where it does not, the lever is
     *     held at its first value, so that designs differing only in it are one design
     */
    public record Lever(String path, List<String> values, boolean ordered, List<List<String>> sets,
            Condition onlyWhen) {
        public Lever {
            values = List.copyOf(values);
            sets = sets.stream().map(List::copyOf).toList();
        }

        public Lever(String path, List<String> values, boolean ordered) {
            this(path, values, ordered, List.of(), null);
        }

        /** The {@code --set} overrides of value v. */
        public List<String> sets(int v) {
            return sets.isEmpty() ? List.of(path + "=" + values.get(v)) : sets.get(v);
        }
    }

    /**
     * Where a lever matters: when lever {@code lever} (an index into the levers) takes a value whose
     * index i has {@code active.get(i)}.
     *
     * @param words the condition as written, e.g. "pauses[pause].duration below PT24H"
     */
    public record Condition(int lever, List<Boolean> active, String words) {
        public Condition {
            active = List.copyOf(active);
        }
    }

    /**
     * One run figure summarised over the states of the world.
     *
     * @param statistic {@code mean}, or {@code pNN} for the NN-th percentile
     */
    public record Objective(String figure, String statistic, boolean maximise) {
        public String label() {
            return (maximise ? "max " : "min ") + figure + " " + statistic;
        }
    }

    /**
     * A risk bound: the figure is at most (or at least) {@code bound} in at least {@code share} of runs.
     */
    public record Constraint(String figure, boolean atMost, double bound, double share) {
        public String label() {
            return figure + (atMost ? " <= " : " >= ") + Fields.fmt(bound) + " in " + Fields.fmt(share * 100)
                    + " % of runs";
        }
    }

    /**
     * What counts as the recommended design failing, for scenario discovery: the figure below
     * (or above) the bound in a run. Null: the first objective's figure in its worst quarter.
     */
    public record Failure(String figure, boolean below, double bound) {
        public String label() {
            return figure + (below ? " below " : " above ") + Fields.fmt(bound);
        }
    }

    /**
     * How the search spends runs.
     *
     * @param candidates distinct designs to consider at least (fewer when the lever space is smaller)
     * @param population NSGA-II population size
     * @param stages replicates (states of the world) per stage of successive halving, increasing; the last is
     *     what the front is confirmed with
     * @param keep share of the candidates of a stage kept for the next (always the whole first front)
     * @param start designs put into NSGA-II's first population before the random ones (the planners' own)
     */
    public record Search(long seed, int candidates, int population, List<Integer> stages, double keep,
            List<Start> start) {
        public Search {
            stages = List.copyOf(stages);
            start = List.copyOf(start);
        }

        public Search(long seed, int candidates, int population, List<Integer> stages, double keep) {
            this(seed, candidates, population, stages, keep, List.of());
        }
    }

    /**
     * A design the search starts from ({@code search.start}), as one value index per lever.
     *
     * @param name what the design file calls it (for example the planner scenario it stands for)
     */
    public record Start(String name, List<Integer> index) {
        public Start {
            index = List.copyOf(index);
        }
    }
}
