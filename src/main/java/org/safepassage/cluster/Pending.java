package org.safepassage.cluster;

/** Thrown where a search cannot go on until the work it handed to a job array is done. */
public final class Pending extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Pending() {
        super("work waits for a job array", null, false, false);
    }
}
