package org.safepassage.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
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
 * The teaching GUI: wraps the run of one design, or of two designs side by side, in MASON's
 * Console (play, pause, step, stop; the model inspector holds {@link GuiParameters}, the
 * <i>Parameters</i> tab the {@link ParameterTable}). One design: a window with the map
 * ({@link Display2D} with a {@link DistrictPortrayal}) and, beside it, the clock, the pause
 * state, live charts and the legend. Two designs: their maps side by side, stepped in lockstep
 * with the same seed ({@link Lockstep}), above a {@link PairPanel} with both designs' figures.
 * Each start builds new runs from the scenarios, the command line's overrides and the
 * settings. The model knows nothing of this.
 */
public final class EvacuationGui extends GUIState {

    private static final int MAP_BOX_WIDTH = 720;
    private static final int MAP_BOX_HEIGHT = 760;
    /** Width left for MASON's Console at the right of the screen, so it hides neither map nor charts. */
    static final int CONSOLE_WIDTH = 400;
    /** Width the live figures (330) and charts (at least 200) need beside the map. */
    private static final int LIVE_WIDTH = 560;
    /** Height of the side-by-side view's figures under the maps. */
    private static final int PAIR_FIGURES_HEIGHT = 250;

    private final List<ScenarioSource> sources;
    private final List<List<String>> sets;
    private final List<String> names;
    private final GuiParameters parameters;
    private final ParameterTable inspector;
    private List<Scenario> scenarios;
    private List<String> applied;
    private List<ScenarioLoader.Loaded> loaded;
    private final List<DistrictPortrayal> portrayals = new ArrayList<>();
    private final List<Display2D> displays = new ArrayList<>();
    private JFrame frame;
    private LivePanel live;
    private PairPanel pair;
    private final JLabel[] headers = {new JLabel(" "), new JLabel(" ")};
    /** A checkpoint being opened: the next start replays it. */
    private GuiCheckpoint opening;

    /**
     * @param sources the designs' scenarios (one, or two side by side), loaded again at every start
     * @param sets each design's overrides from the command line
     * @param first each design as first loaded with those overrides (the first one's seed is every design's)
     * @param names how the window names each design
     */
    public EvacuationGui(List<ScenarioSource> sources, List<List<String>> sets, List<ScenarioLoader.Loaded> first,
            List<String> names) {
        super(new Lockstep(seeded(first, first.get(0).scenario().seed())));
        if (sources.size() < 1 || sources.size() > 2 || sets.size() != sources.size() || first.size() != sources.size()) {
            throw new IllegalArgumentException("one or two designs");
        }
        this.sources = List.copyOf(sources);
        this.sets = sets.stream().map(List::copyOf).toList();
        this.names = List.copyOf(names);
        this.loaded = List.copyOf(first);
        this.scenarios = seeded(first, first.get(0).scenario().seed());
        this.applied = List.of();
        this.parameters = new GuiParameters(first.get(0).scenario(), sources.size() == 2);
        this.inspector = new ParameterTable(first.get(0).effective().toPlain());
        for (int i = 0; i < sources.size(); i++) {
            portrayals.add(new DistrictPortrayal());
        }
    }

    private static List<Scenario> seeded(List<ScenarioLoader.Loaded> loaded, long seed) {
        return loaded.stream().map(l -> l.scenario().withSeed(seed)).toList();
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
                + "notice, who monitors the corridors and their capacity, on the <b>Parameters</b> tab the behaviour "
                + "parameters; press <b>Stop</b>, then <b>Play</b> to run again with the new settings.</p>"
                + "<p>Two scenarios on the command line run side by side with the same seed. File &gt; Save keeps "
                + "the run to go on later (File &gt; Open).</p></body></html>";
    }

    @Override
    public Object getSimulationInspectedObject() {
        return parameters;
    }

    public GuiParameters parameters() {
        return parameters;
    }

    ParameterTable inspector() {
        return inspector;
    }

    Lockstep lockstep() {
        return (Lockstep) state;
    }

    private List<District> districts() {
        return lockstep().runs().stream().map(Evacuation::district).toList();
    }

    /** Whether two designs are shown side by side. */
    boolean sideBySide() {
        return sources.size() == 2;
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        Rectangle screen = screenArea();
        int frameWidth = Math.max(600, screen.width - CONSOLE_WIDTH);
        if (sideBySide()) {
            frame = new JFrame("safepassage — side by side: A " + names.get(0) + ", B " + names.get(1));
            frame.getContentPane().add(sideBySideView(frameWidth, screen.height));
        } else {
            frame = new JFrame("safepassage — " + scenarios.get(0).meta().name());
            frame.getContentPane().add(singleView(frameWidth, screen.height));
        }
        frame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
        frame.pack();
        frame.setSize(Math.min(frame.getWidth(), frameWidth), Math.min(frame.getHeight(), screen.height));
        frame.setLocation(screen.x, screen.y);
        c.registerFrame(frame);
        frame.setVisible(true);
        showBeforeStart();
    }

    /** One design: the map, the live charts and the Console side by side; the map's box shrinks to what is left. */
    private JSplitPane singleView(int frameWidth, int screenHeight) {
        District d = districts().get(0);
        int boxWidth = Math.max(200, Math.min(MAP_BOX_WIDTH, frameWidth - LIVE_WIDTH - 40));
        int boxHeight = Math.max(200, Math.min(MAP_BOX_HEIGHT, screenHeight - 110));
        Display2D display = display(0, d, boxWidth, boxHeight);
        double scale = Math.min((double) boxWidth / d.grid().width, (double) boxHeight / d.grid().height);
        live = new LivePanel(() -> state.schedule);
        JPanel left = new JPanel(new BorderLayout());
        left.add(display, BorderLayout.CENTER);
        left.setPreferredSize(new Dimension((int) (d.grid().width * scale) + 30, (int) (d.grid().height * scale) + 70));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, live);
        split.setResizeWeight(0.5);
        // the map keeps its size; the live figures and charts get the rest
        split.setDividerLocation(left.getPreferredSize().width);
        return split;
    }

    /** Two designs: the maps side by side with their names and pause states, the shared figures below. */
    private JPanel sideBySideView(int frameWidth, int screenHeight) {
        int boxWidth = Math.max(200, (frameWidth - 40) / 2);
        // room for the headers, the displays' tool bars and scroll bars, and the figures below
        int boxHeight = Math.max(180, screenHeight - PAIR_FIGURES_HEIGHT - 190);
        JPanel maps = new JPanel(new GridLayout(1, 2, 6, 0));
        maps.setBackground(Color.WHITE);
        List<District> ds = districts();
        for (int i = 0; i < 2; i++) {
            JPanel one = new JPanel(new BorderLayout());
            one.setBackground(Color.WHITE);
            Color colour = i == 0 ? PairPanel.A : PairPanel.B;
            headers[i].setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            headers[i].setForeground(colour.darker());
            headers[i].setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
            one.add(headers[i], BorderLayout.NORTH);
            one.add(display(i, ds.get(i), boxWidth, boxHeight), BorderLayout.CENTER);
            one.setBorder(BorderFactory.createMatteBorder(0, 0, 3, 0, colour));
            maps.add(one);
        }
        pair = new PairPanel(headers);
        pair.setPreferredSize(new Dimension(frameWidth, PAIR_FIGURES_HEIGHT));
        JPanel all = new JPanel(new BorderLayout());
        all.add(maps, BorderLayout.CENTER);
        all.add(pair, BorderLayout.SOUTH);
        all.setPreferredSize(new Dimension(frameWidth, boxHeight + PAIR_FIGURES_HEIGHT + 60));
        return all;
    }

    private Display2D display(int i, District d, int boxWidth, int boxHeight) {
        double scale = Math.min((double) boxWidth / d.grid().width, (double) boxHeight / d.grid().height);
        Display2D display = new Display2D(d.grid().width * scale, d.grid().height * scale, this);
        display.setBackdrop(Color.WHITE);
        display.setClipping(false);
        display.attach(portrayals.get(i), sideBySide() ? (i == 0 ? "A" : "B") : "District");
        displays.add(display);
        return display;
    }

    /** The screen without task bars; a large screen when there is none (headless tests). */
    static Rectangle screenArea() {
        if (GraphicsEnvironment.isHeadless()) {
            return new Rectangle(0, 0, 1920, 1200);
        }
        return GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    }

    /** Shows the districts as they are at the start, before Play is pressed. */
    private void showBeforeStart() {
        showRuns();
        for (Display2D d : displays) {
            d.reset();
            d.repaint();
        }
    }

    private void showRuns() {
        List<District> ds = districts();
        for (int i = 0; i < ds.size(); i++) {
            portrayals.get(i).setField(ds.get(i));
        }
        if (live != null) {
            live.reset(ds.get(0));
        }
        if (pair != null) {
            pair.reset(ds, names);
        }
    }

    private void record(long ticksDone) {
        List<District> ds = districts();
        if (live != null) {
            live.record(ds.get(0), Math.min(ticksDone, ds.get(0).scenario.clock().ticks()));
        }
        if (pair != null) {
            pair.record(ds, ticksDone);
        }
    }

    @Override
    public void start() {
        long replay = 0;
        if (opening != null) {
            try {
                loaded = opening.loaded();
                scenarios = seeded(loaded, opening.seed());
                List<String> all = opening.designs().get(0).appliedSets();
                applied = List.copyOf(all.subList(sets.get(0).size(), all.size()));
                replay = opening.ticks();
            } catch (InvalidInputException e) {
                warn("This checkpoint cannot be replayed; running the current settings.", e);
            }
            opening = null;
        }
        if (replay == 0) {
            nextScenarios();
        }
        state = new Lockstep(scenarios);
        parameters.started(scenarios.get(0));
        inspector.setEditable(false);
        super.start();
        showRuns();
        scheduleRepeatingImmediatelyAfter(s -> record(s.schedule.getSteps()));
        // a checkpoint's run replayed to its tick (displays are drawn once, at the end)
        for (long t = 0; t < replay && lockstep().stepTick(); t++) {
            record(t + 1);
        }
        for (Display2D d : displays) {
            d.reset();
            d.repaint();
        }
        if (frame != null && !sideBySide()) {
            frame.setTitle("safepassage — " + scenarios.get(0).meta().name()
                    + (applied.isEmpty() ? "" : " (changed: " + String.join(", ", applied) + ")"));
        }
    }

    @Override
    public void finish() {
        super.finish();
        inspector.setEditable(true);
    }

    /** Loads the designs for the next run; keeps the previous ones (after telling the user) when the settings do not load. */
    private void nextScenarios() {
        List<String> extra = new ArrayList<>(parameters.overrides());
        extra.addAll(inspector.overrides());
        List<ScenarioLoader.Loaded> next = new ArrayList<>();
        try {
            for (int i = 0; i < sources.size(); i++) {
                List<String> all = new ArrayList<>(sets.get(i));
                all.addAll(extra);
                next.add(sources.get(i).load(all));
            }
        } catch (InvalidInputException e) {
            warn("These settings do not make a valid scenario; running the previous one.", e);
            return;
        }
        loaded = next;
        applied = extra;
        scenarios = seeded(next, parameters.getSeed());
    }

    private void warn(String what, InvalidInputException e) {
        String text = e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
        System.err.println(text);
        if (!GraphicsEnvironment.isHeadless() && frame != null) {
            JOptionPane.showMessageDialog(frame, what + "\n\n" + text, "safepassage", JOptionPane.WARNING_MESSAGE);
        }
    }

    /** Stops at the horizon: the Console stops when this returns false. */
    @Override
    public boolean step() {
        Lockstep s = lockstep();
        if (s.schedule.getSteps() >= s.ticks()) {
            return false;
        }
        return super.step();
    }

    // ---- checkpoints (the Console's File menu) ----

    /** The recipe of the run now shown, at the tick it is at. */
    GuiCheckpoint checkpoint() {
        List<GuiCheckpoint.Design> designs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            List<String> all = new ArrayList<>(sets.get(i));
            all.addAll(applied);
            designs.add(GuiCheckpoint.design(sources.get(i), sets.get(i), all, loaded.get(i)));
        }
        Map<String, Object> settings = new LinkedHashMap<>(parameters.settings());
        settings.put("behaviour", inspector.changed());
        return GuiCheckpoint.of(scenarios.get(0).seed(), state.schedule.getSteps(), designs, settings);
    }

    /**
     * Why this GUI cannot continue a checkpoint (it holds other designs or other command-line
     * overrides), or null. The checkpoint's settings are taken over when it can.
     */
    String open(GuiCheckpoint c) {
        if (c.designs().size() != sources.size()) {
            return "it holds " + c.designs().size() + " design(s); this window shows " + sources.size();
        }
        for (int i = 0; i < sources.size(); i++) {
            GuiCheckpoint.Design d = c.designs().get(i);
            ScenarioSource mine = sources.get(i);
            boolean same = mine.file() != null ? d.scenarioFile() != null
                    && mine.file().toAbsolutePath().normalize().toString().equals(d.scenarioFile())
                    : mine.text().equals(d.scenarioText());
            if (!same || !d.sets().equals(sets.get(i))) {
                return "it was saved from " + (d.scenarioFile() != null ? d.scenarioFile() : d.label())
                        + (d.sets().isEmpty() ? "" : " with --set " + String.join(" --set ", d.sets()))
                        + "; open the GUI on that to continue it";
            }
        }
        parameters.restore(c.settings(), c.seed());
        Object behaviour = c.settings().get("behaviour");
        inspector.restore(behaviour instanceof Map<?, ?> m ? m : Map.of());
        opening = c;
        return null;
    }

    @Override
    public void quit() {
        super.quit();
        if (frame != null) {
            frame.dispose();
        }
        frame = null;
        displays.clear();
    }

    /** The window with the map(s) and the charts (for screenshots). */
    JFrame frame() {
        return frame;
    }
}
