package org.safepassage.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of outputs written in full before anyone sees it: files go into a hidden temporary
 * folder next to the target, and {@link #publish} moves them into place (the whole folder in one
 * rename when the target does not exist yet, otherwise file by file, each replaced atomically;
 * other files already in the target are left alone). Closing without publishing deletes the
 * temporary folder, so a failure leaves nothing half-written.
 */
public final class StagedDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean published;

    private StagedDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates the temporary folder next to {@code target} (creating target's parent folders). */
    public static StagedDirectory create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        // createDirectory (not createTempDirectory) so the folder gets the usual permissions (umask)
        for (int attempt = 0; ; attempt++) {
            Path staging = parent.resolve("." + absolute.getFileName() + ".tmp-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                return new StagedDirectory(absolute, Files.createDirectory(staging));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Where to write the outputs until they are published. */
    public Path path() {
        return staging;
    }

    /** Moves the outputs into the target folder. Sub-folders are not supported (outputs are flat). */
    public void publish() throws IOException {
        List<Path> staged;
        try (Stream<Path> s = Files.list(staging)) {
            staged = s.sorted().toList();
        }
        for (Path f : staged) {
            if (Files.isRegularFile(f)) {
                AtomicFiles.sync(f); // contents on disk before any rename makes them visible
            }
        }
        AtomicFiles.syncDirectory(staging);
        Path parent = target.getParent();
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(parent);
                published = true;
                return;
            } catch (AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(staging)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            Path to = target.resolve(f.getFileName().toString());
            try {
                Files.move(f, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        AtomicFiles.syncDirectory(target);
        published = true;
        deleteTree(staging);
    }

    @Override
    public void close() throws IOException {
        if (!published) {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
