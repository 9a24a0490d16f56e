package org.safepassage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.safepassage.scenario.Limits;
import org.safepassage.scenario.Printable;

/**
 * File-system faults said in one line, path and cause: an output folder is checked before any
 * work (that it can be created or written, and has room for the outputs), and a fault met later
 * is reported the same way by {@link Main}, with exit code 1 and no stack trace.
 */
final class OutputFolder {

    /** Room asked for charts, manifests, reports and summaries besides a command's large tables. */
    static final long SMALL_OUTPUTS = 8L << 20;

    private OutputFolder() {
    }

    /**
     * Why outputs of about {@code bytesNeeded} bytes cannot be written into {@code dir}, as
     * "PATH: cause", or null when they can: the folder (or the nearest folder that exists on its
     * path, when it does not exist yet) takes a probe file, and its file system has the room.
     * Nothing is left behind.
     */
    static String problem(Path dir, long bytesNeeded) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return dir + ": no folder on the path exists";
        }
        if (!Files.isDirectory(existing)) {
            return existing + ": is a file, not a folder";
        }
        try {
            Path probe = Files.createTempFile(existing, ".safepassage-probe-", ".tmp");
            Files.delete(probe);
            if (!existing.equals(dir.toAbsolutePath().normalize())) {
                // the folders to create: a folder that takes a file takes folders too, unless it is read-only
                Path probeDir = Files.createTempDirectory(existing, ".safepassage-probe-");
                Files.delete(probeDir);
            }
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < bytesNeeded) {
                return existing + ": only " + Limits.bytes(free) + " free, the outputs need about "
                        + Limits.bytes(bytesNeeded);
            }
            return null;
        } catch (IOException e) {
            return Printable.escape(existing + ": cannot write here (" + cause(e) + ")");
        }
    }

    /** "PATH: cause" for a file-system fault (the path of the exception, else {@code fallback}). */
    static String describe(IOException e, Path fallback) {
        String path = fallback == null ? "" : fallback.toString();
        if (e instanceof FileSystemException f && f.getFile() != null) {
            path = f.getFile();
        }
        String cause = cause(e);
        return Printable.escape(path.isEmpty() ? cause : path + ": " + cause);
    }

    /** The cause of a file-system fault in words ("Permission denied", "No space left on device"). */
    static String cause(IOException e) {
        String cause = e.getMessage();
        if (e instanceof FileSystemException f) {
            cause = f.getReason() != null ? f.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof java.nio.file.DirectoryNotEmptyException ? "a folder that is not empty"
                    : e.getClass().getSimpleName();
        }
        return cause == null || cause.isBlank() ? e.getClass().getSimpleName() : cause;
    }

    /** The one line {@link Main} prints for a file-system fault that escaped a command, or null for other faults. */
    static String fault(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UncheckedIOException u) {
                return describe(u.getCause(), null);
            }
            if (c instanceof IOException io) {
                return describe(io, null);
            }
        }
        return null;
    }
}
