package org.safepassage.bench.reference;

import org.safepassage.scenario.Behaviour;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Hazards;
import org.safepassage.sim.HouseholdPhase;
import org.safepassage.sim.rules.CorridorChoiceRule;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.HazardRule;
import org.safepassage.sim.rules.InformationRule;
import org.safepassage.sim.rules.MovementRule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;
import sim.util.Bag;
import sim.util.Int2D;

/**
 * One household of the per-agent reference: an object with its own fields, stepped by MASON
 * once a tick. Its step does, for this household, what the model's tick phases do for all:
 * hear of the pause, face bombardment, be checked by fighters, decide, prepare, choose a
 * corridor, lose patience, walk and join a queue.
 */
public final class HouseholdAgent implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Trust lost when fighters turn a household back (as in the model's FighterPhase). */

    private final transient ReferenceModel m;
    final int id;
    final int homeCell;
    final int hood;
    int cell;
    byte phase = HouseholdPhase.STAYING;
    int adults;
    int children;
    int elderly;
    int wounded;
    int men;
    double trust;
    double attachment;
    /** Attachment is absolute: never decides to leave through a corridor. */
    boolean stays;
    boolean aware;
    boolean checked;
    boolean ready;
    boolean rerouted;
    int corridor = -1;
    double timer;
    double patience;
    Stoppable stopper;

    HouseholdAgent(ReferenceModel m, int id, int homeCell, int hood) {
        this.m = m;
        this.id = id;
        this.homeCell = homeCell;
        this.cell = homeCell;
        this.hood = hood;
    }

    int members() {
        return adults + children + elderly + wounded;
    }

    double effectiveTrust() {
        return InformationRule.effectiveTrust((float) trust, m.trustShift);
    }

    double speed() {
        return MovementRule.speedFactor(m.scenario.behaviour().movement(), children, elderly, wounded);
    }

    boolean inside() {
        return phase <= HouseholdPhase.QUEUED;
    }

    @Override
    public void step(SimState state) {
        if (!inside()) {
            stopper.stop();
            return;
        }
        hear();
        hazards();
        if (!inside()) {
            return;
        }
        if (phase == HouseholdPhase.STAYING && aware && !stays && m.anyOffered) {
            decide();
        }
        if (phase == HouseholdPhase.PREPARING) {
            prepare();
        }
        loseTime();
        if (phase == HouseholdPhase.MOVING && !turnedBack()) {
            walk();
        }
    }

    /** MODEL.md 6.3: announcements and word of mouth among households living in the same block. */
    private void hear() {
        if (aware) {
            return;
        }
        for (int p = 0; p < m.calendar.size(); p++) {
            if (m.tick == Math.max(0, m.calendar.announceTick(p)) && m.calendar.announced(p, m.tick)
                    && m.random.nextDouble() < m.calendar.pause(p).announcementCoverage()) {
                aware = true;
                return;
            }
        }
        if (!m.anyPauseAnnounced) {
            return;
        }
        Behaviour.Information info = m.scenario.behaviour().information();
        int block = Math.max(1, (int) Math.round(2 * info.wordOfMouthRadiusCells() + 1));
        int width = m.grid.width;
        int x0 = homeCell % width / block * block;
        int y0 = homeCell / width / block * block;
        int awareThere = 0;
        int insideThere = 0;
        for (int x = x0; x < Math.min(width, x0 + block); x++) {
            for (int y = y0; y < Math.min(m.grid.height, y0 + block); y++) {
                Bag there = m.homes.getObjectsAtLocation(x, y);
                if (there == null) {
                    continue;
                }
                for (int i = 0; i < there.numObjs; i++) {
                    HouseholdAgent other = (HouseholdAgent) there.objs[i];
                    if (other.inside()) {
                        insideThere++;
                        if (other.aware) {
                            awareThere++;
                        }
                    }
                }
            }
        }
        double percentOut = InformationRule.percentOut(m.evacuated, m.initialPersons);
        double rate = InformationRule.hearingRatePerHour(info, (double) awareThere / insideThere, percentOut);
        if (m.random.nextDouble() < DecisionRule.probabilityInTick(rate, m.tickHours)) {
            aware = true;
        }
    }

    /** MODEL.md 6.4: each member may be killed or wounded this tick; clashes harm those queued there. */
    private void hazards() {
        Hazards hz = m.scenario.hazards();
        double rate = HazardRule.deathsPerPersonHour(hz, m.scenario.map().neighbourhoods().get(hood).bombardmentFactor(),
                m.anyPauseOpen) * HazardRule.exposure(hz, phase);
        double pDeath = DecisionRule.probabilityInTick(rate, m.tickHours);
        double pInjury = DecisionRule.probabilityInTick(rate * hz.injuriesPerDeath(), m.tickHours);
        double pClash = phase == HouseholdPhase.QUEUED && m.corridors[corridor].inClash(m.tick)
                ? DecisionRule.probabilityInTick(hz.clashDeathsPerPersonHour(), m.tickHours) : 0;
        int n = members();
        for (int i = 0; i < n && inside(); i++) {
            if (m.random.nextDouble() < pDeath) {
                killOne();
            }
            if (inside() && m.random.nextDouble() < pInjury) {
                woundOne();
            }
            if (inside() && pClash > 0 && m.random.nextDouble() < pClash) {
                killOne();
            }
        }
    }

    private void killOne() {
        removeOne(HazardRule.victimGroup(adults, children, elderly, wounded, m.random.nextDouble()));
        m.killed++;
        m.deathsThisTick[hood]++;
        if (phase == HouseholdPhase.QUEUED) {
            m.corridors[corridor].queuedPersons--;
        }
        if (members() == 0) {
            leaveQueue();
            phase = HouseholdPhase.GONE;
            m.positions.remove(this);
        }
    }

    private void woundOne() {
        int group = HazardRule.injuredGroup(adults, children, elderly, m.random.nextDouble());
        if (group < 0) {
            return;
        }
        removeOne(group);
        wounded++;
        m.injured++;
    }

    /** One member of a group leaves the household's count (an adult who is not a military-age man if possible). */
    private void removeOne(int group) {
        switch (group) {
            case HazardRule.ADULT -> {
                men -= adults <= men ? 1 : 0;
                adults--;
            }
            case HazardRule.CHILD -> children--;
            case HazardRule.ELDERLY -> elderly--;
            default -> wounded--;
        }
    }

    /** MODEL.md 6.5: as it takes its first step, fighters holding the home neighbourhood may turn it back. */
    private boolean turnedBack() {
        if (checked) {
            return false;
        }
        checked = true;
        double p = m.blockingProbability(hood);
        if (p > 0 && m.random.nextDouble() < p) {
            m.blocked += members();
            goHome();
            trust = InformationRule.trustAfterBlocking((float) trust);
            return true;
        }
        return false;
    }

    /** MODEL.md 6.1: the decision to leave, judged against the nearest offered corridor. */
    private void decide() {
        Behaviour b = m.scenario.behaviour();
        boolean hasWounded = wounded > 0;
        ReferenceModel.CorridorObject nearest = null;
        for (ReferenceModel.CorridorObject c : m.corridors) {
            if (c.offered && (hasWounded || !c.medical())
                    && (nearest == null || m.grid.minutesTo(c.index, homeCell) < m.grid.minutesTo(nearest.index, homeCell))) {
                nearest = c;
            }
        }
        if (nearest == null || Float.isInfinite(m.grid.minutesTo(nearest.index, homeCell))) {
            return;
        }
        double prepHours = m.scenario.population().preparationMeanHours();
        double needHours = DecisionRule.neededHours(prepHours, m.grid.minutesTo(nearest.index, homeCell), speed(),
                nearest.queuedPersons, nearest.capacityPersonsPerHour);
        double openHours = DecisionRule.openHoursLeft(m.tick, nearest.nextOpenTick, nearest.closeTick, m.tickHours);
        double shareLeft = m.initialByHood[hood] == 0 ? 0 : (double) m.evacuatedByHood[hood] / m.initialByHood[hood];
        Corridor spec = nearest.spec;
        double u = DecisionRule.utility(b.weights(),
                new DecisionRule.NeighbourhoodTerms(Math.min(1.0, m.danger[hood]), m.hardship(),
                        DecisionRule.socialProof(shareLeft, b.information().socialProofSaturationShare()),
                        Math.min(1.0, m.clashNews), m.fighterControl(hood), 0),
                new DecisionRule.HouseholdTerms(effectiveTrust(), spec.monitoring() == Corridor.Monitoring.NEUTRAL,
                        spec.transport() != null, spec.destinationChoice(), hasWounded, attachment,
                        men > 0 && spec.screening() != null ? spec.screening().detentionProbability() : 0,
                        DecisionRule.timePressure(needHours, openHours)));
        double p = DecisionRule.probabilityInTick(DecisionRule.ratePerHour(b.maxDecisionRatePerHour(), u), m.tickHours);
        if (m.random.nextDouble() < p) {
            phase = HouseholdPhase.PREPARING;
            timer = DecisionRule.exponentialHours(prepHours, 1 - m.random.nextDouble());
            ready = false;
            m.decisions++;
        }
    }

    /** Counts down the preparation, then picks a corridor and sets out if it can get there while it is open. */
    private void prepare() {
        if (!ready) {
            timer -= m.tickHours;
            if (timer > 0) {
                return;
            }
            ready = true;
        }
        if (!m.anyOffered) {
            goHome();
            return;
        }
        int k = choose(-1);
        if (k < 0) {
            return;
        }
        long walkTicks = (long) Math.ceil(m.grid.minutesTo(k, cell) / speed() / m.scenario.clock().tickMinutes());
        ReferenceModel.CorridorObject c = m.corridors[k];
        if (c.nextOpenTick - m.tick <= walkTicks && m.tick + walkTicks < c.closeTick) {
            corridor = k;
            timer = 0;
            patience = DecisionRule.exponentialHours(m.scenario.population().patienceMeanHours(), 1 - m.random.nextDouble());
            checked = false;
            rerouted = false;
            phase = HouseholdPhase.MOVING;
        }
    }

    /** MODEL.md 6.2: multinomial logit over the offered corridors this household may use and reach. */
    private int choose(int exclude) {
        Behaviour.CorridorChoice cc = m.scenario.behaviour().choice();
        double[] utility = new double[m.corridors.length];
        for (ReferenceModel.CorridorObject c : m.corridors) {
            float minutes = m.grid.minutesTo(c.index, cell);
            if (!c.offered || c.index == exclude || (c.medical() && wounded == 0) || Float.isInfinite(minutes)) {
                utility[c.index] = Double.NaN;
            } else {
                utility[c.index] = CorridorChoiceRule.utility(cc, minutes / 60.0 / speed(),
                        c.queuedPersons / c.capacityPersonsPerHour, c.clashNews,
                        c.spec.monitoring() == Corridor.Monitoring.NEUTRAL, c.spec.destinationChoice());
            }
        }
        return CorridorChoiceRule.pick(utility, utility.length, m.random.nextDouble());
    }

    /** While its corridor is closed, a household loses patience; after a clash it may re-route once. */
    private void loseTime() {
        if (phase != HouseholdPhase.MOVING && phase != HouseholdPhase.QUEUED) {
            return;
        }
        ReferenceModel.CorridorObject c = m.corridors[corridor];
        if (c.open) {
            return;
        }
        if (phase == HouseholdPhase.MOVING && c.inClash(m.tick) && !rerouted) {
            rerouted = true;
            int k = choose(c.index);
            if (k >= 0 && m.corridors[k].open) {
                corridor = k;
                return;
            }
        }
        patience -= m.tickHours;
        if (patience <= 0) {
            goHome();
        }
    }

    /** MODEL.md 6.6: walk down the distance field as far as this tick's minutes go, under the crowd limit. */
    private void walk() {
        ReferenceModel.CorridorObject c = m.corridors[corridor];
        int persons = members();
        int width = m.grid.width;
        double budget = timer + m.scenario.clock().tickMinutes() * speed();
        boolean crowded = false;
        while (true) {
            if (cell == c.entryCell) {
                phase = HouseholdPhase.QUEUED;
                c.queue.add(this);
                c.queuedPersons += persons;
                c.peakQueue = Math.max(c.peakQueue, c.queuedPersons);
                return;
            }
            int to = m.grid.nextCell(corridor, cell);
            if (to < 0) {
                goHome();
                return;
            }
            float cost = m.grid.stepMinutes(cell, to);
            if (cost > budget) {
                break;
            }
            if (to != c.entryCell && movingPersonsAt(to % width, to / width) + persons > m.cellCapacityPersons) {
                crowded = true;
                break;
            }
            budget -= cost;
            cell = to;
            m.positions.setObjectLocation(this, new Int2D(to % width, to / width));
        }
        // unused walking time is kept for the next step; held up by a crowd, at most one tick of it
        timer = crowded ? Math.min(budget, m.scenario.clock().tickMinutes()) : budget;
    }

    /** Persons of moving households on a cell, counted from the grid. */
    private int movingPersonsAt(int x, int y) {
        Bag there = m.positions.getObjectsAtLocation(x, y);
        int n = 0;
        if (there != null) {
            for (int i = 0; i < there.numObjs; i++) {
                HouseholdAgent other = (HouseholdAgent) there.objs[i];
                if (other.phase == HouseholdPhase.MOVING) {
                    n += other.members();
                }
            }
        }
        return n;
    }

    private void leaveQueue() {
        if (phase == HouseholdPhase.QUEUED) {
            ReferenceModel.CorridorObject c = m.corridors[corridor];
            c.queue.remove(this);
            c.queuedPersons -= members();
        }
    }

    /** Back home: given up, turned back, or timed out. */
    private void goHome() {
        leaveQueue();
        phase = HouseholdPhase.STAYING;
        cell = homeCell;
        corridor = -1;
        ready = false;
        checked = false;
        rerouted = false;
        m.positions.setObjectLocation(this, new Int2D(homeCell % m.grid.width, homeCell / m.grid.width));
    }

    /** Called by the corridor when this household reaches the head of the queue and is let through. */
    void served(ReferenceModel.CorridorObject c) {
        Corridor.Screening screening = c.spec.screening();
        int menBefore = men;
        for (int i = 0; i < menBefore; i++) {
            if (screening != null && m.random.nextDouble() < screening.detentionProbability()) {
                men--;
                adults--;
                m.detained++;
                c.queuedPersons--;
            }
        }
        c.queuedPersons -= members();
        if (members() == 0) {
            phase = HouseholdPhase.GONE;
        } else {
            phase = HouseholdPhase.EVACUATED;
            m.evacuated += members();
            m.evacuatedByHood[hood] += members();
            m.evacuatedThisTick += members();
            if (m.anyPauseOpen) {
                m.evacuatedDuringPauses += members();
            }
        }
        m.positions.remove(this);
    }
}
