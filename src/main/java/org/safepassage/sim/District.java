package org.safepassage.sim;

import java.util.List;
import org.safepassage.scenario.DistrictMap;
import org.safepassage.scenario.Scenario;

/**
 * The state of one run, as a set of owners: the {@link Ledger} (phases and every person
 * count), the {@link Crowd} on the cells, {@link TickCounts} (this tick's news), {@link News}
 * (trust, clash news, local danger), the {@link Grid}, the {@link PauseCalendar}, one
 * {@link CorridorState} per corridor, one {@link FighterState} per group and their
 * {@link FighterTally}, the {@link RunClock} (tick, open pauses, events to come, the log) and
 * the map's state (neighbourhoods lost, its version). The public methods are the read-only
 * view that metrics, charts and the GUI use; {@link #grid()}, {@link #households()} and
 * {@link #calendar()} give read-only access to the rest.
 */
public final class District {

    public final Scenario scenario;
    final RandomStreams random;
    final Grid grid;
    final Households households;
    final PauseCalendar calendar;
    final CorridorState[] corridors;
    final FighterState[] fighters;
    final FighterTally fighterTally;
    final TickCounts thisTick;
    final Crowd crowd;
    final Ledger ledger;
    final News news;
    /** Households' cars and the fuel for them (ODD 7.6 "Private cars"). */
    final Cars cars;
    final Push push;
    final double tickHours;
    final int hoods;
    /** Built cells of each neighbourhood (homes; where retreating households go). */
    final int[][] builtCells;
    final RunClock clock;
    /** Bumped whenever the map changes (front shifts), so cached per-cell values are recomputed. */
    private int mapVersion;
    /** Neighbourhoods lost to front shifts. */
    private final boolean[] lostHood;

    District(Scenario scenario) {
        this.scenario = scenario;
        this.random = new RandomStreams(scenario.seed());
        this.tickHours = scenario.clock().tickHours();
        DistrictMap map = scenario.map();
        this.hoods = map.neighbourhoods().size();
        this.grid = new Grid(map, scenario.behaviour().movement(), scenario.corridors().size());
        this.corridors = Initialisation.corridors(scenario, grid);
        this.calendar = new PauseCalendar(scenario.pauses(), scenario.events(), scenario.clock());
        this.clock = new RunClock(scenario.clock(), calendar.size(), scenario.events());
        this.fighters = Initialisation.fighters(scenario);
        this.fighterTally = new FighterTally(fighters);
        this.lostHood = new boolean[hoods];
        this.builtCells = Initialisation.builtCells(map, hoods);
        this.households = Initialisation.populate(scenario, random, builtCells);
        this.thisTick = new TickCounts(hoods);
        this.crowd = new Crowd(households, grid.cells());
        this.ledger = new Ledger(households, grid, corridors, fighterTally, thisTick, crowd, hoods);
        this.news = new News(households, ledger, corridors, hoods);
        this.cars = new Cars(scenario.population().cars(), random);
        this.push = new Push(this, hoods);
    }

    /** Starts tick t (the calendar phase): the clock moves on and this tick's counts start again. */
    void beginTick(long t) {
        clock.beginTick(t);
        thisTick.startTick();
    }

    // ---- the map's state, moved by front shifts ----

    /** Neighbourhood n passes to the other side (a front shift); the map's version moves on. */
    void loseNeighbourhood(int n) {
        lostHood[n] = true;
    }

    /** Neighbourhood n returns to the enclave (a front regain). */
    void regainNeighbourhood(int n) {
        lostHood[n] = false;
    }

    void mapChanged() {
        mapVersion++;
    }

    int mapVersion() {
        return mapVersion;
    }

    /** Writes what happened, with the time of this tick, into the run's log. */
    void note(String what) {
        clock.note(what);
    }

    /** Home neighbourhood of household h. */
    int hoodOf(int h) {
        return ledger.hoodOf(h);
    }

    // ---- the read-only view ----

    /** The grid, read only from outside the model. */
    public Grid grid() {
        return grid;
    }

    /** The households, read only from outside the model. */
    public Households households() {
        return households;
    }

    /** The pause calendar, read only from outside the model. */
    public PauseCalendar calendar() {
        return calendar;
    }

    public long tick() {
        return clock.tick();
    }

    /** Persons inside the enclave (staying, preparing, moving, queued). */
    public long personsInside() {
        return ledger.counts().inside();
    }

    /** Persons in a household phase ({@link HouseholdPhase}). */
    public long persons(int phase) {
        return ledger.counts().of(phase);
    }

    public long killed() {
        return ledger.killed();
    }

    /** Persons killed while walking to or queueing at a corridor (part of {@link #killed()}). */
    public long killedOnTheWay() {
        return ledger.killedOnTheWay();
    }

    public long detained() {
        return ledger.detained();
    }

    public long injured() {
        return ledger.injured();
    }

    public long blocked() {
        return ledger.blocked();
    }

    /** Persons who left the enclave by any route. */
    public long evacuated() {
        return ledger.evacuatedThroughCorridors() + ledger.leftAcrossFront();
    }

    public long evacuatedThroughCorridors() {
        return ledger.evacuatedThroughCorridors();
    }

    public long leftAcrossFront() {
        return ledger.leftAcrossFront();
    }

    public long evacuatedDuringPauses() {
        return ledger.evacuatedDuringPauses();
    }

    public long fightersEvacuated() {
        return fighterTally.fightersEvacuated();
    }

    public long fightersPresent() {
        return fighterTally.fightersPresent();
    }

    public long initialPersons() {
        return ledger.initialPersons();
    }

    public long initialFighters() {
        return fighterTally.initialFighters();
    }

    public int decisionsThisTick() {
        return thisTick.decisionsThisTick();
    }

    public boolean anyPauseOpen() {
        return clock.anyPauseOpen();
    }

    public boolean pauseOpen(int p) {
        return clock.pauseOpen(p);
    }

    public List<CorridorState> corridors() {
        return List.of(corridors);
    }

    public List<FighterState> fighters() {
        return List.of(fighters);
    }

    public int neighbourhoods() {
        return hoods;
    }

    public long initialPersons(int hood) {
        return ledger.byOrigin().initial(hood);
    }

    /** Persons from neighbourhood {@code hood} (by origin) detained at screening posts. */
    public long detainedFrom(int hood) {
        return ledger.byOrigin().detained(hood);
    }

    /** Persons from each neighbourhood (by origin) still inside the enclave, wherever they live now. */
    public long[] remainingByOrigin() {
        long[] out = new long[hoods];
        for (int h = 0; h < households.count; h++) {
            if (HouseholdPhase.inside(households.phase[h])) {
                out[households.origin[h]] += households.members(h);
            }
        }
        return out;
    }

    /** Persons from neighbourhood {@code hood} (by origin) who left the enclave. */
    public long evacuatedFrom(int hood) {
        return ledger.byOrigin().evacuated(hood);
    }

    /** Persons from neighbourhood {@code hood} (by origin) killed. */
    public long killedIn(int hood) {
        return ledger.byOrigin().killed(hood);
    }

    /** Persons living in neighbourhood {@code hood} now (retreated households count where they live). */
    public long insideOf(int hood) {
        return ledger.counts().insideOf(hood);
    }

    public boolean lost(int hood) {
        return lostHood[hood];
    }

    /** Mean effective trust of households still inside (ODD 7.3). */
    public double meanTrust() {
        return news.meanTrust();
    }

    /** Things that happened (pause opened, clash, front shift), with their time; for people reading a run. */
    public List<String> log() {
        return clock.log();
    }

    /** Conservation (ODD 3), checked by the {@link Ledger}: null when it holds, else a description. */
    public String conservationError() {
        return ledger.conservationError();
    }
}
