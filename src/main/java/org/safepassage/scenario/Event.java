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
 */
public record Event(LocalDateTime at, Type type, String target, Duration duration, String safeArea) {

    /** Kinds of events. */
    public enum Type { FRONT_SHIFT, SUSPEND, DEAL, FRONT_REGAIN }
}
