package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.safepassage.metrics.FolderLock;

/** Takes a command's output folder for this process ({@link FolderLock}), or says who holds it. */
final class OutputLock {

    /** A command's work in a folder it holds the lock of; returns the exit code. */
    interface Work {
        int run() throws IOException, InterruptedException;
    }

    private OutputLock() {
    }

    /**
     * Takes the folder's lock, does {@code work} and lets the lock go, whatever happens; without
     * the lock (another process holds it) prints who holds it and returns {@link ExitCode#FAILED}.
     */
    static int holding(Path dir, String command, String name, PrintWriter err, boolean quiet, Work work)
            throws IOException, InterruptedException {
        FolderLock lock = take(dir, command, name, err, quiet);
        if (lock == null) {
            return ExitCode.FAILED;
        }
        try (lock) {
            return work.run();
        }
    }

    /**
     * The folder's lock, or null after printing "COMMAND: error: DIR is in use by ..." (the
     * caller then exits with {@link ExitCode#FAILED}: the input is fine, the folder is busy).
     */
    static FolderLock take(Path dir, String command, String name, PrintWriter err, boolean quiet) throws IOException {
        try {
            FolderLock lock = FolderLock.acquire(dir, command);
            if (lock.takenOver() != null && !quiet) {
                err.println(name + ": " + lock.takenOver());
            }
            return lock;
        } catch (FolderLock.HeldException e) {
            err.println(name + ": error: " + e.getMessage());
            return null;
        }
    }
}
