package org.safepassage.sim;

/**
 * Persons of moving households on each cell (ODD 7.2, the crowd limit of a cell). The
 * {@link Ledger} puts a household's members on its cell when it sets out and takes them off
 * when it stops moving or loses a member; the movement phase moves them with {@link #step}.
 */
final class Crowd {

    private final Households households;
    private final int[] occupancy;

    Crowd(Households households, int cells) {
        this.households = households;
        this.occupancy = new int[cells];
    }

    /** {@code persons} of a moving household are now on {@code cell}. */
    void enter(int cell, int persons) {
        occupancy[cell] += persons;
    }

    /** {@code persons} of a household are no longer moving on {@code cell}. */
    void leave(int cell, int persons) {
        occupancy[cell] -= persons;
    }

    /** A moving household of {@code persons} steps from its cell to {@code to}, carrying its occupancy. */
    void step(int h, int to, int persons) {
        occupancy[households.cell[h]] -= persons;
        occupancy[to] += persons;
        households.place(h, to);
    }

    int occupancy(int cell) {
        return occupancy[cell];
    }
}
