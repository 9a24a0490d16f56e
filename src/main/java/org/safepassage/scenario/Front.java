package org.safepassage.scenario;

import java.time.LocalDateTime;

/**
 * Facts of a moving front (docs/ODD.md 7.8, scenario key {@code front}): when it moves, where
 * those who flee it go, and what the receiving side does to men who cross.
 *
 * @param movingFrom when the front starts moving (fighting reaches the enclave); null: at the
 *     first {@code front-shift} event
 * @param movingUntil when it stops (the offensive ends); null: the end of the run
 * @param outwardShare share of those fleeing the front who cross it (out); the rest move deeper
 *     into the enclave (in)
 * @param detentionProbability chance that each military-age man crossing the front is detained
 *     by the receiving side
 */
public record Front(LocalDateTime movingFrom, LocalDateTime movingUntil, double outwardShare,
        double detentionProbability) {

    /** No front facts: moving from the first front shift to the end, everyone out, nobody detained. */
    public static final Front NONE = new Front(null, null, 1.0, 0.0);
}
