package org.safepassage.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes files through a temporary file in the same folder and a rename, so no half file is ever
 * seen. The temporary file is flushed to the disk (fsync) before the rename and the folder after
 * it, so that after a power loss the target holds either its old or its new contents in full.
 */
public final class AtomicFiles {

    /** Something that writes text to a writer. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    /** Something that writes bytes to a file path. */
    @FunctionalInterface
    public interface FileBody {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        });
    }

    /** The UTF-8 byte-order mark (EF BB BF) that Excel on Windows needs to read a CSV file as UTF-8. */
    static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * Puts a UTF-8 byte-order mark at the start of each {@code .csv} file directly in {@code dir}
     * that has none, each file replaced atomically; the cells are not touched. For output folders
     * the program does not read back (run, compare, validate).
     */
    public static void addByteOrderMarks(Path dir) throws IOException {
        List<Path> csvs;
        try (Stream<Path> files = Files.list(dir)) {
            csvs = files.filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f)).sorted()
                    .toList();
        }
        for (Path csv : csvs) {
            byte[] head = new byte[3];
            try (InputStream in = Files.newInputStream(csv)) {
                if (in.readNBytes(head, 0, 3) == 3 && Arrays.equals(head, BYTE_ORDER_MARK)) {
                    continue;
                }
            }
            write(csv, tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    out.write(BYTE_ORDER_MARK);
                    Files.copy(csv, out);
                }
            });
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }

    /** Lets {@code body} write a temporary file next to {@code target}, then renames it into place. */
    public static void write(Path target, FileBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // createFile (not createTempFile, which makes owner-only files) so outputs get the usual permissions
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            try {
                tmp = Files.createFile(dir.resolve("." + target.getFileName() + "."
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
        try {
            body.write(tmp);
            sync(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Flushes a file's contents to the disk (fsync). */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Flushes a folder's entries (names created, renamed or removed) to the disk, where the
     * system allows opening a folder (POSIX); elsewhere (Windows) a no-op.
     */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
