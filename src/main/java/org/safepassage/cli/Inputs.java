package org.safepassage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Study;
import org.safepassage.scenario.StudyLoader;
import org.safepassage.scenario.YamlNode;
import org.safepassage.scenario.YamlSource;

/** Small helpers shared by commands that read input files. */
final class Inputs {

    private Inputs() {
    }

    /** True when the file parses to a mapping with a top-level {@code base} key (a study). */
    static boolean isStudy(Path file) {
        List<Problem> ignored = new ArrayList<>();
        YamlNode tree = YamlSource.read(file, ignored);
        return tree != null && tree.isMapping() && tree.get("base") != null;
    }

    /**
     * Why {@code atOnce} runs of about {@code bytesPerRun} each (the estimate of
     * {@link org.safepassage.scenario.Limits#runBytes}) cannot fit this JVM's heap, or null.
     */
    static String memoryProblem(long bytesPerRun, int atOnce) {
        long max = Runtime.getRuntime().maxMemory();
        long need = bytesPerRun * atOnce;
        if (max == Long.MAX_VALUE || need <= max) {
            return null;
        }
        long fit = Math.max(0, max / Math.max(1, bytesPerRun));
        String what = atOnce == 1 ? "the run needs about " + org.safepassage.scenario.Limits.bytes(need) + " of memory"
                : "the runs need about " + org.safepassage.scenario.Limits.bytes(need) + " of memory (" + atOnce
                        + " at a time, about " + org.safepassage.scenario.Limits.bytes(bytesPerRun) + " each)";
        return what + "; this JVM may use " + org.safepassage.scenario.Limits.bytes(max) + ": "
                + (fit >= 1 && atOnce > 1 ? "use --threads " + fit + ", or " : "")
                + "give Java more memory (SAFEPASSAGE_JAVA_OPTS=-Xmx...)";
    }

    /** Loads a study, or prints its problems to {@code err} and returns null. */
    static Study loadStudy(Path file, PrintWriter err) {
        try {
            return StudyLoader.load(file);
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return null;
        }
    }
}
