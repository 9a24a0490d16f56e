package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas editors use (schemas/scenario.schema.json, schemas/study.schema.json) accept
 * every shipped scenario, episode and study file and refuse a misspelt key, so they stay true
 * to what the loader reads.
 */
class JsonSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas", name))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyShippedFileFitsItsSchema() throws Exception {
        JsonSchema scenario = schema("scenario.schema.json");
        JsonSchema study = schema("study.schema.json");
        JsonSchema ensemble = schema("ensemble.schema.json");
        JsonSchema calibration = schema("calibration.schema.json");
        JsonSchema designFile = schema("design.schema.json");
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, files.toString());
        List<String> failures = new ArrayList<>();
        int studies = 0;
        for (Path f : files) {
            JsonNode tree = YAML.readTree(f.toFile());
            String folder = f.getParent().getFileName().toString();
            boolean isStudy = tree.has("base") && !folder.equals("designs");
            studies += isStudy ? 1 : 0;
            JsonSchema schema = folder.equals("ensembles") ? ensemble
                    : folder.equals("designs") ? designFile
                    : folder.equals("calibration") ? calibration
                    : isStudy ? study : scenario;
            Set<ValidationMessage> errors = schema.validate(tree);
            errors.forEach(e -> failures.add(f + ": " + e.getMessage()));
        }
        assertEquals(List.of(), failures);
        long inStudies;
        try (Stream<Path> s = Files.list(Path.of("scenarios", "studies"))) {
            inStudies = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertEquals(inStudies, studies, "every file of scenarios/studies/ is checked as a study");
    }

    @Test
    void aMisspeltKeyIsRefusedWhereItIs() throws Exception {
        JsonNode tree = YAML.readTree("clock: {start: 2016-10-20T08:00, tickMinuts: 5}\n");
        Set<ValidationMessage> errors = schema("scenario.schema.json").validate(tree);
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.iterator().next().getMessage();
        assertTrue(message.contains("tickMinuts"), message);
        assertTrue(message.contains("clock"), message);
    }

    @Test
    void aStudyNeedsItsBaseAndAKnownDesign() throws Exception {
        Set<ValidationMessage> errors = schema("study.schema.json").validate(YAML.readTree("design: grid\n"));
        assertEquals(2, errors.size(), errors.toString());
    }
}
