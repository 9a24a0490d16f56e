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
import org.safepassage.scenario.Scenario;
import sim.display.Console;

/** Opens the GUI, and for tests and CI runs it unattended and takes a screenshot. */
public final class GuiLauncher {

    private final Console console;
    private final EvacuationGui gui;

    private GuiLauncher(Console console, EvacuationGui gui) {
        this.console = console;
        this.gui = gui;
    }

    public Console console() {
        return console;
    }

    public EvacuationGui gui() {
        return gui;
    }

    /** Opens the Console and the map window on the Swing thread. */
    public static GuiLauncher open(Path file, List<String> sets, Scenario scenario) throws Exception {
        AtomicReference<GuiLauncher> out = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            EvacuationGui gui = new EvacuationGui(file, sets, scenario);
            Console c = new Console(gui);
            // the Console in the strip the map window leaves at the right of the screen
            java.awt.Rectangle screen = EvacuationGui.screenArea();
            int right = gui.frame() == null ? screen.x : gui.frame().getX() + gui.frame().getWidth();
            int width = Math.max(EvacuationGui.CONSOLE_WIDTH, screen.x + screen.width - right);
            c.setSize(width, gui.frame() == null ? c.getHeight() : Math.max(400, gui.frame().getHeight()));
            c.setLocation(Math.max(screen.x, Math.min(right, screen.x + screen.width - width)), screen.y);
            c.setVisible(true);
            out.set(new GuiLauncher(c, gui));
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
        SwingUtilities.invokeAndWait(() -> {
            console.setWhenShouldPause(steps);
            console.pressPlay();
        });
        long deadline = System.currentTimeMillis() + timeoutMillis;
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
        long done = gui.state.schedule.getSteps();
        Thread.sleep(1500);
        SwingUtilities.invokeAndWait(() -> {
            showTab(console, "Model");
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
        return done;
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
    public void close() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            gui.quit();
            console.dispose();
        });
    }
}
