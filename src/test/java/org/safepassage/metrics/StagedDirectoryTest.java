package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {

    @TempDir
    Path tmp;

    private long hidden() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void nothingIsSeenUntilPublishedAndANewFolderAppearsWhole() throws IOException {
        Path out = tmp.resolve("out");
        try (StagedDirectory staged = StagedDirectory.create(out)) {
            Files.writeString(staged.path().resolve("a.csv"), "a");
            assertFalse(Files.exists(out));
            staged.publish();
        }
        assertEquals("a", Files.readString(out.resolve("a.csv")));
        assertEquals(0, hidden(), "no temporary folder left");
    }

    @Test
    void publishingIntoAnExistingFolderReplacesItsFilesAndKeepsOthers() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("a.csv"), "old");
        Files.writeString(out.resolve("notes.txt"), "mine");
        try (StagedDirectory staged = StagedDirectory.create(out)) {
            Files.writeString(staged.path().resolve("a.csv"), "new");
            staged.publish();
        }
        assertEquals("new", Files.readString(out.resolve("a.csv")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(0, hidden());
    }

    @Test
    void closingWithoutPublishingLeavesNothing() throws IOException {
        Path out = tmp.resolve("out");
        try (StagedDirectory staged = StagedDirectory.create(out)) {
            Files.writeString(staged.path().resolve("half.csv"), "half");
            assertTrue(Files.exists(staged.path()));
        }
        assertFalse(Files.exists(out));
        assertEquals(0, hidden());
    }
}
