package org.safepassage.sim;

import org.safepassage.sim.rules.HazardRule;

/**
 * The civilian agents as a structure of arrays: household i's state is element i of each
 * array (MODEL.md 2). Member counts are per group; military-age men are a subset of adults.
 * Phase changes and member removals go through {@link Ledger}, which keeps the person
 * counts by neighbourhood and phase in step. Outside the model the arrays are read through
 * the public methods, which change nothing.
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
    /** A fighter's family: it stays while a group holding its home neighbourhood is there (ODD 7.1). */
    static final byte FIGHTER_FAMILY = (byte) 128;

    public final int count;
    /** See {@link #hearingVersion()}. */
    private long hearingVersion;
    /** Current cell (index y * width + x). */
    final int[] cell;
    final int[] home;
    /** Neighbourhood the household lived in at the start (it keeps it when it retreats elsewhere). */
    final short[] origin;
    final byte[] phase;
    final byte[] flags;
    final byte[] adults;
    final byte[] children;
    final byte[] elderly;
    final byte[] wounded;
    final byte[] militaryAgeMen;
    /** Individual trust in the pause (0..1) before the district-wide news shift. */
    final float[] trust;
    final float[] attachment;
    /** The household's own decision threshold (utility, ODD 7.1 "Threshold spread"); 0 when the spread is 0. */
    final float[] threshold;
    /** Chosen corridor, -1 for none. */
    final byte[] corridor;
    /** Preparation hours left (PREPARING) or walking minutes in hand (MOVING). */
    final float[] timer;
    /** Hours of patience left while the chosen corridor is closed. */
    final float[] patience;

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
        threshold = new float[count];
        corridor = new byte[count];
        timer = new float[count];
        patience = new float[count];
    }

    // ---- the read-only view (charts, GUI, tests) ----

    public int count() {
        return count;
    }

    public int cell(int h) {
        return cell[h];
    }

    public int home(int h) {
        return home[h];
    }

    public int origin(int h) {
        return origin[h];
    }

    /** Phase of household h ({@link HouseholdPhase}). */
    public byte phase(int h) {
        return phase[h];
    }

    public int adults(int h) {
        return adults[h];
    }

    public int children(int h) {
        return children[h];
    }

    public int elderly(int h) {
        return elderly[h];
    }

    public int wounded(int h) {
        return wounded[h];
    }

    public int militaryAgeMen(int h) {
        return militaryAgeMen[h];
    }

    /** Own trust of household h, before the district-wide shift. */
    public float ownTrust(int h) {
        return trust[h];
    }

    public float attachment(int h) {
        return attachment[h];
    }

    /** Chosen corridor of household h, -1 for none. */
    public int corridor(int h) {
        return corridor[h];
    }

    /** Preparation hours left (PREPARING) or walking minutes in hand (MOVING). */
    public float timer(int h) {
        return timer[h];
    }

    public float patience(int h) {
        return patience[h];
    }

    // ---- changes: each column has one owner that calls these (ODD 2) ----
    // phase, cell, home, corridor and members: the Ledger; own trust: News;
    // timer and patience: the decision and movement phases.

    /** Group codes for {@link #removeMember} and {@link #memberGroup}. */
    static final int ADULT = HazardRule.ADULT;
    static final int CHILD = HazardRule.CHILD;
    static final int ELDERLY = HazardRule.ELDERLY;
    static final int WOUNDED = HazardRule.WOUNDED;
    static final int MAN = 4;

    void setPhase(int h, byte p) {
        if (HouseholdPhase.inside(phase[h]) != HouseholdPhase.inside(p)) {
            hearingVersion++;
        }
        phase[h] = p;
    }

    void place(int h, int c) {
        cell[h] = c;
    }

    void setHome(int h, int c) {
        if (home[h] != c) {
            hearingVersion++;
        }
        home[h] = c;
    }

    void setCorridor(int h, int k) {
        corridor[h] = (byte) k;
    }

    /** Household h lives on {@code cell} of neighbourhood {@code origin}, and is there now (ODD 5). */
    void settle(int h, int c, int origin) {
        cell[h] = c;
        home[h] = c;
        this.origin[h] = (short) origin;
    }

    /** Household h's members by group (ODD 5); military-age men are counted among the adults. */
    void setMembers(int h, int adults, int children, int elderly, int wounded, int men) {
        this.adults[h] = (byte) adults;
        this.children[h] = (byte) children;
        this.elderly[h] = (byte) elderly;
        this.wounded[h] = (byte) wounded;
        this.militaryAgeMen[h] = (byte) men;
    }

    void setAttachment(int h, float a) {
        attachment[h] = a;
    }

    /** Household h's own offset of the decision threshold (ODD 7.1, threshold spread). */
    void setThreshold(int h, float offset) {
        threshold[h] = offset;
    }

    void setOwnTrust(int h, float t) {
        trust[h] = t;
    }

    void setTimer(int h, float value) {
        timer[h] = value;
    }

    void setPatience(int h, float hours) {
        patience[h] = hours;
    }

    /** Removes one member of a group (a military-age man is an adult; an adult who is not one if possible). */
    void removeMember(int h, int group) {
        switch (group) {
            case ADULT -> {
                if (adults[h] <= militaryAgeMen[h]) {
                    militaryAgeMen[h]--;
                }
                adults[h]--;
            }
            case MAN -> {
                militaryAgeMen[h]--;
                adults[h]--;
            }
            case CHILD -> children[h]--;
            case ELDERLY -> elderly[h]--;
            default -> wounded[h]--;
        }
    }

    /** The group of a member of h picked uniformly over its members by the uniform u ({@link HazardRule#victimGroup}). */
    int memberGroup(int h, double u) {
        return HazardRule.victimGroup(adults[h], children[h], elderly[h], wounded[h], u);
    }

    /** Wounds one unwounded member of h picked by the uniform u ({@link HazardRule#injuredGroup}); false when none is left. */
    boolean woundOne(int h, double u) {
        int group = HazardRule.injuredGroup(adults[h], children[h], elderly[h], u);
        if (group < 0) {
            return false;
        }
        removeMember(h, group);
        wounded[h]++;
        return true;
    }

    /** Whether household h's attachment is absolute (it never leaves through a corridor; ODD 5). */
    public boolean stays(int h) {
        return flag(h, STAYS);
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
        byte old = flags[h];
        flags[h] = (byte) (on ? flags[h] | bit : flags[h] & ~bit);
        if ((bit & AWARE) != 0 && old != flags[h]) {
            hearingVersion++;
        }
    }

    /**
     * How many times something word of mouth counts has changed: a household's home, whether it is
     * inside, whether it is aware. Equal values mean the counts by block are still right.
     */
    long hearingVersion() {
        return hearingVersion;
    }

    /** Bytes of state per household in these arrays. */
    public static int bytesPerHousehold() {
        return 4 + 4 + 2 + 1 + 1 + 5 + 4 + 4 + 1 + 4 + 4;
    }
}
