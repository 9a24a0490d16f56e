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
    long queuedPersons;
    /** Some households in {@link #queue} have left it (cleaned before serving). */
    boolean queueDirty;
    /** Capacity not yet used this tick (fractional carry-over, MODEL.md 3 step 7). */
    double carryPersons;
    double fighterCarry;
    boolean open;
    /** Entry lost to a front shift: closed for good. */
    boolean lost;
    long clashUntilTick = -1;
    int clashes;
    /** Clash news about this corridor, decaying (for corridor choice). */
    double clashNews;
    long evacuatedPersons;
    long detainedPersons;
    long fightersEvacuated;
    long peakQueuePersons;

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

    /** Drops households that are no longer queued here. */
    void cleanQueue(Households hh) {
        if (queueDirty) {
            queue.retain(h -> hh.phase[h] == Phase.QUEUED && hh.corridor[h] == index);
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
