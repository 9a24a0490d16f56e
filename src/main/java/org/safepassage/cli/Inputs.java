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
