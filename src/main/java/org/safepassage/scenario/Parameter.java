package org.safepassage.scenario;

/**
 * One number of a scenario described as data: its key path, default, allowed range, unit and
 * a one-line meaning. The loader binds it ({@link BehaviourParameters}), {@code check} names its
 * range, unit and meaning when a value is wrong, and docs/ODD.md lists it (a test keeps the
 * table and these descriptors the same).
 *
 * @param path key path, e.g. {@code behaviour.weights.trust}
 * @param defaultValue value when the key is absent
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param unit unit as printed in the ODD table
 * @param meaning one line: what the number means
 */
public record Parameter(String path, double defaultValue, double min, double max, String unit, String meaning) {

    /** Last segment of the path: the key inside its mapping (and the record component it binds). */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Path of the mapping that holds the key. */
    public String section() {
        return path.substring(0, path.lastIndexOf('.'));
    }
}
