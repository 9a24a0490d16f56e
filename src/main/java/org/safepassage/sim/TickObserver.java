package org.safepassage.sim;

/** Told at the end of every tick (the metrics phase); recorders and the GUI implement it. */
@FunctionalInterface
public interface TickObserver {
    void afterTick(District district);
}
