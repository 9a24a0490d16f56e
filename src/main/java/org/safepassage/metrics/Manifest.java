package org.safepassage.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What is needed to reproduce an output: inputs and their hashes, parameters, seed, versions. */
public final class Manifest {

    /**
     * The one locale charts and reports write numbers in, whatever the JVM's: digits 0-9, '.'
     * for decimals, ',' between thousands. Recorded in every manifest as {@code numberLocale}.
     */
    public static final java.util.Locale NUMBER_LOCALE = java.util.Locale.ROOT;

    private Manifest() {
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files as a manifest records its inputs: per file its path and SHA-256, in the order given. */
    public static java.util.List<Map<String, Object>> hashed(java.util.List<Path> files) throws IOException {
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Path f : files) {
            out.add(Map.of("file", f.toString(), "sha256", sha256(f)));
        }
        return out;
    }

    /** SHA-256 of {@code bytes}, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project version from the jar's manifest, "dev" when run from classes without one. */
    public static String projectVersion() {
        String v = Manifest.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** Fields every manifest has: project version, git commit (if known), Java version, machine. */
    public static Map<String, Object> base(String projectVersion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", "safepassage");
        m.put("projectVersion", projectVersion);
        m.put("numberLocale", "ROOT (digits 0-9, '.' decimals, ',' thousands; the same in every JVM locale)");
        String commit = gitCommit();
        if (commit != null) {
            m.put("gitCommit", commit);
        }
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("javaVendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("processors", Runtime.getRuntime().availableProcessors());
        // an instant in UTC (2026-12-06T14:40:00Z): comparable across machines and time zones
        m.put("createdAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return m;
    }

    /**
     * The git commit the program was built from (recorded at build time, "-modified" when the
     * build had uncommitted changes); when the build recorded none, the working directory's
     * checkout; null when neither is known.
     */
    public static String gitCommit() {
        String built = builtFrom();
        return built != null ? built : checkedOut();
    }

    /** The commit recorded in git.properties at build time, or null. */
    static String builtFrom() {
        try (var in = Manifest.class.getResourceAsStream("/org/safepassage/git.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id.full", "");
            if (!id.matches("[0-9a-f]{40}")) {
                return null;
            }
            return "true".equals(p.getProperty("git.dirty")) ? id + "-modified" : id;
        } catch (IOException e) {
            return null;
        }
    }

    /** The git commit of the working directory's checkout, or null when not in git or git is absent. */
    static String checkedOut() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("[0-9a-f]{40}")) {
                return null;
            }
            Process dirty = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            String changes = new String(dirty.getInputStream().readAllBytes()).trim();
            dirty.waitFor(5, TimeUnit.SECONDS);
            return changes.isEmpty() ? out : out + "-modified";
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
