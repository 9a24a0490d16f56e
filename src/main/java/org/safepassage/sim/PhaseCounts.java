package org.safepassage.sim;

/**
 * Persons by household phase, overall and by home neighbourhood, and the households still
 * inside. Kept by the {@link Ledger} alone, whose verbs call the ones here.
 */
final class PhaseCounts {
    private final long[][] byHoodPhase;
    private final long[] byPhase = new long[HouseholdPhase.COUNT];
    private int householdsInside;

    PhaseCounts(int hoods, int households) {
        byHoodPhase = new long[hoods][HouseholdPhase.COUNT];
        householdsInside = households;
    }

    /** Persons of a household settled at the start, staying at home in neighbourhood n. */
    void settle(int n, int persons) {
        byHoodPhase[n][HouseholdPhase.STAYING] += persons;
        byPhase[HouseholdPhase.STAYING] += persons;
    }

    /** A household of {@code persons} living in neighbourhood n goes from one phase to another. */
    void move(int n, int from, int to, int persons) {
        byHoodPhase[n][from] -= persons;
        byPhase[from] -= persons;
        if (HouseholdPhase.inside(from) != HouseholdPhase.inside(to)) {
            householdsInside += HouseholdPhase.inside(to) ? 1 : -1;
        }
        byHoodPhase[n][to] += persons;
        byPhase[to] += persons;
    }

    /** A household of {@code persons} in a phase moves its home from neighbourhood {@code from} to {@code to}. */
    void moveHome(int from, int to, int phase, int persons) {
        byHoodPhase[from][phase] -= persons;
        byHoodPhase[to][phase] += persons;
    }

    /** One person of a household in a phase, living in neighbourhood n, is gone (killed or detained). */
    void removeOne(int n, int phase) {
        byHoodPhase[n][phase]--;
        byPhase[phase]--;
    }

    /** The last member of a household in a phase is gone: it no longer counts as a household inside. */
    void householdGone(int phase) {
        if (HouseholdPhase.inside(phase)) {
            householdsInside--;
        }
    }

    long in(int hood, int phase) {
        return byHoodPhase[hood][phase];
    }

    long of(int phase) {
        return byPhase[phase];
    }

    /** Persons inside the enclave (staying, preparing, moving, queued). */
    long inside() {
        return byPhase[HouseholdPhase.STAYING] + byPhase[HouseholdPhase.PREPARING] + byPhase[HouseholdPhase.MOVING]
                + byPhase[HouseholdPhase.QUEUED];
    }

    /** Persons living in neighbourhood {@code hood} now. */
    long insideOf(int hood) {
        long[] c = byHoodPhase[hood];
        return c[HouseholdPhase.STAYING] + c[HouseholdPhase.PREPARING] + c[HouseholdPhase.MOVING]
                + c[HouseholdPhase.QUEUED];
    }

    int householdsInside() {
        return householdsInside;
    }
}
