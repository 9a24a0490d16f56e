package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-folder lock: one holder at a time, its name in the file, stale locks taken over. */
class FolderLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondHolderIsRefusedWithTheFirstOnesHostAndPid() throws IOException {
        Path dir = tmp.resolve("out");
        try (FolderLock first = FolderLock.acquire(dir, "safepassage sweep a.yaml")) {
            assertNull(first.takenOver());
            String text = Files.readString(dir.resolve(FolderLock.FILE));
            assertTrue(text.contains("pid=" + ProcessHandle.current().pid() + "\n"), text);
            assertTrue(text.contains("host=" + FolderLock.host() + "\n"), text);
            FolderLock.HeldException e = assertThrows(FolderLock.HeldException.class,
                    () -> FolderLock.acquire(dir, "safepassage sweep b.yaml"));
            assertTrue(e.getMessage().startsWith(dir + " is in use by process " + ProcessHandle.current().pid() + " on "
                    + FolderLock.host()), e.getMessage());
            assertTrue(e.getMessage().contains("safepassage sweep a.yaml"), e.getMessage());
        }
        assertEquals(0, Files.size(dir.resolve(FolderLock.FILE)), "released: the file is emptied");
        try (FolderLock again = FolderLock.acquire(dir, "safepassage sweep b.yaml")) {
            assertNull(again.takenOver());
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOver() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        long dead = p.pid();
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FolderLock.FILE), "host=" + FolderLock.host() + "\npid=" + dead
                + "\nsince=2026-01-01T00:00:00Z\ncommand=safepassage sweep x.yaml\n");
        try (FolderLock lock = FolderLock.acquire(dir, "safepassage sweep x.yaml --resume")) {
            assertTrue(lock.takenOver().contains("left by process " + dead + " on " + FolderLock.host()),
                    lock.takenOver());
        }
    }
}
