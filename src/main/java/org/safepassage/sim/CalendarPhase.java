package org.safepassage.sim;

import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Event;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.FighterRule;
import org.safepassage.sim.rules.InformationRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 1 (MODEL.md 3): scheduled events (front shifts, deals), early ends of pauses
 * (hazard growing while fighters regroup), which pauses are open, and which corridors are open.
 */
final class CalendarPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;
    private final FrontShift frontShift;
    /** Pauses violated in the current tick (ODD 7.3), reused from tick to tick. */
    private final boolean[] violated;

    CalendarPhase(District d) {
        this.d = d;
        this.frontShift = new FrontShift(d);
        this.violated = new boolean[d.calendar.size()];
    }

    @Override
    public void step(SimState state) {
        long t = (long) state.schedule.getTime();
        d.beginTick(t);
        applyEvents(t);
        endPausesEarly(t);
        violations(t);
        for (int p = 0; p < d.calendar.size(); p++) {
            boolean open = d.calendar.open(p, t);
            if (d.clock.setPause(p, open, d.calendar.announced(p, t))) {
                d.note("pause '" + d.calendar.pause(p).name() + (open ? "' opens" : "' closes"));
            }
            if (d.calendar.extensionAnnounced(p, t) && t < d.calendar.finalEnd(p)) {
                d.note("pause '" + d.calendar.pause(p).name() + "' extension announced");
            }
            if (t > 0 && t == d.calendar.finalEnd(p) && d.calendar.announcedEnd(p, t - 1) > t && !violated[p]) {
                // ended before the announced end (called off, or a promised extension not kept)
                d.news.pauseEndedEarly(d.scenario.behaviour().information());
                d.note("pause '" + d.calendar.pause(p).name() + "' ends before its announced end");
            }
        }
        for (CorridorState c : d.corridors) {
            c.setOpen(!c.lost() && scheduled(c, t) && !c.inClash(t));
        }
    }

    /** Whether a corridor's own schedule or one of its pauses has it open at t (ignoring clashes). */
    boolean scheduled(CorridorState c, long t) {
        if (!c.spec.schedule().isEmpty()) {
            for (Corridor.Window w : c.spec.schedule()) {
                long s = d.scenario.clock().tickOf(w.start());
                long e = d.scenario.clock().tickOf(w.end());
                if (t >= s && t < e) {
                    return true;
                }
            }
            return false;
        }
        for (int p = 0; p < d.calendar.size(); p++) {
            if (d.pauseOpen(p) && servesPause(c, p)) {
                return true;
            }
        }
        return false;
    }

    static boolean servesPause(CorridorState c, String pauseName) {
        return c.spec.pauses().isEmpty() || c.spec.pauses().contains(pauseName);
    }

    boolean servesPause(CorridorState c, int p) {
        return servesPause(c, d.calendar.pause(p).name());
    }

    private void applyEvents(long t) {
        for (Event e = d.clock.nextEventDue(t); e != null; e = d.clock.nextEventDue(t)) {
            switch (e.type()) {
                case FRONT_SHIFT -> frontShift.apply(e);
                case FRONT_REGAIN -> frontShift.regain(e);
                case DEAL -> {
                    for (FighterState g : d.fighters) {
                        if (g.spec.name().equals(e.target())) {
                            g.deal();
                            d.note("deal for " + g.spec.name() + (g.dealAllowed() ? " accepted" : " refused"));
                        }
                    }
                }
                case SUSPEND -> d.note("pause '" + e.target() + "' suspended for " + e.duration());
                case EVACUATION_ORDER -> d.push.order(e);
                case BOMBARDMENT -> d.push.bombard(e);
                default -> throw new IllegalStateException(e.type().toString());
            }
        }
    }

    /**
     * ODD 7.3 "A declared ceasefire that fails": a pause whose {@code violatedAt} falls in this
     * tick, still announced or open, ends for good now and costs {@link InformationRule#violationTrustLoss}.
     */
    private void violations(long t) {
        for (int p = 0; p < violated.length; p++) {
            violated[p] = false;
            var pause = d.calendar.pause(p);
            if (pause.violatedAt() == null || d.scenario.clock().tickOf(pause.violatedAt()) != t
                    || t >= d.calendar.finalEnd(p)) {
                continue;
            }
            d.calendar.endEarly(p, t);
            d.news.pauseViolated(d.scenario.behaviour().information());
            d.note("pause '" + pause.name() + "' violated");
            violated[p] = true;
        }
    }

    /** MODEL.md 2: early-termination hazard per hour, × regroupingMultiplier while any group regroups. */
    private void endPausesEarly(long t) {
        boolean regrouping = false;
        for (FighterState g : d.fighters) {
            regrouping |= g.regrouping(t);
        }
        for (int p = 0; p < d.calendar.size(); p++) {
            if (!d.calendar.open(p, t)) {
                continue;
            }
            var pause = d.calendar.pause(p);
            double rate = FighterRule.earlyEndRatePerHour(pause, regrouping);
            if (rate > 0 && d.random.generator(RandomStreams.Purpose.FIGHTERS).nextDouble()
                    < DecisionRule.probabilityInTick(rate, d.tickHours)) {
                d.calendar.endEarly(p, t);
                d.note("pause '" + pause.name() + "' called off early" + (regrouping ? " (fighters regrouping)" : ""));
            }
        }
    }
}
