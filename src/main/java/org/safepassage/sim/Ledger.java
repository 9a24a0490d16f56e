package org.safepassage.sim;

/**
 * The run's book of persons (ODD 2 and 3): the one owner of every household's phase, of every
 * removal of a member and of every person counter. Each way in or out of a phase is a verb
 * here ({@link #startPreparing}, {@link #setOut}, {@link #joinQueue}, {@link #evacuate},
 * {@link #cross}, {@link #kill}, {@link #detain}, {@link #sendHome}), so the counts by
 * neighbourhood and phase, by corridor and by neighbourhood of origin move together and
 * conservation ({@link #conservationError}) holds after every verb.
 */
public final class Ledger {

    private final Households households;
    private final int[] hoodOfCell;
    private final CorridorState[] corridors;
    private final FighterTally fighters;
    private final TickCounts thisTick;

    private final PhaseCounts counts;
    private final ByOrigin byOrigin;
    private final long initialPersons;
    private long killed;
    /** Of {@link #killed}, those killed while walking to or queueing at a corridor. */
    private long killedOnTheWay;
    private long detained;
    private long detainedAtFront;
    private long injured;
    private long blocked;
    private long evacuatedThroughCorridors;
    private long leftAcrossFront;
    private long evacuatedDuringPauses;
    private final Crowd crowd;
    /** Households in MOVING (may hold stale entries; phases filter by phase). */
    final IntList moving = new IntList();
    final IntList preparing = new IntList();

    Ledger(Households households, Grid grid, CorridorState[] corridors, FighterTally fighters, TickCounts thisTick,
            Crowd crowd, int hoods) {
        this.households = households;
        this.hoodOfCell = grid.neighbourhood;
        this.corridors = corridors;
        this.fighters = fighters;
        this.thisTick = thisTick;
        this.counts = new PhaseCounts(hoods, households.count);
        this.byOrigin = new ByOrigin(hoods);
        this.crowd = crowd;
        long persons = 0;
        for (int h = 0; h < households.count; h++) {
            int size = households.members(h);
            counts.settle(hoodOf(h), size);
            byOrigin.settled(households.origin[h], size);
            persons += size;
        }
        this.initialPersons = persons;
    }

    /** Home neighbourhood of household h. */
    int hoodOf(int h) {
        return hoodOfCell[households.home[h]];
    }

    // ---- phase changes ----

    /** A staying household decides to leave and starts preparing (ODD 7.1). */
    void startPreparing(int h) {
        setPhase(h, HouseholdPhase.PREPARING);
        thisTick.decided();
    }

    /** A ready household sets out for corridor k (ODD 7.2). */
    void setOut(int h, int k) {
        households.setCorridor(h, k);
        setPhase(h, HouseholdPhase.MOVING);
    }

    /** A moving household whose corridor is in a clash turns to corridor k instead (ODD 7.2). */
    void reroute(int h, int k) {
        households.setCorridor(h, k);
    }

    /** A moving household reaches its corridor's entry and joins the queue, in its car when {@code byCar}. */
    void joinQueue(int h, CorridorState c, boolean byCar) {
        setPhase(h, HouseholdPhase.QUEUED);
        if (byCar) {
            c.enqueueVehicle(h, households.members(h));
        } else {
            c.enqueue(h, households.members(h));
        }
    }

    /** A queued household is served by its corridor: all its members are out. */
    void evacuate(int h, CorridorState c, boolean duringPause) {
        int persons = households.members(h);
        c.served(h, persons);
        setPhase(h, HouseholdPhase.EVACUATED);
        evacuatedThroughCorridors += persons;
        byOrigin.evacuated(households.origin[h], persons);
        thisTick.left(persons);
        if (duringPause) {
            evacuatedDuringPauses += persons;
        }
    }

    /** Household h, still with members, leaves across the front line (ODD 7.7). */
    void cross(int h) {
        int left = households.members(h);
        if (left > 0) {
            setPhase(h, HouseholdPhase.CROSSED);
            leftAcrossFront += left;
            byOrigin.evacuated(households.origin[h], left);
            thisTick.left(left);
        }
    }

    /** Sends household h home (given up, turned back, or timed out), keeping queues and counts. */
    void sendHome(int h) {
        Households hh = households;
        if (hh.phase[h] == HouseholdPhase.QUEUED && hh.corridor[h] >= 0) {
            corridors[hh.corridor[h]].leaveQueue(h, hh.members(h));
        }
        setPhase(h, HouseholdPhase.STAYING);
        hh.place(h, hh.home[h]);
        hh.setCorridor(h, -1);
        hh.set(h, (byte) (Households.READY | Households.CHECKED | Households.REROUTED), false);
    }

    /** Fighters turn household h back as it sets off: it goes home, its members counted as blocked. */
    void turnBack(int h) {
        blocked += households.members(h);
        sendHome(h);
    }

    /** Moves household h's home to another cell (retreat at a front shift), keeping counts. */
    void rehome(int h, int newHome) {
        Households hh = households;
        int persons = hh.members(h);
        int from = hoodOf(h);
        hh.setHome(h, newHome);
        hh.place(h, newHome);
        counts.moveHome(from, hoodOf(h), hh.phase[h], persons);
    }

    private void setPhase(int h, byte phase) {
        Households hh = households;
        int persons = hh.members(h);
        int n = hoodOf(h);
        counts.move(n, hh.phase[h], phase, persons);
        if (hh.phase[h] == HouseholdPhase.MOVING) {
            crowd.leave(hh.cell[h], persons);
        }
        hh.setPhase(h, phase);
        if (phase == HouseholdPhase.MOVING) {
            crowd.enter(hh.cell[h], persons);
            if (!hh.flag(h, Households.IN_MOVING_LIST)) {
                hh.set(h, Households.IN_MOVING_LIST, true);
                moving.add(h);
            }
        } else if (phase == HouseholdPhase.PREPARING && !hh.flag(h, Households.IN_PREPARING_LIST)) {
            hh.set(h, Households.IN_PREPARING_LIST, true);
            preparing.add(h);
        }
    }

    // ---- members ----

    /** Kills one member of h chosen at random by the uniform u (ODD 7.4). */
    void kill(int h, double u) {
        int n = hoodOf(h);
        if (households.phase[h] == HouseholdPhase.MOVING || households.phase[h] == HouseholdPhase.QUEUED) {
            killedOnTheWay++;
        }
        removeMember(h, households.memberGroup(h, u));
        killed++;
        byOrigin.killedOne(households.origin[h]);
        thisTick.died(n);
    }

    /** Detains one military-age man of h at the screening post of corridor c (ODD 7.6). */
    void detain(int h, CorridorState c) {
        removeMember(h, Households.MAN);
        detained++;
        byOrigin.detainedOne(households.origin[h]);
        c.detainedOne();
    }

    /** Detains one military-age man of h crossing the front, by the receiving side (ODD 7.8). */
    void detainAtFront(int h) {
        removeMember(h, Households.MAN);
        detained++;
        detainedAtFront++;
        byOrigin.detainedOne(households.origin[h]);
    }

    /** Every member of household h is detained at corridor c (an armed party holding the exit, ODD 7.6). */
    void detainAll(int h, CorridorState c) {
        Households hh = households;
        while (hh.members(h) > 0) {
            removeMember(h, hh.adults[h] > 0 ? Households.ADULT : hh.children[h] > 0 ? Households.CHILD
                    : hh.elderly[h] > 0 ? Households.ELDERLY : Households.WOUNDED);
            detained++;
            byOrigin.detainedOne(hh.origin[h]);
            c.detainedOne();
        }
    }

    /** Wounds one unwounded member of h, if any, chosen by the uniform u. */
    void wound(int h, double u) {
        if (households.woundOne(h, u)) {
            injured++;
        }
    }

    /** Removes one member of a group from household h (killed or detained); a household with nobody left becomes GONE. */
    private void removeMember(int h, int group) {
        Households hh = households;
        hh.removeMember(h, group);
        int n = hoodOf(h);
        counts.removeOne(n, hh.phase[h]);
        if (hh.phase[h] == HouseholdPhase.MOVING) {
            crowd.leave(hh.cell[h], 1);
        } else if (hh.phase[h] == HouseholdPhase.QUEUED && hh.corridor[h] >= 0) {
            corridors[hh.corridor[h]].queuedMemberRemoved(h);
        }
        if (hh.members(h) == 0) {
            counts.householdGone(hh.phase[h]);
            hh.setPhase(h, HouseholdPhase.GONE);
        }
    }

    // ---- reading ----

    /** Persons by phase and home neighbourhood, households inside. */
    PhaseCounts counts() {
        return counts;
    }

    long initialPersons() {
        return initialPersons;
    }

    /** Persons by neighbourhood of origin. */
    ByOrigin byOrigin() {
        return byOrigin;
    }

    long killed() {
        return killed;
    }

    long killedOnTheWay() {
        return killedOnTheWay;
    }

    long detained() {
        return detained;
    }

    /** Persons detained by the receiving side when crossing the front (part of {@link #detained()}). */
    long detainedAtFront() {
        return detainedAtFront;
    }

    long injured() {
        return injured;
    }

    long blocked() {
        return blocked;
    }

    long evacuatedThroughCorridors() {
        return evacuatedThroughCorridors;
    }

    long leftAcrossFront() {
        return leftAcrossFront;
    }

    long evacuatedDuringPauses() {
        return evacuatedDuringPauses;
    }

    /** Conservation (ODD 3), the Ledger's invariant: null when it holds, else the first broken equation. */
    String conservationError() {
        return Conservation.error(this, corridors, byOrigin, fighters);
    }
}
