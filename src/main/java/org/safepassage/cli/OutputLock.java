package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.safepassage.metrics.FolderLock;

/** Takes a command's output folder for this process ({@link FolderLock}), or says who holds it. */
final class OutputLock {

    private OutputLock() {
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
