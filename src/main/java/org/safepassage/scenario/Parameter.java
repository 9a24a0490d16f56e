package org.safepassage.scenario;

/**
 * One number of a scenario described as data: its key path, default, allowed range, unit and
 * a one-line meaning. The loader reads it through its descriptor ({@link BehaviourParameters}
 * for behaviour, {@link ScenarioParameters} for the facts), {@code check} names its range when a
 * value is wrong (and, for behaviour, its unit and meaning), and docs/ODD.md or
 * docs/SCENARIO-FORMAT.md lists it (tests keep the tables and these descriptors the same).
 *
 * @param path key path, e.g. {@code behaviour.weights.trust}
 * @param defaultValue value when the key is absent
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param unit unit as printed in the ODD table
 * @param meaning one line: what the number means
 * @param whole true for a whole number (a count), false for any number in the range
 */
public record Parameter(String path, double defaultValue, double min, double max, String unit, String meaning,
        boolean whole) {

    /** A parameter that may take any number in its range. */
    public Parameter(String path, double defaultValue, double min, double max, String unit, String meaning) {
        this(path, defaultValue, min, max, unit, meaning, false);
    }

    /** The descriptor of {@code path} among {@code all}, or null. */
    public static Parameter find(java.util.List<Parameter> all, String path) {
        for (Parameter p : all) {
            if (p.path().equals(path)) {
                return p;
            }
        }
        return null;
    }

    /** True when the key has no default: a file must give it (where its mapping is given). */
    public boolean required() {
        return Double.isNaN(defaultValue);
    }

    /** Last segment of the path: the key inside its mapping (and the record component it binds). */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Path of the mapping that holds the key. */
    public String section() {
        return path.substring(0, path.lastIndexOf('.'));
    }
}
