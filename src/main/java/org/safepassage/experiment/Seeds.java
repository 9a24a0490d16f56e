package org.safepassage.experiment;

import org.safepassage.sim.RandomStreams;

/**
 * The seeds of a study, derived from its seed by the SplitMix64 finaliser (Steele, Lea and
 * Flood 2014; the 64-bit mix of {@code java.util.SplittableRandom}), a bijection of 64-bit
 * words whose outputs for neighbouring inputs look independent:
 * <pre>
 *   mix(z):  z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 *            z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 *            return z ^ (z >>> 31)
 *
 *   runSeed(studySeed, replicate) = mix(studySeed + (replicate + 1) * 0x9E3779B97F4A7C15) >>> 1
 *   stream(studySeed, purpose)    = mix(mix(studySeed) ^ mix(purpose + 1) * 0x9E3779B97F4A7C15)
 * </pre>
 * Replicate r of every design point gets the same seed (common random numbers): the design
 * point does not enter the run's seed, so two points differ only where their parameters reach.
 * {@code compare} uses the same function with its base seed, so replicate r of a compared scenario
 * and replicate r of a design point run with the same seed and can be set side by side.
 * The shift keeps run seeds positive (63 bits) so they read well in CSV files. Other random
 * needs of a study (the Latin hypercube, the bootstrap) take their own {@link #stream} so they
 * never overlap the runs' seeds. Nothing here depends on threads or timing.
 */
public final class Seeds {

    /** The golden-ratio increment of SplitMix64. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Purposes of the study-level streams. */
    public static final long DESIGN = 1;
    public static final long BOOTSTRAP = 2;

    private Seeds() {
    }

    /** The SplitMix64 finaliser: the model's own ({@link RandomStreams#mix}), so there is one. */
    public static long mix(long z) {
        return RandomStreams.mix(z);
    }

    /** Seed of replicate {@code replicate} (0-based) at every design point of the study. */
    public static long runSeed(long studySeed, int replicate) {
        return mix(studySeed + (replicate + 1L) * GOLDEN_GAMMA) >>> 1;
    }

    /** Seed of a study-level random stream (design sampling, bootstrap). */
    public static long stream(long studySeed, long purpose) {
        return mix(mix(studySeed) ^ mix(purpose + 1) * GOLDEN_GAMMA);
    }
}
