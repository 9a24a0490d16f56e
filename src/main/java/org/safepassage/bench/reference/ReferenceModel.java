package org.safepassage.bench.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Neighbourhood;
import org.safepassage.scenario.Population;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.Grid;
import org.safepassage.sim.PauseCalendar;
import org.safepassage.sim.HouseholdPhase;
import org.safepassage.sim.rules.DecisionRule;
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
    static final double CARRY_SLACK_PERSONS = 1e-9;

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

    /** MODEL.md 5, as in the model: largest-remainder quotas, 1 + Poisson sizes, Beta trust and attachment. */
    private void populate() {
        Population pop = scenario.population();
        RandomGenerator rng = new MersenneTwister(seed());
        var map = scenario.map();
        List<Neighbourhood> hoods = map.neighbourhoods();
        List<List<Integer>> built = new ArrayList<>();
        for (int n = 0; n < hoods.size(); n++) {
            built.add(new ArrayList<>());
        }
        for (int c = 0; c < map.cells(); c++) {
            if (map.terrain()[c] == Terrain.BUILT && map.neighbourhoodOfCell()[c] >= 0) {
                built.get(map.neighbourhoodOfCell()[c]).add(c);
            }
        }
        long[] quota = new long[hoods.size()];
        double[] remainder = new double[hoods.size()];
        long given = 0;
        for (int n = 0; n < hoods.size(); n++) {
            double exact = hoods.get(n).populationShare() * pop.persons();
            quota[n] = (long) Math.floor(exact);
            remainder[n] = exact - quota[n];
            given += quota[n];
        }
        for (; given < pop.persons(); given++) {
            int best = 0;
            for (int n = 1; n < hoods.size(); n++) {
                best = remainder[n] > remainder[best] ? n : best;
            }
            quota[best]++;
            remainder[best] = -1;
        }
        PoissonDistribution extra = new PoissonDistribution(rng, Math.max(1e-9, pop.meanHouseholdSize() - 1),
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        double credibility = scenario.pauses().isEmpty() ? 0.5 : scenario.pauses().get(0).credibility();
        BetaDistribution trust = beta(rng, credibility, pop.trustConcentration());
        BetaDistribution attachment = beta(rng, pop.attachmentMean(), pop.attachmentConcentration());
        for (int n = 0; n < hoods.size(); n++) {
            long left = quota[n];
            while (left > 0) {
                int size = (int) Math.min(left, Math.min(30, 1 + extra.sample()));
                left -= size;
                int cell = built.get(n).get(rng.nextInt(built.get(n).size()));
                HouseholdAgent a = new HouseholdAgent(this, agents.size(), cell, n);
                for (int m = 0; m < size; m++) {
                    double u = rng.nextDouble();
                    if (u < pop.childShare()) {
                        a.children++;
                    } else if (u < pop.childShare() + pop.elderlyShare()) {
                        a.elderly++;
                    } else if (u < pop.childShare() + pop.elderlyShare() + pop.woundedShare()) {
                        a.wounded++;
                    } else {
                        a.adults++;
                        if (rng.nextDouble() < pop.militaryAgeMenShareOfAdults()) {
                            a.men++;
                        }
                    }
                }
                a.trust = trust.sample();
                a.attachment = attachment.sample();
                if (rng.nextDouble() < pop.attachmentStayShare()) {
                    a.attachment = 1;
                    a.stays = true;
                }
                a.aware = rng.nextDouble() < pop.initialAwareness();
                initialByHood[n] += size;
                agents.add(a);
                positions.setObjectLocation(a, cell % map.width(), cell / map.width());
                homes.setObjectLocation(a, cell % map.width(), cell / map.width());
            }
        }
    }

    private static BetaDistribution beta(RandomGenerator rng, double mean, double concentration) {
        double m = Math.min(0.999, Math.max(0.001, mean));
        return new BetaDistribution(rng, m * concentration, (1 - m) * concentration,
                BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
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
            double rate = pause.earlyEndPerHour() * (regrouping ? pause.regroupingMultiplier() : 1.0);
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
                danger[n] += scenario.hazards().dangerNewsPerDeath() * deathsThisTick[n] * 1000.0 / initialByHood[n];
            }
            deathsThisTick[n] = 0;
        }
        if (evacuatedThisTick > 0) {
            trustShift += info.trustGainPerCrossingPercent() * 100.0 * evacuatedThisTick / initialPersons;
            evacuatedThisTick = 0;
        }
        // fighters: regrouping, clashes, leaving after a deal
        if (anyPauseOpen) {
            for (FighterObject g : fighters) {
                if (g.present > 0 && t >= g.regroupingUntil && g.spec.regroupPerHour() > 0
                        && random.nextDouble() < DecisionRule.probabilityInTick(g.spec.regroupPerHour(), tickHours)) {
                    g.regroupingUntil = t + Math.max(1, Math.round(g.spec.regroupHours() / tickHours));
                }
            }
        }
        for (CorridorObject c : corridors) {
            if (!c.open) {
                continue;
            }
            double rate = c.spec.clashPerHour()
                    + c.spec.clashPerHourPerThousandHardline() * hardlineIn(grid.neighbourhood(c.entryCell)) / 1000.0;
            if (rate > 0 && random.nextDouble() < DecisionRule.probabilityInTick(rate, tickHours)) {
                c.clashUntilTick = t + Math.max(1, c.spec.clashDuration().toMinutes() / scenario.clock().tickMinutes());
                c.open = false;
                c.clashNews += 1;
                clashNews += 1;
                trustShift -= info.trustLossPerClash();
            }
        }
        for (CorridorObject c : corridors) {
            c.fighterCarry = c.open ? c.fighterCarry + c.capacityPersonsPerHour * tickHours : 0;
        }
        for (FighterObject g : fighters) {
            if (g.dealAllowed && g.present > 0 && g.corridor >= 0 && corridors[g.corridor].open) {
                CorridorObject c = corridors[g.corridor];
                int leaving = (int) Math.min(g.present, Math.floor(c.fighterCarry + CARRY_SLACK_PERSONS));
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
                c = Math.max(c, g.spec.stance() == FighterGroup.Stance.HARDLINE ? 1.0 : 0.5);
            }
        }
        return c;
    }

    double hardship() {
        Population pop = scenario.population();
        return Math.min(1.0, pop.initialHardship() + pop.hardshipGrowthPerDay() * tick * tickHours / 24.0);
    }

    /** Ordering 2: corridors serve their queues first come, first served; then the tick's counts. */
    private void districtAfterHouseholds() {
        for (CorridorObject c : corridors) {
            if (!c.open || !c.civilian()) {
                c.carry = 0;
                continue;
            }
            c.carry += c.capacityPersonsPerHour * tickHours;
            while (!c.queue.isEmpty() && c.queue.peek().members() <= c.carry + CARRY_SLACK_PERSONS) {
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
