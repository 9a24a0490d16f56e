package org.safepassage.cli;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safepassage.gui.Designs;
import org.safepassage.gui.GuiLauncher;
import org.safepassage.gui.ScenarioSource;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code safepassage gui SCENARIO [SCENARIO_B]}: the teaching GUI (MASON Console, map, live
 * charts), for one design or two side by side.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        header = "Opens the teaching GUI on a scenario, or on two side by side.",
        description = {"Opens the teaching GUI on a scenario: the district map with households by phase, "
                + "corridors and their queues, the clock and pause state, live charts; play, pause, step; "
                + "double-click a household or corridor to inspect it; change the pause length, notice, monitoring "
                + "and corridor capacity on the Console's Model tab and the behaviour parameters on its Parameters "
                + "tab, then Stop and Play to run again. File > Save keeps the run as a checkpoint; File > Open goes on "
                + "with it.",
            "With two scenarios (or one and --set-b), the two designs run side by side in lockstep with the same "
                + "seed: both maps, a chart of persons out of both and a table of their figures with the difference."})
final class GuiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file ('-': read from standard input).")
    private Path scenarioFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIO_B",
            description = "A second design, shown beside the first with the same seed ('-': standard input).")
    private Path scenarioB;

    @Option(names = "--set-b", paramLabel = "KEY.PATH=VALUE",
            description = {"An override of the second design only (repeatable); without SCENARIO_B the second design is",
                "the first scenario with these overrides, e.g. --set-b 'corridors[*].monitoring=neutral'."})
    private List<String> setsB = new ArrayList<>();

    @Mixin
    private SharedOptions.Seed seedOption;
    private Long seed;

    @Mixin
    private SharedOptions.Overrides setsOption;
    private List<String> sets;

    @Option(names = "--steps", paramLabel = "N", hidden = true,
            description = "Unattended (tests, CI): play N ticks, save --screenshot, exit.")
    private Long steps;

    @Option(names = "--screenshot", paramLabel = "FILE", hidden = true, description = "PNG of the screen after --steps.")
    private Path screenshot;

    @Option(names = "--screenshot-tab", paramLabel = "TAB", hidden = true, defaultValue = "Model",
            description = "The Console's tab shown in the screenshot.")
    private String screenshotTab;

    @Option(names = "--checkpoint-trial", paramLabel = "FILE", hidden = true,
            description = "Unattended: after --steps, save a checkpoint to FILE, reopen it, play to the horizon and "
                    + "compare with an uninterrupted run (exit 1 when they differ).")
    private Path checkpointTrial;

    @Mixin
    private SharedOptions.Quiet quiet;

    @Override
    public Integer call() throws Exception {
        seed = seedOption.given();
        sets = setsOption.list();
        PrintWriter out = quiet.or(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        if ((steps == null) != (screenshot == null)) {
            err.println("gui: --steps and --screenshot go together");
            return ExitCode.BAD_INPUT;
        }
        if (steps != null && steps < 1) {
            err.println("gui: --steps: found " + steps + "; expected a positive number of ticks");
            return ExitCode.BAD_INPUT;
        }
        if (checkpointTrial != null && steps == null) {
            err.println("gui: --checkpoint-trial needs --steps and --screenshot");
            return ExitCode.BAD_INPUT;
        }
        if (StdinScenario.isDash(scenarioFile) && StdinScenario.isDash(scenarioB)) {
            err.println("gui: '-' (standard input) is given for both designs; expected it for one at most");
            return ExitCode.BAD_INPUT;
        }
        boolean two = scenarioB != null || !setsB.isEmpty();
        List<Path> files = two ? List.of(scenarioFile, scenarioB != null ? scenarioB : scenarioFile) : List.of(scenarioFile);
        List<ScenarioSource> sources = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            boolean dash = StdinScenario.isDash(f);
            try {
                sources.add(dash ? stdin() : ScenarioSource.ofFile(f));
                labels.add(dash ? StdinScenario.LABEL : f.getFileName().toString());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                break;
            }
        }
        Designs designs = null;
        try {
            designs = Designs.load(sources, labels, sets, setsB, seed);
        } catch (InvalidInputException e) {
            problems.addAll(0, e.problems());
        } catch (Designs.TickMismatch e) {
            err.println("gui: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (!problems.isEmpty()) {
            for (Problem p : problems) {
                err.println(p.format());
            }
            return ExitCode.BAD_INPUT;
        }
        if (GraphicsEnvironment.isHeadless()) {
            err.println("gui: no display; set DISPLAY, or run under xvfb-run (for pictures without a screen: run --maps)");
            return ExitCode.FAILED;
        }
        GuiLauncher gui = GuiLauncher.open(designs.sources(), designs.sets(), designs.loaded(), designs.names());
        if (steps == null) {
            gui.awaitClose();
            return ExitCode.OK;
        }
        boolean same = gui.captureAndTry(steps, screenshot, screenshotTab, checkpointTrial, out);
        return same ? ExitCode.OK : ExitCode.FAILED;
    }

    private ScenarioSource stdinSource;

    /** The scenario text on standard input, read once (both designs may not name it; checked above). */
    private ScenarioSource stdin() throws InvalidInputException, java.io.IOException {
        if (stdinSource == null) {
            stdinSource = ScenarioSource.ofText(StdinScenario.read(System.in).text(), StdinScenario.LABEL);
        }
        return stdinSource;
    }
}
