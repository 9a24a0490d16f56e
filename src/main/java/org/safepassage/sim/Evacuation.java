package org.safepassage.sim;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One run of a scenario on MASON: a thin {@code SimState} whose schedule steps the eight tick
 * phases of MODEL.md 3 in order, once per tick (schedule time = tick index). The model's state
 * lives in {@link District}.
 */
public final class Evacuation extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient District district;
    private final transient List<TickObserver> observers = new ArrayList<>();
    private final boolean checkConservation;

    public Evacuation(Scenario scenario) {
        this(scenario, false);
    }

    /** @param checkConservation check conservation of persons and fighters after every tick */
    public Evacuation(Scenario scenario, boolean checkConservation) {
        super(scenario.seed());
        this.district = new District(scenario);
        this.checkConservation = checkConservation;
    }

    public District district() {
        return district;
    }

    public void addObserver(TickObserver observer) {
        observers.add(observer);
    }

    /** Number of ticks in the horizon. */
    public int ticks() {
        return district.scenario.clock().ticks();
    }

    @Override
    public void start() {
        super.start();
        CalendarPhase calendar = new CalendarPhase(district);
        Offer offer = new Offer(district, calendar);
        information = new InformationPhase(district);
        Steppable[] phases = {
            calendar,
            information,
            new HazardPhase(district),
            new FrontFlightPhase(district),
            new FighterPhase(district),
            new DecisionPhase(district, offer),
            new MovementPhase(district),
            new CorridorPhase(district),
            new MetricsPhase(district, observers, checkConservation),
        };
        for (int i = 0; i < phases.length; i++) {
            schedule.scheduleRepeating(0.0, i, phases[i], 1.0);
        }
    }

    /** The information phase of the started model (for tests of its cached counts). */
    InformationPhase information() {
        return information;
    }

    private InformationPhase information;

    /** Steps one tick; false once the horizon is reached. */
    public boolean stepTick() {
        if (schedule.getSteps() >= ticks()) {
            return false;
        }
        return schedule.step(this);
    }

    /** Runs a started model to the horizon. */
    public void runToHorizon() {
        while (stepTick()) {
            // every phase runs inside schedule.step
        }
    }
}
