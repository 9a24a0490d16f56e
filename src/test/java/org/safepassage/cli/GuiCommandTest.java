package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * gui without a screen (the tests run headless): bad input is refused first (exit 2), then the
 * missing display is said plainly (exit 1). The GUI itself is exercised by .ci/gui-check under Xvfb.
 */
class GuiCommandTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void withoutADisplayItSaysSoAndPointsToMapPictures() {
        String[] r = run("gui", "scenarios/teaching.yaml");
        assertEquals(Integer.toString(ExitCode.FAILED), r[0]);
        assertTrue(r[1].contains("no display") && r[1].contains("xvfb-run") && r[1].contains("--maps"), r[1]);
    }

    @Test
    void aBadScenarioIsRefusedBeforeAnyWindow() {
        String[] r = run("gui", "scenarios/teaching.yaml", "--set", "clock.tickMinutes=zero");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), r[0]);
        assertTrue(r[1].contains("clock.tickMinutes"), r[1]);
    }

    @Test
    void stepsAndScreenshotGoTogether() {
        String[] r = run("gui", "scenarios/teaching.yaml", "--steps", "10");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), r[0]);
        assertTrue(r[1].contains("--steps and --screenshot go together"), r[1]);
        String[] zero = run("gui", "scenarios/teaching.yaml", "--steps", "0", "--screenshot", "x.png");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), zero[0]);
    }

    @Test
    void twoDesignsWithOtherTickLengthsAreRefusedBeforeAnyWindow() {
        String[] r = run("gui", "scenarios/teaching.yaml", "--set-b", "clock.tickMinutes=10");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), r[0]);
        assertTrue(r[1].contains("ticks of 5 and 10 minutes") && r[1].contains("--set-b clock.tickMinutes=5"), r[1]);
        String[] b = run("gui", "scenarios/teaching.yaml", "scenarios/teaching.yaml", "--set-b", "colour=red");
        assertEquals(Integer.toString(ExitCode.BAD_INPUT), b[0], "a bad override of the second design: " + b[1]);
    }
}
