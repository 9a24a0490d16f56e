package org.safepassage.scenario;

import java.util.List;

/**
 * An armed group inside the enclave.
 *
 * @param name identifier
 * @param size fighters
 * @param stance hardline or moderate
 * @param controls neighbourhoods it holds
 * @param blockingProbability chance a household leaving its neighbourhood is turned back
 * @param regroupPerHour hourly chance it starts regrouping during a pause
 * @param regroupHours how long a regrouping lasts
 * @param acceptsDeal whether it leaves when a deal allows it (hardline groups may refuse)
 * @param leavesBy fighter corridor it leaves by when a deal allows it, or null
 */
public record FighterGroup(
        String name,
        int size,
        Stance stance,
        List<String> controls,
        double blockingProbability,
        double regroupPerHour,
        double regroupHours,
        boolean acceptsDeal,
        String leavesBy) {

    public FighterGroup {
        controls = List.copyOf(controls);
    }

    /** Hardline groups refuse deals and deter civilians more. */
    public enum Stance { HARDLINE, MODERATE }
}
