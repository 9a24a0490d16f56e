package org.safepassage.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench} measures: the synthetic districts' sizes, repetitions and warm-ups, the
 * sweep's size and runs, the reference's districts and which parts, with the defaults of a full
 * and of a quick bench filled in and every value checked.
 *
 * @param synthetic persons of the synthetic districts of the single runs
 * @param repetitions timed runs per measurement
 * @param warmups untimed runs before each measurement, at least
 * @param sweepPersons persons of the district the sweep runs
 * @param sweepRuns runs per sweep
 * @param reference persons of the districts the per-agent reference runs
 * @param parts which measurements, some of {@link #PARTS}
 * @param quick a smoke test: one repetition of the sweep instead of three
 */
public record BenchPlan(List<Long> synthetic, int repetitions, int warmups, long sweepPersons, int sweepRuns,
        List<Long> reference, List<String> parts, boolean quick) {

    /** The measurements bench can make, in the order it makes them. */
    public static final List<String> PARTS = List.of("single", "scaling", "reference", "sweep");

    /** A value of bench's options that cannot be used; the message says which and what was expected. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * The plan from the options as given (null where not given), with the defaults of a full or a
     * quick bench.
     */
    public static BenchPlan of(boolean quick, List<Long> sizes, Integer repetitions, int warmups, Long sweepPersons,
            Integer sweepRuns, List<String> referencePersons, List<String> parts) throws Refused {
        List<Long> synthetic = sizes != null ? sizes : quick ? List.of(10_000L, 100_000L)
                : List.of(10_000L, 100_000L, 1_000_000L, 3_000_000L);
        int reps = repetitions != null ? repetitions : quick ? 3 : 5;
        long sweepSize = sweepPersons != null ? sweepPersons : quick ? 10_000L : 100_000L;
        int runs = sweepRuns != null ? sweepRuns : quick ? 4 : 8;
        List<Long> reference = new ArrayList<>();
        for (String s : referencePersons != null ? referencePersons : List.of("10000")) {
            if (!s.equalsIgnoreCase("none")) {
                try {
                    reference.add(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    throw new Refused("--reference-persons: found '" + s + "'; expected a number or none");
                }
            }
        }
        List<Long> checked = new ArrayList<>(synthetic);
        checked.addAll(reference);
        checked.add(sweepSize);
        for (long p : checked) {
            if (p < 100) {
                throw new Refused("persons: found " + p + "; expected at least 100 persons");
            }
        }
        if (reps < 1 || runs < 1 || warmups < 0) {
            throw new Refused("--repetitions, --sweep-runs: found " + reps + ", " + runs
                    + "; expected at least 1 (and --warmup at least 0)");
        }
        List<String> chosen = parts != null ? parts : quick ? List.of("single", "reference", "sweep") : PARTS;
        for (String part : chosen) {
            if (!PARTS.contains(part)) {
                throw new Refused("--parts: found '" + part + "'; expected some of " + String.join(", ", PARTS));
            }
        }
        return new BenchPlan(List.copyOf(synthetic), reps, warmups, sweepSize, runs, List.copyOf(reference),
                List.copyOf(chosen), quick);
    }

    /** True when the plan includes measurement {@code part}. */
    public boolean has(String part) {
        return parts.contains(part);
    }
}
