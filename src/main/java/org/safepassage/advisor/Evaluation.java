package org.safepassage.advisor;

/** One run of a candidate design in one state of the world (replicate {@code replicate}, seed {@code seed}). */
public record Evaluation(int replicate, long seed, World.Outcome outcome) {
}
