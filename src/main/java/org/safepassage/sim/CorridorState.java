package org.safepassage.sim;

import org.safepassage.scenario.Corridor;

/** One corridor during a run: whether it is open, its clashes, its queue and its counts. */
public final class CorridorState {

    public final Corridor spec;
    public final int index;
    final int entryCell;
    final double capacityPersonsPerHour;
    final IntQueue queue = new IntQueue();
    /** Persons in the queue (kept in step with {@link #queue}). */
    private long queuedPersons;
    /** Some households in {@link #queue} have left it (cleaned before serving). */
    private boolean queueDirty;
    /** Capacity not yet used this tick (fractional carry-over, ODD 7.6). */
    private double carryPersons;
    private double fighterCarry;
    private boolean open;
    /** Entry lost to a front shift: closed for good. */
    private boolean lost;
    private long clashUntilTick = -1;
    private int clashes;
    /** Clash news about this corridor, decaying (for corridor choice). */
    private double clashNews;
    private long evacuatedPersons;
    private long detainedPersons;
    private long fightersEvacuated;
    private long peakQueuePersons;

    CorridorState(Corridor spec, int index, int entryCell) {
        this.spec = spec;
        this.index = index;
        this.entryCell = entryCell;
        this.capacityPersonsPerHour = spec.capacityPersonsPerHour();
    }

    public boolean open() {
        return open;
    }

    public boolean lost() {
        return lost;
    }

    public boolean inClash(long tick) {
        return tick < clashUntilTick;
    }

    public long queuedPersons() {
        return queuedPersons;
    }

    public long evacuatedPersons() {
        return evacuatedPersons;
    }

    public long detainedPersons() {
        return detainedPersons;
    }

    public long fightersEvacuated() {
        return fightersEvacuated;
    }

    public long peakQueuePersons() {
        return peakQueuePersons;
    }

    public int clashes() {
        return clashes;
    }

    public int entryCell() {
        return entryCell;
    }

    public double capacityPersonsPerHour() {
        return capacityPersonsPerHour;
    }

    // ---- changes, each by its owner's verb ----

    /** Opens or closes the corridor for this tick (the calendar, ODD 3 step 1). */
    void setOpen(boolean open) {
        this.open = open;
    }

    /** The entry passed to the other side at a front shift: closed for good. */
    void lose() {
        lost = true;
        open = false;
        queueDirty = true;
    }

    /** A clash closes the corridor until {@code untilTick}. */
    void clash(long untilTick) {
        clashUntilTick = untilTick;
        open = false;
        clashes++;
    }

    void addClashNews(double news) {
        clashNews += news;
    }

    void decayClashNews(double factor) {
        clashNews *= factor;
    }

    /** A household of {@code persons} joins the queue (through {@link Ledger#joinQueue}). */
    void enqueue(int h, int persons) {
        queue.add(h);
        queuedPersons += persons;
        peakQueuePersons = Math.max(peakQueuePersons, queuedPersons);
    }

    /** A queued household of {@code persons} leaves the queue without being served. */
    void leaveQueue(int persons) {
        queuedPersons -= persons;
        queueDirty = true;
    }

    /** A queued person was killed or detained; the household stays in the queue. */
    void queuedMemberRemoved() {
        queuedPersons--;
    }

    /** A queued household of {@code persons} was served and is out. */
    void served(int persons) {
        queuedPersons -= persons;
        evacuatedPersons += persons;
    }

    void detainedOne() {
        detainedPersons++;
    }

    void fightersLeft(int fighters) {
        fightersEvacuated += fighters;
    }

    /** Capacity carried over for civilians (persons). */
    double carryPersons() {
        return carryPersons;
    }

    /** Adds a tick's capacity to the carry, or drops the carry when {@code keep} is false. */
    void carry(boolean keep, double persons) {
        carryPersons = keep ? carryPersons + persons : 0;
    }

    void useCarry(int persons) {
        carryPersons -= persons;
    }

    double fighterCarry() {
        return fighterCarry;
    }

    /** Adds a tick's capacity to the fighters' carry, or drops it when {@code keep} is false. */
    void fighterCarry(boolean keep, double persons) {
        fighterCarry = keep ? fighterCarry + persons : 0;
    }

    void useFighterCarry(int fighters) {
        fighterCarry -= fighters;
    }

    double clashNews() {
        return clashNews;
    }

    long clashUntilTick() {
        return clashUntilTick;
    }

    /** Drops households that are no longer queued here. */
    void cleanQueue(Households hh) {
        if (queueDirty) {
            queue.retain(h -> hh.phase[h] == HouseholdPhase.QUEUED && hh.corridor[h] == index);
            queueDirty = false;
        }
    }

    boolean civilian() {
        return spec.kind() != Corridor.Kind.FIGHTER;
    }

    boolean medical() {
        return spec.kind() == Corridor.Kind.MEDICAL;
    }
}
