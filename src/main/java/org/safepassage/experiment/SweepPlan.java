package org.safepassage.experiment;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.metrics.RunSummary;

/**
 * All runs of a study, or of one shard of it. Run t (its task number) is replicate t % R of
 * design point t / R, R the replicates per point; the canonical order of the runs is by task
 * number (point, then replicate). Shard I of N holds the tasks with t % N == I - 1: disjoint,
 * together all, and each with a share of every part of the design.
 */
public final class SweepPlan {

    /** Which part of a study a process runs: shard {@code index} (1-based) of {@code count}. */
    public record Shard(int index, int count) {
        public static final Shard WHOLE = new Shard(1, 1);

        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("shard " + index + "/" + count + ": need 1 <= I <= N");
            }
        }

        /** Parses {@code I/N}. */
        public static Shard parse(String text) {
            String[] parts = text.trim().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not I/N (e.g. 3/8)");
            }
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not I/N (e.g. 3/8)");
            }
        }

        public boolean isWhole() {
            return count == 1;
        }

        public boolean holds(long task) {
            return task % count == index - 1;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    private final Design design;
    private final int replicates;
    private final Shard shard;
    private final long[] seeds;
    private final String ensemble;
    private final RunDetails.Choice details;

    public SweepPlan(Design design, Shard shard) {
        this(design, shard, null, RunDetails.Choice.NONE);
    }

    /**
     * A plan whose runs draw their behaviour member from {@code ensemble} ({@code sweep
     * --ensemble FILE|none}) instead of the one the base scenario names.
     *
     * @param ensemble an ensemble file, {@code none}, or null for the base scenario's own
     * @param details the tidy per-run tables to write besides runs.csv ({@code --outputs})
     */
    public SweepPlan(Design design, Shard shard, String ensemble, RunDetails.Choice details) {
        this.design = design;
        this.ensemble = ensemble;
        this.details = details;
        this.replicates = design.study().replicates();
        this.shard = shard;
        this.seeds = new long[replicates];
        for (int r = 0; r < replicates; r++) {
            seeds[r] = Seeds.runSeed(design.study().seed(), r);
        }
        Math.multiplyExact(design.size(), replicates);
    }

    public Design design() {
        return design;
    }

    /** The tidy per-run tables written besides runs.csv. */
    public RunDetails.Choice details() {
        return details;
    }

    /** The {@code --ensemble} option the runs load with, or null for the base scenario's own. */
    public String ensemble() {
        return ensemble;
    }

    public int replicates() {
        return replicates;
    }

    public Shard shard() {
        return shard;
    }

    /** Runs of the whole study. */
    public int totalTasks() {
        return design.size() * replicates;
    }

    public int point(int task) {
        return task / replicates;
    }

    public int replicate(int task) {
        return task % replicates;
    }

    public int task(int point, int replicate) {
        return point * replicates + replicate;
    }

    public long seed(int replicate) {
        return seeds[replicate];
    }

    /** The seed of each replicate (the same at every point). */
    public List<Long> seeds() {
        List<Long> out = new ArrayList<>(replicates);
        for (long s : seeds) {
            out.add(s);
        }
        return out;
    }

    public boolean holds(int task) {
        return shard.holds(task);
    }

    /** Runs of this shard. */
    public int shardTasks() {
        int total = totalTasks();
        int base = total / shard.count();
        return base + (shard.index() - 1 < total % shard.count() ? 1 : 0);
    }

    /** The tasks of this shard not yet in {@code done}, in canonical order. */
    public int[] pendingTasks(java.util.BitSet done) {
        int total = totalTasks();
        int[] out = new int[shardTasks()];
        int n = 0;
        for (int t = shard.index() - 1; t < total; t += shard.count()) {
            if (!done.get(t)) {
                out[n++] = t;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Columns of runs.csv: point, replicate, seed, each varied key path, each figure, and the
     * index (from 0) of the behaviour ensemble member the run drew, empty without an ensemble.
     */
    public List<String> columns() {
        List<String> c = new ArrayList<>(List.of("point", "replicate", "seed"));
        c.addAll(design.paths());
        c.addAll(figureNames());
        c.add(MEMBER);
        return c;
    }

    /** The column of runs.csv that names the ensemble member a run drew. */
    public static final String MEMBER = "ensembleMember";

    /** Names of the figures of a run, in {@link RunSummary#figures()} order. */
    public static List<String> figureNames() {
        RunSummary empty = new RunSummary("", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false,
                java.util.Map.of(), java.util.Map.of(), List.of());
        return List.copyOf(empty.figures().keySet());
    }
}
