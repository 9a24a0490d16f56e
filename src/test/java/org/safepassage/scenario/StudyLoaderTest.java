package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.safepassage.scenario.TinyFiles.STUDY;
import static org.safepassage.scenario.TinyFiles.assertProblems;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Study files: their record, defaults, and every mistake at its position. */
class StudyLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theTinyStudyLoads() throws InvalidInputException {
        TinyFiles.copyTo(dir);
        Study s = StudyLoader.load(dir.resolve(STUDY));
        assertEquals("tiny-study", s.name());
        assertEquals(dir.resolve("tiny.yaml"), s.base());
        assertEquals(Study.Design.FACTORIAL, s.design());
        assertEquals(List.of(new Study.Parameter("pauses[pause].duration", List.of("PT2H", "PT6H"), Double.NaN,
                Double.NaN)), s.parameters());
        assertEquals(2, s.replicates());
        assertEquals(3, s.seed());
        assertEquals(List.of("evacuated", "killed"), s.outputs());
        assertEquals(dir.resolve(STUDY), s.source());
    }

    @Test
    void defaultsAndRanges() throws InvalidInputException {
        Path file = TinyFiles.write(dir.resolve("lhs.yaml"), "schemaVersion: 1\nname: lhs\nbase: tiny.yaml\n"
                + "design: lhs\nparameters:\n  - {path: 'pauses[pause].credibility', min: 0.1, max: 0.9}\n");
        TinyFiles.copyTo(dir);
        Study s = StudyLoader.load(file);
        assertEquals(Study.Design.LHS, s.design());
        assertEquals(64, s.samples());
        assertEquals(30, s.replicates());
        assertEquals(1, s.seed());
        assertEquals(List.of("evacuated", "killed", "remaining"), s.outputs());
        Study.Parameter p = s.parameters().get(0);
        assertEquals(true, p.isRange());
        assertEquals(0.1, p.min());
        assertEquals(0.9, p.max());
    }

    /** Each row: name | text of tiny-study.yaml | its replacement (\\n for a new line) | expected line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key | replicates: 2 | replicate: 2 | tiny-study.yaml:9:1: error: replicate: unknown key"
            + " 'replicate'; did you mean 'replicates'?",
        "unknown output | outputs: [evacuated, killed] | outputs: [evacuated, kiled] | tiny-study.yaml:11:22:"
            + " error: outputs[1]: output 'kiled'; did you mean 'killed'?",
        "bad design | design: factorial | design: grid | tiny-study.yaml:5:9: error: design: found 'grid'; one of"
            + " factorial, lhs, sobol",
        "value that breaks the base | [PT2H, PT6H] | [PT2H, 6 hours] | tiny-study.yaml:8:20: error: parameters[0]:"
            + " value '6 hours' for pauses[pause].duration: found '6 hours'; an ISO-8601 duration such as PT11H or P4D",
        "path that is not in the base | path: pauses[pause].duration | path: pauses[paws].duration |"
            + " tiny-study.yaml:7:11: error: parameters[0].path: no item [paws] in 'pauses' (it has 1 items: pause);"
            + " did you mean 'pauses[pause]'?",
        "malformed path | path: pauses[pause].duration | path: pauses[pause.duration | tiny-study.yaml:7:11: error:"
            + " parameters[0].path: 'pauses[pause.duration': '[' at position 7 is not closed; a key path such as"
            + " pauses[0].duration",
        "range in a factorial design | values: [PT2H, PT6H] | values: [PT2H]\\n    min: 1 | tiny-study.yaml:9:10:"
            + " error: parameters[0].min: a range in a factorial design; values: [...] (ranges are for lhs and sobol"
            + " designs)",
        "empty values | values: [PT2H, PT6H] | values: [] | tiny-study.yaml:8:13: error: parameters[0].values:"
            + " an empty list; at least one value",
        "base not found | base: tiny.yaml | base: nope.yaml | tiny-study.yaml:4:7: error: base: base scenario"
            + " nope.yaml has 1 problem(s): nope.yaml: error: file not found; an existing YAML file; a valid scenario",
        "zero replicates | replicates: 2 | replicates: 0 | tiny-study.yaml:9:13: error: replicates: found 0; a whole"
            + " number from 1 to 100000"
    })
    void mistakesInAStudy(String name, String from, String to, String expected) {
        TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, STUDY, from, to.replace("\\n", "\n"));
        assertProblems(List.of(expected), TinyFiles.studyProblems(dir, dir.resolve(STUDY)));
    }

    @Test
    void aRangeMustBeOrderedAndRangesAreNotForFactorial() {
        TinyFiles.copyTo(dir);
        Path file = TinyFiles.write(dir.resolve("bad.yaml"), "schemaVersion: 1\nname: b\nbase: tiny.yaml\n"
                + "design: sobol\nparameters:\n  - {path: seed, min: 5, max: 5, values: [1]}\n");
        assertProblems(List.of(
                "bad.yaml:6:31: error: parameters[0].max: max 5 not above min 5; min < max",
                "bad.yaml:6:42: error: parameters[0].values: listed values in a sobol design; min and max (values are"
                        + " for factorial designs)"),
                TinyFiles.studyProblems(dir, file));
    }

    @Test
    void aBadDesignIsReportedAloneNotAgainstItsParameters() {
        TinyFiles.copyTo(dir);
        Path file = TinyFiles.write(dir.resolve("latin.yaml"), "schemaVersion: 1\nname: l\nbase: tiny.yaml\n"
                + "design: latin\nparameters:\n  - {path: 'pauses[pause].credibility', min: 0.1, max: 0.9}\n");
        assertProblems(List.of("latin.yaml:4:9: error: design: found 'latin'; one of factorial, lhs, sobol"),
                TinyFiles.studyProblems(dir, file));
    }

    @Test
    void missingKeys() {
        Path file = TinyFiles.write(dir.resolve("bare.yaml"), "base: tiny.yaml\n");
        TinyFiles.copyTo(dir);
        assertProblems(List.of(
                "bare.yaml:1:1: error: schemaVersion: missing; a whole number from 1 to 1",
                "bare.yaml:1:1: error: name: missing; a non-empty text",
                "bare.yaml:1:1: error: parameters: missing; a list"),
                TinyFiles.studyProblems(dir, file));
    }
}
