package org.safepassage.scenario;

/**
 * A validation episode: a scenario of something that happened, with what was observed.
 *
 * @param scenario the scenario, as a run needs it
 * @param observed the observations to compare the runs with
 * @param effective the effective tree it was bound from (for manifests)
 */
public record Episode(Scenario scenario, Observed observed, YamlNode effective) {

    public String name() {
        return scenario.meta().name();
    }
}
