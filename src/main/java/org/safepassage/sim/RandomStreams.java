package org.safepassage.sim;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The run's random numbers, split by purpose (MODEL.md 4, stochasticity) so that two
 * scenarios run with the same seed share their draws wherever their differences do not reach.
 *
 * <p>Two kinds of draws: a sequential generator per purpose, for aggregate draws (how many
 * persons are killed this tick); and counter-based uniforms {@link #uniform(Purpose, int, long, int)}
 * for per-household draws, a pure function of (seed, purpose, household, tick, draw), so that
 * household h's draw at tick t is the same in every scenario and in every processing order.
 */
public final class RandomStreams {

    /** Purposes of random draws. */
    public enum Purpose { POPULATION, INFORMATION, HAZARDS, DECISIONS, FIGHTERS, CORRIDORS, MOVEMENT, FRONT, FRONT_FLIGHT, VEHICLES, RESCUE }

    private final long seed;
    private final RandomGenerator[] generators = new RandomGenerator[Purpose.values().length];
    /** Per purpose, the first stage of {@link #uniform}'s hash, which depends on seed and purpose only. */
    private final long[] purposeKeys = new long[Purpose.values().length];

    public RandomStreams(long seed) {
        this.seed = seed;
        for (Purpose p : Purpose.values()) {
            purposeKeys[p.ordinal()] = mix(seed + 0x9E3779B97F4A7C15L * (p.ordinal() + 1));
            long s = mix(seed ^ mix(0x5AFE_9A55_A6E5L + p.ordinal()));
            generators[p.ordinal()] = new MersenneTwister(new int[] {(int) s, (int) (s >>> 32)});
        }
    }

    public RandomGenerator generator(Purpose purpose) {
        return generators[purpose.ordinal()];
    }

    /**
     * A uniform number in (0, 1) that depends only on the seed, the purpose, the household,
     * the tick and the draw number within that tick.
     */
    public double uniform(Purpose purpose, int household, long tick, int draw) {
        long h = purposeKeys[purpose.ordinal()]; // = mix(seed + 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1))
        h = mix(h ^ household);
        return unit(mix(h ^ (tick * 0x632BE59BD9B4E019L + draw)));
    }

    /**
     * The uniforms of one purpose for households 0 to {@code households} − 1, with the first two
     * stages of the hash (seed, purpose, household) worked out once: the same numbers as
     * {@link #uniform(Purpose, int, long, int)} for a loop that draws for every household at every tick.
     */
    public HouseholdDraws forHouseholds(Purpose purpose, int households) {
        long[] keys = new long[households];
        long key = purposeKeys[purpose.ordinal()];
        for (int h = 0; h < households; h++) {
            keys[h] = mix(key ^ h);
        }
        return new HouseholdDraws(keys);
    }

    /** Per-household uniforms of one purpose (see {@link #forHouseholds}). */
    public static final class HouseholdDraws {
        private final long[] keys;

        private HouseholdDraws(long[] keys) {
            this.keys = keys;
        }

        /** Equal to {@link RandomStreams#uniform(Purpose, int, long, int)} of this purpose. */
        public double uniform(int household, long tick, int draw) {
            return unit(mix(keys[household] ^ (tick * 0x632BE59BD9B4E019L + draw)));
        }
    }

    private static double unit(long h) {
        return ((h >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
