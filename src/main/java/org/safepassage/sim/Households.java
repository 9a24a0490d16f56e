package org.safepassage.sim;

/**
 * The civilian agents as a structure of arrays: household i's state is element i of each
 * array (MODEL.md 2). Member counts are per group; military-age men are a subset of adults.
 * Phase changes and member removals go through {@link District}, which keeps the person
 * counts by neighbourhood and phase in step.
 */
public final class Households {

    /** Flag bits. */
    static final byte AWARE = 1;
    static final byte CHECKED = 2;
    static final byte READY = 4;
    static final byte REROUTED = 8;
    static final byte IN_MOVING_LIST = 16;
    static final byte IN_PREPARING_LIST = 32;
    /** Attachment is absolute: the household never decides to leave through a corridor. */
    static final byte STAYS = 64;

    public final int count;
    /** Current cell (index y * width + x). */
    public final int[] cell;
    public final int[] home;
    /** Neighbourhood the household lived in at the start (it keeps it when it retreats elsewhere). */
    public final short[] origin;
    public final byte[] phase;
    public final byte[] flags;
    public final byte[] adults;
    public final byte[] children;
    public final byte[] elderly;
    public final byte[] wounded;
    public final byte[] militaryAgeMen;
    /** Individual trust in the pause (0..1) before the district-wide news shift. */
    public final float[] trust;
    public final float[] attachment;
    /** Chosen corridor, -1 for none. */
    public final byte[] corridor;
    /** Preparation hours left (PREPARING) or walking minutes in hand (MOVING). */
    public final float[] timer;
    /** Hours of patience left while the chosen corridor is closed. */
    public final float[] patience;

    Households(int count) {
        this.count = count;
        cell = new int[count];
        home = new int[count];
        origin = new short[count];
        phase = new byte[count];
        flags = new byte[count];
        adults = new byte[count];
        children = new byte[count];
        elderly = new byte[count];
        wounded = new byte[count];
        militaryAgeMen = new byte[count];
        trust = new float[count];
        attachment = new float[count];
        corridor = new byte[count];
        timer = new float[count];
        patience = new float[count];
    }

    /** Persons still with the household (not killed or detained). */
    public int members(int h) {
        return adults[h] + children[h] + elderly[h] + wounded[h];
    }

    public boolean aware(int h) {
        return (flags[h] & AWARE) != 0;
    }

    boolean flag(int h, byte bit) {
        return (flags[h] & bit) != 0;
    }

    void set(int h, byte bit, boolean on) {
        flags[h] = (byte) (on ? flags[h] | bit : flags[h] & ~bit);
    }

    /** Bytes of state per household in these arrays. */
    public static int bytesPerHousehold() {
        return 4 + 4 + 2 + 1 + 1 + 5 + 4 + 4 + 1 + 4 + 4;
    }
}
