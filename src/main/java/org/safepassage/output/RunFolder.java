package org.safepassage.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.safepassage.metrics.RunWriter;
import org.safepassage.metrics.StagedDirectory;

/**
 * A {@code run} folder holds exactly one run. A new run may go into a folder that does not exist,
 * is empty, or holds an earlier run (its manifest.json says {@code safepassage run}), which it
 * replaces whole; any other folder is refused, so that a mistaken {@code --out} never deletes
 * or mixes with files that are not a run's.
 */
public final class RunFolder {

    private RunFolder() {
    }

    /** Why a run may not be written into {@code dir}, or null. */
    public static String occupied(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                return null;
            }
        } catch (IOException e) {
            return null; // the output-folder check reports what cannot be read or written
        }
        if (holdsARun(dir)) {
            return null;
        }
        return "'" + dir + "' holds files that are not a run's (no manifest.json of 'safepassage run'); "
                + "a run replaces its folder whole, so choose a new or empty folder";
    }

    private static boolean holdsARun(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            JsonNode m = RunWriter.json().readTree(manifest.toFile());
            return m.path("command").asText().startsWith("safepassage run ");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Puts the staged run in place of {@code dir}: an earlier run there is first renamed aside
     * (a hidden sibling), the staged folder is renamed to {@code dir}, then the earlier run is
     * deleted. At every moment {@code dir} holds one whole run or nothing.
     */
    public static void replace(Path dir, StagedDirectory staged) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path aside = null;
        if (Files.exists(target)) {
            aside = target.resolveSibling("." + target.getFileName() + ".old-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            staged.publish();
        } catch (IOException e) {
            if (aside != null && !Files.exists(target)) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE); // put the earlier run back
            }
            throw e;
        }
        if (aside != null) {
            try (Stream<Path> s = Files.walk(aside)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
