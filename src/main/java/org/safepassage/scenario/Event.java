package org.safepassage.scenario;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A scheduled event.
 *
 * @param at when it happens
 * @param type what happens
 * @param target the neighbourhood (front shift or regain), pause (suspension) or fighter group (deal)
 * @param duration how long a suspension lasts
 * @param safeArea the safe area on the other side of a front shift
 * @param by who gave an evacuation order ("" for other events)
 * @param factor bombardment: the base death rate's multiplier from this time on (1 for other events)
 */
public record Event(LocalDateTime at, Type type, String target, Duration duration, String safeArea, String by,
        double factor) {

    /** An event that is neither an evacuation order nor a bombardment change. */
    public Event(LocalDateTime at, Type type, String target, Duration duration, String safeArea) {
        this(at, type, target, duration, safeArea, "", 1.0);
    }

    /** Whether an order or bombardment change covers every neighbourhood (no target given). */
    public boolean wholeDistrict() {
        return target == null;
    }

    /**
     * Kinds of events. EVACUATION_ORDER and BOMBARDMENT are the push (ODD 7.1 "Push"): an order
     * to leave a neighbourhood (or the whole district), and the intensity of bombardment from a
     * time on.
     */
    public enum Type { FRONT_SHIFT, SUSPEND, DEAL, FRONT_REGAIN, EVACUATION_ORDER, BOMBARDMENT }
}
