package org.safepassage.sim;

/** Household phases (ODD 2; not to be confused with the tick phases, the {@code *Phase} steppables). KILLED and DETAINED are counted per person, not per household. */
public final class HouseholdPhase {
    public static final byte STAYING = 0;
    public static final byte PREPARING = 1;
    public static final byte MOVING = 2;
    public static final byte QUEUED = 3;
    public static final byte EVACUATED = 4;
    /** Left across the front line at a front shift (counted as evacuated, not through a corridor). */
    public static final byte CROSSED = 5;
    /** Every member killed or detained. */
    public static final byte GONE = 6;
    public static final int COUNT = 7;

    private static final String[] NAMES = {"staying", "preparing", "moving", "queued", "evacuated", "crossed", "gone"};

    private HouseholdPhase() {
    }

    public static String name(int phase) {
        return NAMES[phase];
    }

    /** Still inside the enclave (staying, preparing, moving or queued). */
    public static boolean inside(int phase) {
        return phase <= QUEUED;
    }
}
