package org.safepassage.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One process at a time in an output folder. The folder holds {@value #FILE}, naming the host,
 * process id, start time and command of the process that works in it. The lock itself is an
 * operating-system lock on that file ({@link FileChannel#tryLock}), which the system releases
 * when the process dies, so a lock file left by a killed process is simply taken over. Where
 * the file system refuses such locks (some network file systems), the file's contents decide:
 * a lock of another host, or of a live process on this host, stops the second process; a lock
 * of a dead process on this host is taken over. The file stays in the folder (emptied on
 * release): deleting it would let two processes lock two different files of one name.
 */
public final class FolderLock implements AutoCloseable {

    public static final String FILE = ".safepassage.lock";

    /** The folder is in use by another process (or another command of this one). */
    public static final class HeldException extends IOException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final String takenOver;

    private FolderLock(FileChannel channel, FileLock lock, String takenOver) {
        this.channel = channel;
        this.lock = lock;
        this.takenOver = takenOver;
    }

    /**
     * Creates the folder if needed and locks it for this process.
     *
     * @param command what the process does there (written into the lock file for whoever finds it)
     * @throws HeldException when another live process holds the folder
     */
    public static FolderLock acquire(Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Map<String, String> previous = read(channel);
            FileLock lock = null;
            boolean supported = true;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw held(dir, previous); // this process holds it already
            } catch (IOException e) {
                supported = false; // no locks on this file system: the file's contents decide
            }
            if (supported ? lock == null : aliveElsewhere(previous)) {
                throw held(dir, previous);
            }
            String stale = previous.isEmpty() ? null
                    : "took over " + file + " left by process " + previous.get("pid") + " on " + previous.get("host")
                    + " (no longer running)";
            write(channel, command);
            return new FolderLock(channel, lock, stale);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A note when this lock replaced a stale one, else null. */
    public String takenOver() {
        return takenOver;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            channel.force(true);
        } finally {
            try {
                if (lock != null) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }

    /** The name of this machine, as written into lock files. */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown-host";
        }
    }

    private static boolean aliveElsewhere(Map<String, String> previous) {
        if (previous.isEmpty()) {
            return false;
        }
        if (!host().equals(previous.get("host"))) {
            return true; // cannot tell whether a process on another machine runs: assume it does
        }
        try {
            long pid = Long.parseLong(previous.getOrDefault("pid", ""));
            return pid != ProcessHandle.current().pid()
                    ? ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    : true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static HeldException held(Path dir, Map<String, String> holder) {
        String who = holder.isEmpty() ? "another process"
                : "process " + holder.get("pid") + " on " + holder.get("host") + " (since " + holder.get("since")
                + ": " + holder.get("command") + ")";
        return new HeldException(dir + " is in use by " + who + "; wait until it ends, or use another output "
                + "folder (if no such process runs, remove " + dir.resolve(FILE) + ")");
    }

    private static Map<String, String> read(FileChannel channel) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        long size = channel.size();
        if (size == 0 || size > 1 << 16) {
            return m;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read all
        }
        for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private static void write(FileChannel channel, String command) throws IOException {
        String text = "host=" + host() + "\npid=" + ProcessHandle.current().pid() + "\nsince="
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\ncommand=" + command.replace('\n', ' ') + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }
}
