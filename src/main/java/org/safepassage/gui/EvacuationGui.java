package org.safepassage.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;
import org.safepassage.sim.District;
import org.safepassage.sim.Evacuation;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;

/**
 * The teaching GUI: wraps one {@link Evacuation} run in MASON's Console (play, pause, step,
 * stop; the model inspector holds {@link GuiParameters}) and a window with the map
 * ({@link Display2D} with a {@link DistrictPortrayal}) and, beside it, the clock, the pause
 * state, live charts and the legend. Each start builds a new run from the scenario file, the
 * command line's overrides and the inspector's settings. The model knows nothing of this.
 */
public final class EvacuationGui extends GUIState {

    private static final int MAP_BOX_WIDTH = 720;
    private static final int MAP_BOX_HEIGHT = 760;
    /** Width left for MASON's Console at the right of the screen, so it hides neither map nor charts. */
    static final int CONSOLE_WIDTH = 400;
    /** Width the live figures (330) and charts (at least 200) need beside the map. */
    private static final int LIVE_WIDTH = 560;

    private final Path file;
    private final List<String> sets;
    private final GuiParameters parameters;
    private Scenario scenario;
    private final DistrictPortrayal portrayal = new DistrictPortrayal();
    private Display2D display;
    private JFrame frame;
    private LivePanel live;

    /**
     * @param file the scenario file (reloaded at every start)
     * @param sets the command line's overrides
     * @param loaded the scenario as first loaded (with the command line's seed, if any)
     */
    public EvacuationGui(Path file, List<String> sets, Scenario loaded) {
        super(new Evacuation(loaded));
        this.file = file;
        this.sets = List.copyOf(sets);
        this.scenario = loaded;
        this.parameters = new GuiParameters(loaded);
    }

    public static String getName() {
        return "safepassage";
    }

    /** The Console's "About" tab. */
    public static Object getInfo() {
        return "<html><body style='font-family:sans-serif'><h2>safepassage: civilians leaving a besieged district</h2>"
                + "<p>Households (dots) hear of a humanitarian pause, decide whether to leave, pack, walk to a "
                + "corridor and queue at its capacity. Colours: <b>grey</b> staying, <b>amber</b> preparing, "
                + "<b>orange</b> walking, <b>crimson</b> queued. Corridors are green when open, grey when closed, "
                + "red during a clash; the pink halo is the queue.</p>"
                + "<p><b>Play</b> runs the scenario, <b>Pause</b> and <b>Step</b> go tick by tick (5 minutes). "
                + "Double-click a dot or a corridor to inspect it (Inspectors tab). On the <b>Model</b> tab change the pause length, the "
                + "notice, who monitors the corridors and their capacity; press <b>Stop</b>, then <b>Play</b> to "
                + "run again with the new settings.</p></body></html>";
    }

    @Override
    public Object getSimulationInspectedObject() {
        return parameters;
    }

    public GuiParameters parameters() {
        return parameters;
    }

    private Evacuation evacuation() {
        return (Evacuation) state;
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        District d = evacuation().district();
        // the map, the live charts and the Console side by side on the screen (1366 x 768 classroom
        // projectors included): the map's box shrinks to what is left
        Rectangle screen = screenArea();
        int frameWidth = Math.max(600, screen.width - CONSOLE_WIDTH);
        int boxWidth = Math.max(200, Math.min(MAP_BOX_WIDTH, frameWidth - LIVE_WIDTH - 40));
        int boxHeight = Math.max(200, Math.min(MAP_BOX_HEIGHT, screen.height - 110));
        double scale = Math.min((double) boxWidth / d.grid().width, (double) boxHeight / d.grid().height);
        display = new Display2D(d.grid().width * scale, d.grid().height * scale, this);
        display.setBackdrop(Color.WHITE);
        display.setClipping(false);
        display.attach(portrayal, "District");
        live = new LivePanel(() -> state.schedule);
        JPanel left = new JPanel(new BorderLayout());
        left.add(display, BorderLayout.CENTER);
        left.setPreferredSize(new Dimension((int) (d.grid().width * scale) + 30, (int) (d.grid().height * scale) + 70));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, live);
        split.setResizeWeight(0.5);
        frame = new JFrame("safepassage — " + scenario.meta().name());
        frame.getContentPane().add(split);
        frame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
        frame.pack();
        frame.setSize(Math.min(frame.getWidth(), frameWidth), Math.min(frame.getHeight(), screen.height));
        // the map keeps its size; the live figures and charts get the rest
        split.setDividerLocation(left.getPreferredSize().width);
        frame.setLocation(screen.x, screen.y);
        c.registerFrame(frame);
        frame.setVisible(true);
        showBeforeStart();
    }

    /** The screen without task bars; a large screen when there is none (headless tests). */
    static Rectangle screenArea() {
        if (GraphicsEnvironment.isHeadless()) {
            return new Rectangle(0, 0, 1920, 1200);
        }
        return GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    }

    /** Shows the district as it is at the start, before Play is pressed. */
    private void showBeforeStart() {
        District d = evacuation().district();
        portrayal.setField(d);
        live.reset(d);
        display.reset();
        display.repaint();
    }

    @Override
    public void start() {
        Scenario next = nextScenario();
        if (next != null) {
            scenario = next;
        }
        state = new Evacuation(scenario);
        parameters.started(scenario);
        super.start();
        District d = evacuation().district();
        portrayal.setField(d);
        live.reset(d);
        scheduleRepeatingImmediatelyAfter(s -> live.record(d, d.tick() + 1));
        display.reset();
        display.repaint();
        if (frame != null) {
            frame.setTitle("safepassage — " + scenario.meta().name()
                    + (parameters.overrides().isEmpty() ? "" : " (changed: " + String.join(", ", parameters.overrides()) + ")"));
        }
    }

    /** The scenario for the next run, or null (after telling the user) when the settings do not load. */
    private Scenario nextScenario() {
        List<String> all = new ArrayList<>(sets);
        all.addAll(parameters.overrides());
        try {
            return ScenarioLoader.load(file, all).scenario().withSeed(parameters.getSeed());
        } catch (InvalidInputException e) {
            String text = e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
            System.err.println(text);
            if (!GraphicsEnvironment.isHeadless()) {
                JOptionPane.showMessageDialog(frame, "These settings do not make a valid scenario; running the previous one.\n\n"
                        + text, "safepassage", JOptionPane.WARNING_MESSAGE);
            }
            return null;
        }
    }

    /** Stops at the horizon: the Console stops when this returns false. */
    @Override
    public boolean step() {
        Evacuation e = evacuation();
        if (e.schedule.getSteps() >= e.ticks()) {
            return false;
        }
        return super.step();
    }

    @Override
    public void quit() {
        super.quit();
        if (frame != null) {
            frame.dispose();
        }
        frame = null;
        display = null;
    }

    /** The window with the map and the charts (for screenshots). */
    JFrame frame() {
        return frame;
    }
}
