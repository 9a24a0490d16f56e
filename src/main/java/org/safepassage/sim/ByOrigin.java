package org.safepassage.sim;

/**
 * Persons by neighbourhood of origin ({@link Households#origin}): how many lived there at the
 * start, and how many of them have left, been killed or been detained. Kept by the
 * {@link Ledger} alone, whose verbs call the ones here.
 */
final class ByOrigin {
    private final long[] initial;
    private final long[] evacuated;
    private final long[] killed;
    private final long[] detained;

    ByOrigin(int hoods) {
        initial = new long[hoods];
        evacuated = new long[hoods];
        killed = new long[hoods];
        detained = new long[hoods];
    }

    void settled(int n, int persons) {
        initial[n] += persons;
    }

    void evacuated(int n, int persons) {
        evacuated[n] += persons;
    }

    void killedOne(int n) {
        killed[n]++;
    }

    void detainedOne(int n) {
        detained[n]++;
    }

    long initial(int n) {
        return initial[n];
    }

    long evacuated(int n) {
        return evacuated[n];
    }

    long killed(int n) {
        return killed[n];
    }

    long detained(int n) {
        return detained[n];
    }

    /** Share of neighbourhood n's first residents who have left the enclave (for social proof, ODD 7.1). */
    double shareLeft(int n) {
        return initial[n] == 0 ? 0 : (double) evacuated[n] / initial[n];
    }

    long evacuatedTotal() {
        long sum = 0;
        for (long e : evacuated) {
            sum += e;
        }
        return sum;
    }
}
