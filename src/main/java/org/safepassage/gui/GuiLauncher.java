package org.safepassage.gui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.safepassage.metrics.AtomicFiles;
import sim.display.Console;

/** Opens the GUI, and for tests and CI runs it unattended and takes a screenshot. */
public final class GuiLauncher {

    private final SafepassageConsole console;
    private final EvacuationGui gui;
    /** Ticks of the longest design as first loaded. */
    private final long horizonTicks;

    private GuiLauncher(SafepassageConsole console, EvacuationGui gui, long horizonTicks) {
        this.console = console;
        this.gui = gui;
        this.horizonTicks = horizonTicks;
    }

    public Console console() {
        return console;
    }

    public EvacuationGui gui() {
        return gui;
    }

    /**
     * Opens the Console and the map window on the Swing thread: one design, or two side by side.
     *
     * @param sources each design's scenario
     * @param sets each design's overrides from the command line
     * @param loaded each design as first loaded (the first one's seed is the seed of both)
     * @param names how the windows name the designs
     */
    public static GuiLauncher open(List<ScenarioSource> sources, List<List<String>> sets,
            List<org.safepassage.scenario.ScenarioLoader.Loaded> loaded, List<String> names) throws Exception {
        AtomicReference<GuiLauncher> out = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            EvacuationGui gui = new EvacuationGui(sources, sets, loaded, names);
            SafepassageConsole c = new SafepassageConsole(gui);
            c.getTabPane().addTab("Parameters", gui.inspector());
            // the Console in the strip the map window leaves at the right of the screen
            java.awt.Rectangle screen = EvacuationGui.screenArea();
            int right = gui.frame() == null ? screen.x : gui.frame().getX() + gui.frame().getWidth();
            int width = Math.max(EvacuationGui.CONSOLE_WIDTH, screen.x + screen.width - right);
            c.setSize(width, gui.frame() == null ? c.getHeight() : Math.max(400, gui.frame().getHeight()));
            c.setLocation(Math.max(screen.x, Math.min(right, screen.x + screen.width - width)), screen.y);
            c.setVisible(true);
            long horizon = 0;
            for (org.safepassage.scenario.ScenarioLoader.Loaded l : loaded) {
                horizon = Math.max(horizon, l.scenario().clock().ticks());
            }
            out.set(new GuiLauncher(c, gui, horizon));
        });
        return out.get();
    }

    /** Blocks until the user closes the Console. */
    public void awaitClose() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeLater(() -> console.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                closed.countDown();
            }

            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                closed.countDown();
            }
        }));
        closed.await();
    }

    /**
     * Plays the run until {@code steps} ticks are done (through the Console, as a user would),
     * lets the windows repaint, and saves a screenshot of the whole screen as PNG.
     *
     * @return the number of ticks done
     */
    public long playAndCapture(long steps, Path png, long timeoutMillis) throws Exception {
        return playAndCapture(steps, png, timeoutMillis, "Model");
    }

    /** As {@link #playAndCapture(long, Path, long)}, with the Console's tab of that title shown. */
    public long playAndCapture(long steps, Path png, long timeoutMillis, String tab) throws Exception {
        play(steps, timeoutMillis);
        long done = gui.state.schedule.getSteps();
        capture(png, tab);
        return done;
    }

    /** Plays until {@code steps} ticks are done (Long.MAX_VALUE: to the horizon), as the Play button does. */
    private void play(long steps, long timeoutMillis) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            console.setWhenShouldPause(steps);
            if (console.getPlayState() == Console.PS_PAUSED) {
                console.pressPause(); // a paused run goes on with Pause (Play would step it once)
            } else {
                console.pressPlay();
            }
        });
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Thread.sleep(200);
        while (System.currentTimeMillis() < deadline) {
            int state = console.getPlayState();
            if (state == Console.PS_PAUSED || state == Console.PS_STOPPED) {
                break;
            }
            Thread.sleep(100);
        }
        if (console.getPlayState() == Console.PS_PLAYING) {
            SwingUtilities.invokeAndWait(console::pressPause);
            throw new IllegalStateException("the run did not reach " + steps + " ticks in " + timeoutMillis / 1000 + " s");
        }
    }

    /**
     * The checkpoint trial (CI): saves the paused run as a checkpoint through the Console, stops,
     * opens the checkpoint, plays on to the horizon, and compares every design's final figures
     * with an uninterrupted run of the same scenario and seed.
     *
     * @return one line per design: the figures of both runs, and whether they are the same
     */
    public List<String> checkpointTrial(Path file, long timeoutMillis) throws Exception {
        AtomicReference<String> problem = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> problem.set(console.save(file)));
        if (problem.get() != null) {
            throw new IllegalStateException(problem.get());
        }
        long saved = gui.state.schedule.getSteps();
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            problem.set(console.open(file));
        });
        if (problem.get() != null) {
            throw new IllegalStateException(problem.get());
        }
        long reopened = gui.state.schedule.getSteps();
        if (reopened != saved) {
            throw new IllegalStateException("the checkpoint of tick " + saved + " reopened at tick " + reopened);
        }
        play(Long.MAX_VALUE, timeoutMillis);
        List<String> lines = new java.util.ArrayList<>();
        GuiCheckpoint c = GuiCheckpoint.read(file);
        List<org.safepassage.sim.Evacuation> runs = gui.lockstep().runs();
        List<org.safepassage.scenario.Scenario> scenarios = c.scenarios();
        for (int i = 0; i < runs.size(); i++) {
            String resumed = figures(runs.get(i).district());
            String straight = figures(org.safepassage.metrics.SingleRun.run(scenarios.get(i)).model().district());
            lines.add((resumed.equals(straight) ? "same" : "DIFFERENT") + ": saved at tick " + saved + ", reopened and "
                    + "played on: " + resumed + "; uninterrupted: " + straight);
        }
        return lines;
    }

    private static String figures(org.safepassage.sim.District d) {
        return "tick " + d.tick() + ", out " + d.evacuated() + ", killed " + d.killed() + ", detained " + d.detained()
                + ", inside " + d.personsInside() + ", injured " + d.injured();
    }

    /** Lets the windows repaint and saves a screenshot of them, with the Console's tab of that title shown. */
    public void capture(Path png, String tab) throws Exception {
        Thread.sleep(1500);
        SwingUtilities.invokeAndWait(() -> {
            showTab(console, tab);
            if (gui.frame() != null) {
                gui.frame().repaint();
            }
            console.repaint();
        });
        Thread.sleep(800);
        BufferedImage shot = new Robot().createScreenCapture(windowsArea());
        AtomicFiles.write(png, tmp -> {
            if (!ImageIO.write(shot, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Selects the Console's tab of that title (the model inspector shows what a teacher can change). */
    private static void showTab(java.awt.Container c, String title) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.JTabbedPane tabs) {
                int i = tabs.indexOfTab(title);
                if (i >= 0) {
                    tabs.setSelectedIndex(i);
                    return;
                }
            }
            if (child instanceof java.awt.Container inner) {
                showTab(inner, title);
            }
        }
    }

    /** The part of the screen the Console and the map window cover (the whole screen if unknown). */
    private Rectangle windowsArea() throws Exception {
        AtomicReference<Rectangle> area = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Rectangle r = console.getBounds();
            if (gui.frame() != null) {
                r = r.union(gui.frame().getBounds());
            }
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            area.set(r.intersection(screen));
        });
        Rectangle r = area.get();
        return r.isEmpty() ? new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()) : r;
    }

    /** Closes the windows. */
    /**
     * For the hidden {@code --steps}/{@code --screenshot} options (CI's look at the GUI): plays
     * {@code steps} ticks (at most to the longest design's horizon), saves the screenshot of
     * {@code tab}, with {@code checkpointTrial} also saves, reopens and compares a checkpoint
     * there, prints what it did and closes the window.
     *
     * @return false when a checkpoint trial found a difference
     */
    public boolean captureAndTry(long steps, Path png, String tab, Path checkpointTrial, java.io.PrintWriter out)
            throws Exception {
        long done = playAndCapture(Math.min(steps, horizonTicks), png, 300_000, tab);
        boolean same = true;
        if (checkpointTrial != null) {
            for (String line : checkpointTrial(checkpointTrial, 600_000)) {
                out.println("gui: checkpoint " + line);
                same &= line.startsWith("same");
            }
        }
        close();
        out.println("gui: " + done + " ticks played; screenshot " + png);
        return same;
    }

    public void close() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            gui.quit();
            console.dispose();
        });
    }
}
