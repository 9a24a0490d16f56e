package org.safepassage.bench.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.FighterGroup;

import org.safepassage.scenario.Population;
import org.safepassage.scenario.Scenario;

import org.safepassage.sim.Grid;
import org.safepassage.sim.Households;
import org.safepassage.sim.Initialisation;
import org.safepassage.sim.PauseCalendar;
import org.safepassage.sim.HouseholdPhase;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.FighterRule;
import org.safepassage.sim.rules.MovementRule;
import org.safepassage.sim.rules.InformationRule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.grid.SparseGrid2D;

/**
 * The per-agent reference (benchmark only): a MASON {@code SimState} with one
 * {@link HouseholdAgent} per household, each scheduled every tick, living in two
 * {@code SparseGrid2D}s (where it is now, where its home is). Per tick, at ordering 0 a
 * district step runs the calendar, news and fighters; at ordering 1 the households step in
 * MASON's random order, each doing its own information, hazards, blocking, decisions and
 * walking; at ordering 2 a district step serves the corridor queues and records the counts.
 * All random draws come from MASON's generator, so results match the model's in distribution,
 * not draw for draw. Front shifts are not implemented: scenarios with them are refused.
 */
public final class ReferenceModel extends SimState {
    private static final long serialVersionUID = 1L;

    /** Capacity is a floating-point sum over ticks: this much short of a person still serves one. */

    final transient Scenario scenario;
    final double tickHours;
    final transient Grid grid;
    final transient PauseCalendar calendar;
    final SparseGrid2D positions;
    final SparseGrid2D homes;
    final transient List<HouseholdAgent> agents = new ArrayList<>();
    final transient CorridorObject[] corridors;
    final transient FighterObject[] fighters;
    final transient List<Event> pendingEvents;
    final double cellCapacityPersons;

    long tick;
    boolean anyPauseOpen;
    boolean anyPauseAnnounced;
    boolean[] pauseOpen;
    boolean anyOffered;
    double trustShift;
    double clashNews;
    final double[] danger;
    final long[] deathsThisTick;
    final long[] initialByHood;
    final long[] evacuatedByHood;
    final long initialPersons;

    long evacuated;
    long evacuatedDuringPauses;
    long evacuatedThisTick;
    long killed;
    long detained;
    long injured;
    long blocked;
    long decisions;
    long fightersEvacuated;
    /** Per tick: staying, preparing, moving, queued, evacuated, killed, detained persons. */
    final transient List<long[]> counts = new ArrayList<>();
    final transient List<Double> meanTrust = new ArrayList<>();

    /** One corridor: whether it is open, its queue of household objects, its counts. */
    static final class CorridorObject {
        final Corridor spec;
        final int index;
        final int entryCell;
        final double capacityPersonsPerHour;
        final ArrayDeque<HouseholdAgent> queue = new ArrayDeque<>();
        long queuedPersons;
        double carry;
        double fighterCarry;
        boolean open;
        long clashUntilTick = -1;
        double clashNews;
        long peakQueue;
        boolean offered;
        long nextOpenTick;
        long closeTick;

        CorridorObject(Corridor spec, int index, int entryCell) {
            this.spec = spec;
            this.index = index;
            this.entryCell = entryCell;
            this.capacityPersonsPerHour = spec.capacityPersonsPerHour();
        }

        boolean inClash(long t) {
            return t < clashUntilTick;
        }

        boolean medical() {
            return spec.kind() == Corridor.Kind.MEDICAL;
        }

        boolean civilian() {
            return spec.kind() != Corridor.Kind.FIGHTER;
        }
    }

    /** One fighter group. */
    static final class FighterObject {
        final FighterGroup spec;
        final List<Integer> hoods = new ArrayList<>();
        final int corridor;
        int present;
        boolean dealAllowed;
        long regroupingUntil = -1;

        FighterObject(FighterGroup spec, int corridor) {
            this.spec = spec;
            this.corridor = corridor;
            this.present = spec.size();
        }
    }

    public ReferenceModel(Scenario scenario) {
        super(scenario.seed());
        for (Event e : scenario.events()) {
            if (e.type() == Event.Type.FRONT_SHIFT) {
                throw new IllegalArgumentException("the per-agent reference does not implement front shifts");
            }
        }
        this.scenario = scenario;
        this.tickHours = scenario.clock().tickHours();
        var map = scenario.map();
        this.grid = new Grid(map, scenario.behaviour().movement(), scenario.corridors().size());
        this.calendar = new PauseCalendar(scenario.pauses(), scenario.events(), scenario.clock());
        this.positions = new SparseGrid2D(map.width(), map.height());
        this.homes = new SparseGrid2D(map.width(), map.height());
        this.corridors = new CorridorObject[scenario.corridors().size()];
        for (int k = 0; k < corridors.length; k++) {
            Corridor c = scenario.corridors().get(k);
            corridors[k] = new CorridorObject(c, k, map.cell(c.entryX(), c.entryY()));
            grid.computeField(k, corridors[k].entryCell);
        }
        this.fighters = new FighterObject[scenario.fighters().size()];
        for (int g = 0; g < fighters.length; g++) {
            FighterGroup spec = scenario.fighters().get(g);
            fighters[g] = new FighterObject(spec, spec.leavesBy() == null ? -1 : scenario.corridorIndex(spec.leavesBy()));
            for (String name : spec.controls()) {
                fighters[g].hoods.add(map.neighbourhoodIndex(name));
            }
        }
        this.pendingEvents = new ArrayList<>(scenario.events());
        this.pendingEvents.sort((a, b) -> a.at().compareTo(b.at()));
        int hoods = map.neighbourhoods().size();
        this.danger = new double[hoods];
        this.deathsThisTick = new long[hoods];
        this.initialByHood = new long[hoods];
        this.evacuatedByHood = new long[hoods];
        this.pauseOpen = new boolean[calendar.size()];
        this.initialPersons = scenario.population().persons();
        this.cellCapacityPersons = scenario.behaviour().movement().crowdLimitPersonsPerSquareMetre()
                * map.cellMeters() * map.cellMeters();
    }

    /** Builds, runs to the horizon and returns a reference model of the scenario. */
    public static ReferenceModel run(Scenario scenario) {
        ReferenceModel m = new ReferenceModel(scenario);
        m.start();
        while (m.schedule.getSteps() < m.ticks() && m.schedule.step(m)) {
            // households and district steps run inside schedule.step
        }
        m.finish();
        return m;
    }

    public int ticks() {
        return scenario.clock().ticks();
    }

    public List<HouseholdAgent> households() {
        return agents;
    }

    @Override
    public void start() {
        super.start();
        populate();
        schedule.scheduleRepeating(0.0, 0, (Steppable) s -> districtBeforeHouseholds(), 1.0);
        for (HouseholdAgent a : agents) {
            a.stopper = schedule.scheduleRepeating(0.0, 1, a, 1.0);
        }
        schedule.scheduleRepeating(0.0, 2, (Steppable) s -> districtAfterHouseholds(), 1.0);
    }

    /** ODD 5: the model's own initialisation ({@link Initialisation}), one agent object per household. */
    private void populate() {
        Households h = Initialisation.households(scenario);
        int width = scenario.map().width();
        for (int i = 0; i < h.count(); i++) {
            int cell = h.home(i);
            HouseholdAgent a = new HouseholdAgent(this, agents.size(), cell, h.origin(i));
            a.adults = h.adults(i);
            a.men = h.militaryAgeMen(i);
            a.children = h.children(i);
            a.elderly = h.elderly(i);
            a.wounded = h.wounded(i);
            a.trust = h.ownTrust(i);
            a.attachment = h.attachment(i);
            a.stays = h.stays(i);
            a.aware = h.aware(i);
            initialByHood[h.origin(i)] += h.members(i);
            agents.add(a);
            positions.setObjectLocation(a, cell % width, cell / width);
            homes.setObjectLocation(a, cell % width, cell / width);
        }
    }

    /** Ordering 0: events, calendar, corridors, news, fighters, and what the corridors offer. */
    private void districtBeforeHouseholds() {
        tick = (long) schedule.getTime();
        long t = tick;
        while (!pendingEvents.isEmpty() && scenario.clock().tickOf(pendingEvents.get(0).at()) <= t) {
            Event e = pendingEvents.remove(0);
            if (e.type() == Event.Type.DEAL) {
                for (FighterObject g : fighters) {
                    if (g.spec.name().equals(e.target())) {
                        g.dealAllowed = g.spec.acceptsDeal();
                    }
                }
            }
        }
        boolean regrouping = false;
        for (FighterObject g : fighters) {
            regrouping |= t < g.regroupingUntil;
        }
        for (int p = 0; p < calendar.size(); p++) {
            var pause = calendar.pause(p);
            double rate = FighterRule.earlyEndRatePerHour(pause, regrouping);
            if (calendar.open(p, t) && rate > 0 && random.nextDouble() < DecisionRule.probabilityInTick(rate, tickHours)) {
                calendar.endEarly(p, t);
            }
        }
        anyPauseOpen = false;
        anyPauseAnnounced = false;
        for (int p = 0; p < calendar.size(); p++) {
            pauseOpen[p] = calendar.open(p, t);
            anyPauseOpen |= pauseOpen[p];
            anyPauseAnnounced |= calendar.announced(p, t);
            if (t > 0 && t == calendar.finalEnd(p) && calendar.announcedEnd(p, t - 1) > t) {
                trustShift -= scenario.behaviour().information().trustLossEarlyEnd();
            }
        }
        for (CorridorObject c : corridors) {
            c.open = scheduledOpen(c, t) && !c.inClash(t);
        }
        // news
        var info = scenario.behaviour().information();
        double decay = InformationRule.newsDecay(info, tickHours);
        clashNews *= decay;
        for (CorridorObject c : corridors) {
            c.clashNews *= decay;
        }
        for (int n = 0; n < danger.length; n++) {
            danger[n] *= decay;
            if (deathsThisTick[n] > 0 && initialByHood[n] > 0) {
                danger[n] += InformationRule.dangerRise(scenario.hazards().dangerNewsPerDeath(), deathsThisTick[n], initialByHood[n]);
            }
            deathsThisTick[n] = 0;
        }
        if (evacuatedThisTick > 0) {
            trustShift += InformationRule.trustGainFromCrossings(info, evacuatedThisTick, initialPersons);
            evacuatedThisTick = 0;
        }
        // fighters: regrouping, clashes, leaving after a deal
        if (anyPauseOpen) {
            for (FighterObject g : fighters) {
                if (g.present > 0 && t >= g.regroupingUntil && g.spec.regroupPerHour() > 0
                        && random.nextDouble() < DecisionRule.probabilityInTick(g.spec.regroupPerHour(), tickHours)) {
                    g.regroupingUntil = t + FighterRule.regroupTicks(g.spec, tickHours);
                }
            }
        }
        for (CorridorObject c : corridors) {
            if (!c.open) {
                continue;
            }
            double rate = FighterRule.clashRatePerHour(c.spec, hardlineIn(grid.neighbourhood(c.entryCell)));
            if (rate > 0 && random.nextDouble() < DecisionRule.probabilityInTick(rate, tickHours)) {
                c.clashUntilTick = t + FighterRule.clashTicks(c.spec, scenario.clock().tickMinutes());
                c.open = false;
                c.clashNews += 1;
                clashNews += 1;
                trustShift -= info.trustLossPerClash();
            }
        }
        for (CorridorObject c : corridors) {
            c.fighterCarry = c.open ? c.fighterCarry + MovementRule.capacityInTick(c.capacityPersonsPerHour, tickHours) : 0;
        }
        for (FighterObject g : fighters) {
            if (g.dealAllowed && g.present > 0 && g.corridor >= 0 && corridors[g.corridor].open) {
                CorridorObject c = corridors[g.corridor];
                int leaving = (int) Math.min(g.present, MovementRule.wholePersons(c.fighterCarry));
                c.fighterCarry -= leaving;
                g.present -= leaving;
                fightersEvacuated += leaving;
            }
        }
        offer(t);
    }

    private boolean scheduledOpen(CorridorObject c, long t) {
        if (!c.spec.schedule().isEmpty()) {
            for (Corridor.Window w : c.spec.schedule()) {
                if (t >= scenario.clock().tickOf(w.start()) && t < scenario.clock().tickOf(w.end())) {
                    return true;
                }
            }
            return false;
        }
        for (int p = 0; p < calendar.size(); p++) {
            if (pauseOpen[p] && serves(c, p)) {
                return true;
            }
        }
        return false;
    }

    private boolean serves(CorridorObject c, int p) {
        return c.spec.pauses().isEmpty() || c.spec.pauses().contains(calendar.pause(p).name());
    }

    /** Which civilian corridors are open or announced, when each next opens and when its window ends. */
    private void offer(long t) {
        anyOffered = false;
        for (CorridorObject c : corridors) {
            c.offered = false;
            c.nextOpenTick = PauseCalendar.NEVER;
            c.closeTick = -1;
            if (!c.civilian()) {
                continue;
            }
            if (!c.spec.schedule().isEmpty()) {
                for (Corridor.Window w : c.spec.schedule()) {
                    long s = scenario.clock().tickOf(w.start());
                    long e = scenario.clock().tickOf(w.end());
                    if (e > t && s < c.nextOpenTick) {
                        c.nextOpenTick = Math.max(s, t);
                        c.closeTick = e;
                    }
                }
            } else {
                for (int p = 0; p < calendar.size(); p++) {
                    if (calendar.announced(p, t) && serves(c, p)) {
                        long opens = Math.max(calendar.suspendedUntil(p, t), calendar.windowStart(p, t));
                        c.nextOpenTick = Math.min(c.nextOpenTick, opens);
                        c.closeTick = Math.max(c.closeTick, calendar.announcedEnd(p, t));
                    }
                }
            }
            if (c.nextOpenTick != PauseCalendar.NEVER) {
                if (c.inClash(t)) {
                    c.nextOpenTick = Math.max(c.nextOpenTick, c.clashUntilTick);
                }
                c.offered = true;
                anyOffered = true;
            }
        }
    }

    int hardlineIn(int hood) {
        int n = 0;
        for (FighterObject g : fighters) {
            if (g.spec.stance() == FighterGroup.Stance.HARDLINE && g.hoods.contains(hood)) {
                n += g.present;
            }
        }
        return n;
    }

    double blockingProbability(int hood) {
        double p = 0;
        for (FighterObject g : fighters) {
            if (g.present > 0 && g.hoods.contains(hood)) {
                p = Math.max(p, g.spec.blockingProbability());
            }
        }
        return p;
    }

    double fighterControl(int hood) {
        double c = 0;
        for (FighterObject g : fighters) {
            if (g.present > 0 && g.hoods.contains(hood)) {
                c = Math.max(c, FighterRule.control(g.spec.stance()));
            }
        }
        return c;
    }

    double hardship() {
        Population pop = scenario.population();
        return DecisionRule.hardship(pop, tick, tickHours);
    }

    /** Ordering 2: corridors serve their queues first come, first served; then the tick's counts. */
    private void districtAfterHouseholds() {
        for (CorridorObject c : corridors) {
            if (!c.open || !c.civilian()) {
                c.carry = 0;
                continue;
            }
            c.carry += MovementRule.capacityInTick(c.capacityPersonsPerHour, tickHours);
            while (!c.queue.isEmpty() && MovementRule.fits(c.queue.peek().members(), c.carry)) {
                HouseholdAgent a = c.queue.poll();
                c.carry -= a.members();
                a.served(c);
            }
            if (c.queue.isEmpty()) {
                c.carry = 0;
            }
        }
        long[] row = new long[7];
        double trustSum = 0;
        long inside = 0;
        for (HouseholdAgent a : agents) {
            if (a.phase <= HouseholdPhase.QUEUED) {
                row[a.phase] += a.members();
                trustSum += a.effectiveTrust();
                inside++;
            }
        }
        row[4] = evacuated;
        row[5] = killed;
        row[6] = detained;
        counts.add(row);
        meanTrust.add(inside == 0 ? Double.NaN : trustSum / inside);
    }

    /** Largest queue length in persons over all corridors and ticks. */
    public long peakQueue() {
        long peak = 0;
        for (CorridorObject c : corridors) {
            peak = Math.max(peak, c.peakQueue);
        }
        return peak;
    }

    public long evacuated() {
        return evacuated;
    }

    public long killed() {
        return killed;
    }

    public long detained() {
        return detained;
    }

    public long injured() {
        return injured;
    }

    public long blocked() {
        return blocked;
    }

    public long decisions() {
        return decisions;
    }

    public long evacuatedDuringPauses() {
        return evacuatedDuringPauses;
    }

    /** Persons still inside at the end. */
    public long inside() {
        long[] last = counts.get(counts.size() - 1);
        return last[0] + last[1] + last[2] + last[3];
    }

    /** Per-tick counts: staying, preparing, moving, queued, evacuated, killed, detained. */
    public List<long[]> counts() {
        return counts;
    }
}
