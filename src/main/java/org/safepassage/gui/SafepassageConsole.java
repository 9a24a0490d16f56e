package org.safepassage.gui;

import java.awt.FileDialog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.swing.JOptionPane;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import sim.display.Console;

/**
 * MASON's Console with working checkpoints: File &gt; Save, Save As and Open write and read a
 * {@link GuiCheckpoint} (the run's recipe and tick, as JSON) instead of serialising the model's
 * memory, which MASON's own checkpoints try and the model does not support.
 */
final class SafepassageConsole extends Console {
    private static final long serialVersionUID = 1L;
    static final String EXTENSION = ".checkpoint";

    private final EvacuationGui gui;
    private Path file;

    SafepassageConsole(EvacuationGui gui) {
        super(gui);
        this.gui = gui;
    }

    @Override
    public void doSave() {
        if (file == null) {
            doSaveAs();
        } else {
            report(save(file));
        }
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(this, "Save the run as a checkpoint", FileDialog.SAVE);
        dialog.setFile("safepassage-tick-" + gui.state.schedule.getSteps() + EXTENSION);
        dialog.setVisible(true);
        if (dialog.getFile() != null) {
            String name = dialog.getFile().endsWith(EXTENSION) ? dialog.getFile() : dialog.getFile() + EXTENSION;
            report(save(Path.of(dialog.getDirectory(), name)));
        }
    }

    @Override
    public void doOpen() {
        FileDialog dialog = new FileDialog(this, "Open a checkpoint", FileDialog.LOAD);
        dialog.setFilenameFilter((dir, name) -> name.endsWith(EXTENSION));
        dialog.setVisible(true);
        if (dialog.getFile() != null) {
            report(open(Path.of(dialog.getDirectory(), dialog.getFile())));
        }
    }

    /** Saves the run as it is now (pausing it first); null when saved, else why not. */
    String save(Path to) {
        if (getPlayState() == PS_PLAYING) {
            pressPause();
        }
        try {
            gui.checkpoint().write(to);
            file = to;
            return null;
        } catch (IOException e) {
            return "Cannot write the checkpoint " + to + ": " + e.getMessage();
        }
    }

    /** Opens a checkpoint: stops the run shown and replays the saved one to its tick, paused; null when done, else why not. */
    String open(Path from) {
        GuiCheckpoint c;
        try {
            c = GuiCheckpoint.read(from);
            c.scenarios(); // refused here, before the run shown is stopped, when a scenario changed since
        } catch (InvalidInputException e) {
            return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "Cannot read the checkpoint " + from + ": " + e.getMessage();
        }
        pressStop();
        String why = gui.open(c);
        if (why != null) {
            return "This window cannot continue the checkpoint " + from + ": " + why + ".";
        }
        file = from;
        // from stopped, Pause starts the run paused: the GUI replays the checkpoint's ticks
        pressPause();
        return null;
    }

    private void report(String problem) {
        if (problem != null) {
            System.err.println(problem);
            JOptionPane.showMessageDialog(this, problem, "safepassage", JOptionPane.WARNING_MESSAGE);
        }
    }
}
