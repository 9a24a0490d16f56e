package org.safepassage.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A sweep over a base scenario: which key paths vary, how the design points are drawn,
 * how many replicates each gets.
 *
 * @param name identifier of the study (output folder name)
 * @param base the scenario file every design point starts from
 * @param parameters the varied key paths
 * @param design how design points are made
 * @param samples number of design points for LHS and Sobol designs (ignored for factorial)
 * @param replicates runs per design point; replicate r uses the same seed at every point
 * @param seed the study seed, from which every run's seed is derived
 * @param outputs summary figures to chart and summarise
 * @param source the study file
 */
public record Study(
        String name,
        Path base,
        List<Parameter> parameters,
        Design design,
        int samples,
        int replicates,
        long seed,
        List<String> outputs,
        Path source) {

    public Study {
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
    }

    /** Study designs. */
    public enum Design { FACTORIAL, LHS, SOBOL }

    /**
     * One varied key path: either listed values (factorial) or a numeric range (LHS, Sobol).
     *
     * @param path key path into the scenario, as for {@code --set}
     * @param values the values, as YAML scalars; empty for a range
     * @param min lower end of a range
     * @param max upper end of a range
     */
    public record Parameter(String path, List<String> values, double min, double max) {
        public Parameter {
            values = List.copyOf(values);
        }

        public boolean isRange() {
            return values.isEmpty();
        }
    }
}
