package org.safepassage.sim;

import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;

/** Tick phase 8: checks conservation (when asked) and tells the observers. */
final class MetricsPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;
    private final List<TickObserver> observers;
    private final boolean checkConservation;

    MetricsPhase(District d, List<TickObserver> observers, boolean checkConservation) {
        this.d = d;
        this.observers = observers;
        this.checkConservation = checkConservation;
    }

    @Override
    public void step(SimState state) {
        if (checkConservation) {
            String error = d.conservationError();
            if (error != null) {
                throw new IllegalStateException("conservation broken at tick " + d.tick() + ": " + error);
            }
        }
        for (TickObserver o : observers) {
            o.afterTick(d);
        }
    }
}
