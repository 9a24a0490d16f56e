package org.safepassage.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a scenario or a study reads, in reading order and each once: the file, every base of
 * its {@code extends} chain, and the terrain and neighbourhood maps of the effective scenario;
 * for a study, the study file first, then those of its base scenario, including maps that a
 * varied parameter names, and the behaviour ensemble the scenario (or a varied {@code ensemble}
 * parameter) names. Files that cannot be read are listed too (their absence is a fact about
 * the inputs). Nothing here fails: the loaders report the problems.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** The files {@code file} reads with these {@code --set} overrides. */
    public static List<Path> ofScenario(Path file, List<String> sets) {
        Set<Path> out = new LinkedHashSet<>();
        addScenario(file, sets, out);
        return new ArrayList<>(out);
    }

    /** The files a sweep of {@code study} reads. */
    public static List<Path> ofStudy(Study study) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(study.source());
        if (study.base() == null) {
            return new ArrayList<>(out);
        }
        addScenario(study.base(), List.of(), out);
        for (Study.Parameter p : study.parameters()) {
            // Only key paths into the map section can name other files (extends is read before overrides).
            if (p.path() != null && p.path().startsWith("map")) {
                for (String v : p.values()) {
                    addScenario(study.base(), List.of(p.path() + "=" + v), out);
                }
            }
            if ("ensemble".equals(p.path())) {
                // an ensemble given as a study value is relative to the working folder (docs/SWEEPS.md)
                for (String v : p.values()) {
                    if (!ScenarioLoader.NO_ENSEMBLE.equals(v)) {
                        addPath(v, null, out);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void addScenario(Path file, List<String> sets, Set<Path> out) {
        List<Problem> ignored = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        YamlNode tree = ScenarioTree.resolveReading(file, ignored, read);
        out.addAll(read);
        if (tree == null || !tree.isMapping()) {
            return;
        }
        ScenarioTree.applySets(tree, sets, ignored);
        YamlNode ensemble = tree.get("ensemble");
        if (ensemble != null && ensemble.isScalar() && ensemble.text() != null
                && !ScenarioLoader.NO_ENSEMBLE.equals(ensemble.text())) {
            addPath(ensemble.text(), Path.of(ensemble.file()), out);
        }
        YamlNode map = tree.get("map");
        if (map == null || !map.isMapping()) {
            return;
        }
        for (String key : new String[] {"file", "neighbourhoodFile"}) {
            YamlNode name = map.get(key);
            if (name != null && name.isScalar() && name.text() != null && !name.text().isEmpty()) {
                try {
                    out.add(MapReader.fileNamedBy(name));
                } catch (InvalidPathException e) {
                    // not a path: the loader reports it
                }
            }
        }
    }

    /** Adds {@code name}, relative to {@code namedIn}'s folder (or the working folder when null), if it is a path. */
    private static void addPath(String name, Path namedIn, Set<Path> out) {
        try {
            out.add(namedIn == null ? Path.of(name) : namedIn.resolveSibling(name));
        } catch (InvalidPathException e) {
            // not a path: the loader reports it
        }
    }
}
