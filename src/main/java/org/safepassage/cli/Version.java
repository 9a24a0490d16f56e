package org.safepassage.cli;

import org.safepassage.metrics.Manifest;
import picocli.CommandLine;

/** The version printed by {@code --version}, read from the jar's manifest or the build. */
public final class Version implements CommandLine.IVersionProvider {

    /** The project version, "dev" when run from classes without a manifest. */
    public static String project() {
        return Manifest.projectVersion();
    }

    /** The program as the manifests' {@code inputs} record it: version and git commit ("unknown" when not known). */
    public static String program() {
        String commit = org.safepassage.metrics.Manifest.gitCommit();
        return project() + " " + (commit != null ? commit : "unknown");
    }

    @Override
    public String[] getVersion() {
        String commit = Manifest.gitCommit();
        return new String[] {"safepassage " + project() + (commit != null ? " (commit " + commit + ")" : ""),
            "Java " + System.getProperty("java.version")};
    }
}
