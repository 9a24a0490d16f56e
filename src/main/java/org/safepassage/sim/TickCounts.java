package org.safepassage.sim;

/**
 * What happened this tick, for the news of the next (ODD 7.3): decisions to leave, persons who
 * left, deaths by neighbourhood. The {@link Ledger} records them as its verbs act; the
 * information phase takes them (and so sets them back to zero).
 */
final class TickCounts {

    private final long[] deathsThisTick;
    private long evacuatedThisTick;
    private int decisionsThisTick;

    TickCounts(int hoods) {
        this.deathsThisTick = new long[hoods];
    }

    /** A household decided to leave. */
    void decided() {
        decisionsThisTick++;
    }

    /** {@code persons} left the enclave. */
    void left(long persons) {
        evacuatedThisTick += persons;
    }

    /** One person of neighbourhood n died. */
    void died(int n) {
        deathsThisTick[n]++;
    }

    /** Starts a tick: the counts "this tick" go back to zero where the next reader has not already taken them. */
    void startTick() {
        decisionsThisTick = 0;
    }

    /** Persons who left this tick since last taken, and zero again (the news of safe crossings, ODD 7.3). */
    long takeEvacuatedThisTick() {
        long n = evacuatedThisTick;
        evacuatedThisTick = 0;
        return n;
    }

    /** Deaths in neighbourhood n since last taken, and zero again (the news of local danger, ODD 7.3). */
    long takeDeaths(int n) {
        long k = deathsThisTick[n];
        deathsThisTick[n] = 0;
        return k;
    }

    int decisionsThisTick() {
        return decisionsThisTick;
    }
}
