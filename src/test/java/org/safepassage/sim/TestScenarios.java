package org.safepassage.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.Problem;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.ScenarioLoader;

/** Loading scenarios in tests: the shipped ones, and the small mechanism scenarios of the test resources. */
public final class TestScenarios {

    /** The project's scenarios folder (tests run with the project folder as working directory). */
    public static final Path SHIPPED = Path.of("scenarios");
    /** Small scenarios that turn on one mechanism at a time. */
    public static final Path MECHANISMS = Path.of("src", "test", "resources", "mechanisms");

    /**
     * Overrides that switch off the mechanisms of docs/ODD.md 7 beyond the core rules (wait-and-see,
     * the push of orders and shelling, threshold spread, preparation across windows, fighters'
     * families, flight across a moving front, a violated ceasefire's trust cost), which the
     * calibrated defaults switch on: for tests about something else (the per-agent reference,
     * which implements the core rules only; the synthetic district's generator).
     */
    public static final List<String> CORE_RULES_ONLY = List.of("behaviour.weights.waitAndSee=0",
            "behaviour.weights.evacuationOrder=0", "behaviour.weights.heavyShelling=0", "behaviour.thresholdSpread=0",
            "behaviour.preparationAcrossWindows=0", "behaviour.fighterFamiliesPerFighter=0",
            "behaviour.front.flightRatePerHour=0", "behaviour.information.trustLossViolation=0");

    private TestScenarios() {
    }

    /** Loads a scenario file with {@code --set} overrides; a bad file fails the test with every problem. */
    public static Scenario load(Path file, String... sets) {
        try {
            return ScenarioLoader.load(file, List.of(sets)).scenario();
        } catch (InvalidInputException e) {
            throw new AssertionError("cannot load " + file + ":\n"
                    + e.problems().stream().map(Problem::format).collect(Collectors.joining("\n")), e);
        }
    }

    /** A mechanism scenario of the test resources, by file name. */
    public static Scenario mechanism(String file, String... sets) {
        return load(MECHANISMS.resolve(file), sets);
    }

    /** Every scenario shipped in scenarios/ (not the studies), by name order. */
    public static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** Runs a scenario to its horizon with conservation checked every tick, telling the observers after each tick. */
    public static Evacuation run(Scenario scenario, TickObserver... observers) {
        Evacuation model = new Evacuation(scenario, true);
        Arrays.stream(observers).forEach(model::addObserver);
        model.start();
        model.runToHorizon();
        model.finish();
        return model;
    }
}
