package org.safepassage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Printable;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.scenario.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code safepassage check FILE...}: checks scenario and study files, reporting every problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Checks scenario, episode and study files and their maps.",
        description = {"Checks scenario and study files (and their maps) without running them.",
            "Every problem is printed as FILE:LINE:COL: error: KEY.PATH: found; expected.",
            "Merges over an extends: base that are allowed but often not meant (an item appended under a",
            "new name, a list replacing a base list of named items) are printed as warnings.",
            "Exit code 0 when all files are fine, 2 when any is not."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario or study YAML files; - reads a scenario from standard input.")
    private List<Path> files;

    @Mixin
    private SharedOptions.Quiet quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path file : files) {
            List<Problem> problems = problemsOf(file);
            if (!Inputs.isStudy(file)) {
                for (Problem w : ScenarioLoader.warnings(file)) {
                    err.println(w.formatWarning());
                }
            }
            if (problems.isEmpty()) {
                if (!quiet.on()) {
                    out.println(Printable.escape(file.toString()) + ": ok");
                }
            } else {
                bad++;
                for (Problem p : problems) {
                    err.println(p.format());
                }
            }
        }
        if (bad > 0) {
            err.println(bad + " of " + files.size() + " file(s) have problems");
        }
        return bad == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    /** A study file is recognised by its top-level {@code base:} key. */
    static List<Problem> problemsOf(Path file) {
        try {
            if (StdinScenario.isDash(file)) {
                ScenarioLoader.loadText(StdinScenario.read(System.in).text(), StdinScenario.LABEL, List.of());
            } else if (Inputs.isStudy(file)) {
                StudyLoader.load(file);
            } else {
                ScenarioLoader.load(file);
            }
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        } catch (IOException e) {
            return List.of(new Problem(StdinScenario.LABEL, 0, 0, "", "cannot read standard input (" + e.getMessage()
                    + ")", "a scenario on standard input"));
        }
    }
}
