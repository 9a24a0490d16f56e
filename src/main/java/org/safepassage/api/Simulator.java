package org.safepassage.api;

import java.nio.file.Path;
import java.util.List;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.ScenarioLoader;

/**
 * Entry point of the API: loads scenarios into {@link Model}s.
 *
 * <pre>{@code
 * Model m = Simulator.load(Path.of("scenarios/pause-24h.yaml"), List.of("pauses[pause].notice=PT0S"));
 * RunResult r = m.run(42);
 * long left = r.summary().get("evacuated").longValue();
 * double[] queued = r.timeSeries().column("queued");
 * }</pre>
 */
public final class Simulator {

    private Simulator() {
    }

    /**
     * Loads a scenario file (and the files it {@code extends}, and its maps), applies the
     * overrides ({@code KEY.PATH=VALUE}, as {@code --set}) and checks it as {@code check} does.
     */
    public static Model load(Path scenarioFile, List<String> overrides) throws ScenarioException {
        try {
            return new Model(ScenarioLoader.load(scenarioFile, overrides));
        } catch (InvalidInputException e) {
            throw problems(e);
        }
    }

    /**
     * Loads scenario text, as if it were a file named {@code label}: paths in it ({@code extends:},
     * maps) are taken from the folder of {@code label} (the working folder when it has none), and
     * messages name {@code label}.
     */
    public static Model parse(String yamlText, String label, List<String> overrides) throws ScenarioException {
        try {
            return new Model(ScenarioLoader.loadText(yamlText, label, overrides));
        } catch (InvalidInputException e) {
            throw problems(e);
        }
    }

    private static ScenarioException problems(InvalidInputException e) {
        return new ScenarioException(e.problems().stream().map(Problem::format).toList());
    }
}
