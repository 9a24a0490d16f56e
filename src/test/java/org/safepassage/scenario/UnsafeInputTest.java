package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken files are refused with a clear message, quickly and without creating
 * anything: alias bombs, oversize files, type tags, binary junk.
 */
class UnsafeInputTest {

    @TempDir
    Path dir;

    private List<String> problems(String name, String text) {
        return TinyFiles.problems(dir, TinyFiles.write(dir.resolve(name), text));
    }

    /** The classic "billion laughs": nine levels of nine aliases, 9^9 nodes if expanded. */
    static String aliasBomb() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (String level : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            b.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i > 0 ? ", " : "").append('*').append(prev);
            }
            b.append("]\n");
            prev = level;
        }
        return b.toString();
    }

    @Test
    void aliasBombIsRefused() {
        assertEquals(List.of("bomb.yaml: error: YAML refused: Number of aliases for non-scalar nodes exceeds the"
                + " specified max=20; plain YAML without alias bombs"), problems("bomb.yaml", aliasBomb()));
    }

    @Test
    void aFewAliasesThatExpandTooFarAreRefused() {
        // 18 aliases, under SnakeYAML's limit, but 2,000 x 3^6 = 1.5 million nodes once expanded.
        StringBuilder b = new StringBuilder("w0: &w0 [").append("x, ".repeat(1999)).append("x]\n");
        for (int i = 1; i <= 6; i++) {
            String prev = "*w" + (i - 1);
            b.append("w").append(i).append(": &w").append(i).append(" [").append(prev).append(", ").append(prev)
                    .append(", ").append(prev).append("]\n");
        }
        assertEquals(List.of("wide.yaml: error: the file expands to more than " + YamlSource.MAX_NODES
                + " nodes (aliases?); a scenario of ordinary size"), problems("wide.yaml", b.toString()));
    }

    @Test
    void oversizeFileIsRefusedBeforeParsing() {
        String big = "# " + "x".repeat((int) YamlSource.MAX_FILE_BYTES) + "\n";
        assertEquals(List.of("big.yaml: error: file is " + (YamlSource.MAX_FILE_BYTES + 3) + " bytes; at most "
                + YamlSource.MAX_FILE_BYTES + " bytes"), problems("big.yaml", big));
    }

    @Test
    void javaTypeTagsAreRefusedAndNothingIsCreated() {
        String gadget = "meta: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"http://localhost:1/\"]]]]\n";
        assertEquals(List.of("tag.yaml:1:7: error: YAML tag 'tag:yaml.org,2002:javax.script.ScriptEngineManager'"
                + " refused (no types are created from input); plain values without tags"), problems("tag.yaml", gadget));
    }

    @Test
    void localTagsAreRefused() {
        assertEquals(List.of("tag.yaml:2:9: error: YAML tag '!custom'; plain values without tags"),
                problems("tag.yaml", "meta:\n  name: !custom x\n"));
    }

    @Test
    void standardTagsAreHarmless() {
        TinyFiles.copyTo(dir);
        TinyFiles.edit(dir, TinyFiles.SCENARIO, "  persons: 200", "  persons: !!int 300");
        assertEquals(300, TinyFiles.load(dir.resolve(TinyFiles.SCENARIO)).population().persons());
    }

    @Test
    void brokenFiles() throws IOException {
        Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertEquals(List.of("binary.yaml: error: file is not valid UTF-8 text; a UTF-8 YAML file"),
                TinyFiles.problems(dir, dir.resolve("binary.yaml")));
        assertEquals(List.of("empty.yaml:1:1: error: the file is empty; a YAML mapping"), problems("empty.yaml", ""));
        assertEquals(List.of("list.yaml:1:1: error: found a list; a mapping of sections"), problems("list.yaml", "- a\n"));
        assertEquals(List.of("nope.yaml: error: file not found; an existing YAML file"),
                TinyFiles.problems(dir, dir.resolve("nope.yaml")));
        assertEquals(List.of("deep.yaml: error: YAML refused: Nesting Depth exceeded max 50; at most 50 levels of nesting"),
                problems("deep.yaml", "a: " + "[".repeat(60) + "]".repeat(60) + "\n"));
    }
}
