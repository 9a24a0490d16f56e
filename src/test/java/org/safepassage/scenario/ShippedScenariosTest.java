package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario and study shipped in scenarios/ loads without a problem, survives a round
 * trip through its effective tree, and the {@code extends} variants differ from their base
 * exactly where they override it.
 */
class ShippedScenariosTest {

    static final Path SCENARIOS = Path.of("scenarios");

    @TempDir
    Path dir;

    /** The scenarios in scenarios/, the validation episodes in scenarios/episodes/ and the planner scenarios. */
    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> top = Files.list(SCENARIOS); Stream<Path> episodes = Files.list(SCENARIOS.resolve("episodes"));
                Stream<Path> planner = Files.list(SCENARIOS.resolve("planner"))) {
            List<Path> list = Stream.concat(Stream.concat(top, episodes), planner)
                    .filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(list.size() >= 8, "the shipped scenarios are found: " + list);
            return list.stream();
        }
    }

    static Stream<Path> studyFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS.resolve("studies"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(list.isEmpty());
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyShippedScenarioLoads(Path file) {
        Scenario s = TinyFiles.load(file);
        assertEquals(ScenarioLoader.SCHEMA_VERSION, s.schemaVersion());
        assertFalse(s.meta().name().isBlank());
        // A way out: a corridor, or a moving front people cross (West Mosul has only the front).
        assertTrue(!s.corridors().isEmpty() || !s.front().equals(Front.NONE), "no corridor and no moving front");
        assertEquals(1.0, s.map().neighbourhoods().stream().mapToDouble(Neighbourhood::populationShare).sum(), 1e-6);
        assertTrue(s.population().persons() > 0);
    }

    @ParameterizedTest
    @MethodSource("studyFiles")
    void everyShippedStudyLoadsAndItsBaseToo(Path file) throws InvalidInputException {
        Study study = StudyLoader.load(file);
        assertTrue(Files.isRegularFile(study.base()), "base exists: " + study.base());
        assertFalse(study.parameters().isEmpty());
        TinyFiles.load(study.base());
    }

    /**
     * The effective tree (the one written to run manifests), saved as YAML next to a copy of
     * the maps and loaded again, gives the same scenario.
     */
    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void effectiveTreeRoundTrips(Path file) throws Exception {
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(file, List.of());
        // Same folder depth as the original, so that an episode's ../maps/ resolves to the copy;
        // maps also beside the copy, for episodes whose effective paths come from a base.
        Path again = dir.resolve(SCENARIOS.relativize(file));
        Files.createDirectories(again.getParent());
        copyMaps(dir);
        if (!again.getParent().equals(dir)) {
            copyMaps(again.getParent());
        }
        new ObjectMapper(new YAMLFactory()).writeValue(again.toFile(), loaded.effective().toPlain());
        assertSameScenario(loaded.scenario(), TinyFiles.load(again));
    }

    private static void copyMaps(Path to) throws IOException {
        Files.createDirectories(to.resolve("maps"));
        try (Stream<Path> maps = Files.list(SCENARIOS.resolve("maps"))) {
            for (Path m : maps.toList()) {
                Files.copy(m, to.resolve("maps").resolve(m.getFileName()));
            }
        }
        // The behaviour ensemble the shipped scenarios name, relative to them like their maps.
        Files.createDirectories(to.resolve("ensembles"));
        Files.copy(SCENARIOS.resolve("ensembles/behaviour.yaml"), to.resolve("ensembles/behaviour.yaml"));
    }

    /** Same in every part, the map compared cell by cell; only the source file differs. */
    static void assertSameScenario(Scenario a, Scenario b) {
        assertEquals(a.schemaVersion(), b.schemaVersion());
        assertEquals(a.meta(), b.meta());
        assertEquals(a.clock(), b.clock());
        assertSameMap(a.map(), b.map());
        assertEquals(a.population(), b.population());
        assertEquals(a.behaviour(), b.behaviour());
        assertEquals(a.pauses(), b.pauses());
        assertEquals(a.corridors(), b.corridors());
        assertEquals(a.fighters(), b.fighters());
        assertEquals(a.hazards(), b.hazards());
        assertEquals(a.events(), b.events());
        assertEquals(a.seed(), b.seed());
    }

    static void assertSameMap(DistrictMap a, DistrictMap b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        assertEquals(a.cellMeters(), b.cellMeters());
        assertArrayEquals(a.terrain(), b.terrain());
        assertArrayEquals(a.neighbourhoodOfCell(), b.neighbourhoodOfCell());
        assertArrayEquals(a.safeAreaOfCell(), b.safeAreaOfCell());
        assertEquals(a.neighbourhoods(), b.neighbourhoods());
        assertEquals(a.safeAreas(), b.safeAreas());
    }

    @Test
    void pauseVariantsDifferFromTheBaseOnlyWhereTheyOverride() {
        Scenario base = TinyFiles.load(SCENARIOS.resolve("east-aleppo.yaml"));
        for (String variant : List.of("pause-11h", "pause-24h", "pause-4d")) {
            Scenario v = TinyFiles.load(SCENARIOS.resolve(variant + ".yaml"));
            assertEquals(variant, v.meta().name());
            assertNotEquals(base.meta().description(), v.meta().description());
            assertEquals(base.meta().sources(), v.meta().sources(), "sources inherited");
            // Everything but the pause's duration is the base's.
            Pause b = base.pauses().get(0);
            Pause p = v.pauses().get(0);
            assertEquals(1, v.pauses().size(), "the named pause is merged, not appended");
            assertEquals(new Pause(b.name(), b.declaredBy(), b.credibility(), b.start(), p.duration(), b.repeatDays(),
                    b.notice(), b.announcementCoverage(), b.earlyEndPerHour(), b.regroupingMultiplier(),
                    b.extensions()), p);
            Scenario sameMeta = new Scenario(v.schemaVersion(), base.meta(), v.clock(), v.map(), v.population(),
                    v.behaviour(), base.pauses(), v.corridors(), v.fighters(), v.hazards(), v.events(), v.front(), v.seed(),
                    base.source());
            assertSameScenario(base, sameMeta);
            assertSameMap(base.map(), v.map());
        }
        assertEquals(Duration.ofHours(11), TinyFiles.load(SCENARIOS.resolve("pause-11h.yaml")).pauses().get(0).duration());
        assertEquals(Duration.ofHours(24), TinyFiles.load(SCENARIOS.resolve("pause-24h.yaml")).pauses().get(0).duration());
        assertEquals(Duration.ofDays(4), TinyFiles.load(SCENARIOS.resolve("pause-4d.yaml")).pauses().get(0).duration());
    }

    @Test
    void anExtendedPauseKeepsTheBaseKeysAndAddsItsExtensions() {
        Scenario base = TinyFiles.load(SCENARIOS.resolve("east-aleppo.yaml"));
        Pause p = TinyFiles.load(SCENARIOS.resolve("pause-11h-extended.yaml")).pauses().get(0);
        assertEquals(base.pauses().get(0).credibility(), p.credibility());
        assertEquals(base.pauses().get(0).notice(), p.notice());
        assertEquals(List.of(
                new Pause.Extension(LocalDateTime.of(2016, 10, 20, 16, 0), Duration.ofHours(24), true),
                new Pause.Extension(LocalDateTime.of(2016, 10, 20, 18, 0), Duration.ofDays(4), false)),
                p.extensions());
    }
}
