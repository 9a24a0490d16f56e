package org.safepassage.cli;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.safepassage.gui.GuiLauncher;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code safepassage gui SCENARIO}: the teaching GUI (MASON Console, map, live charts). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        header = "Opens the teaching GUI on a scenario.",
        description = "Opens the teaching GUI on a scenario: the district map with households by phase, "
                + "corridors and their queues, the clock and pause state, live charts; play, pause, step; "
                + "double-click a household or corridor to inspect it; change the pause length, notice, monitoring "
                + "and corridor capacity on the Console's Model tab, then Stop and Play to run again.")
final class GuiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
    private Path scenarioFile;

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
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(scenarioFile, sets).scenario();
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                err.println(p.format());
            }
            return ExitCode.BAD_INPUT;
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        if (GraphicsEnvironment.isHeadless()) {
            err.println("gui: no display; set DISPLAY, or run under xvfb-run (for pictures without a screen: run --maps)");
            return ExitCode.FAILED;
        }
        GuiLauncher gui = GuiLauncher.open(scenarioFile, sets, scenario);
        if (steps == null) {
            gui.awaitClose();
            return ExitCode.OK;
        }
        long done = gui.playAndCapture(Math.min(steps, scenario.clock().ticks()), screenshot, 300_000);
        gui.close();
        out.println("gui: " + done + " ticks played; screenshot " + screenshot);
        return ExitCode.OK;
    }
}
