package org.safepassage.sim.rules;

/**
 * ODD 7.6 "Exits controlled by an armed party": a household reaching the exit while an armed
 * party holds it is detained whole with probability d, turned back home with probability b,
 * and let through otherwise (one uniform draw u: u &lt; d detained, d ≤ u &lt; d + b turned
 * back). A household turned back loses trust as one blocked at its door (ODD 7.3).
 */
public final class ExitControlRule {

    private ExitControlRule() {
    }

    /** What the party holding the exit does with one household. */
    public enum Outcome { PASSES, DETAINED, TURNED_BACK }

    public static Outcome outcome(double uniform, double detainedShare, double turnedBackShare) {
        if (uniform < detainedShare) {
            return Outcome.DETAINED;
        }
        if (uniform < detainedShare + turnedBackShare) {
            return Outcome.TURNED_BACK;
        }
        return Outcome.PASSES;
    }
}
