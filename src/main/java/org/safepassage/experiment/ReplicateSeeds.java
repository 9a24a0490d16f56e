package org.safepassage.experiment;

/**
 * Seeds of replicates under common random numbers: replicate {@code r} (1-based) gets the same
 * seed in every scenario of a comparison, a pure function of the base seed and {@code r}.
 *
 * <p>The function is the {@code r}-th output of a SplitMix64 generator started at the base seed
 * (Steele, Lea and Flood 2014), with the sign bit cleared so that seeds print as positive numbers:
 * {@code z = base + r * 0x9E3779B97F4A7C15; z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9;
 * z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; seed = (z ^ (z >>> 31)) >>> 1} (arithmetic modulo
 * 2^64). Nearby base seeds and replicate numbers give unrelated seeds, and any replicate can be
 * rerun alone with {@code safepassage run SCENARIO --seed SEED}.
 */
public final class ReplicateSeeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ReplicateSeeds() {
    }

    /** Seed of replicate {@code replicate} (1-based) under base seed {@code baseSeed}. */
    public static long of(long baseSeed, int replicate) {
        if (replicate < 1) {
            throw new IllegalArgumentException("replicates are numbered from 1, got " + replicate);
        }
        long z = baseSeed + replicate * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
