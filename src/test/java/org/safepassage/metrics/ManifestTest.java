package org.safepassage.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {

    @Test
    void theManifestNamesTheCommitTheProgramWasBuiltFrom() {
        String built = Manifest.builtFrom();
        assumeTrue(built != null, "built outside a git checkout: no commit recorded");
        assertTrue(built.matches("[0-9a-f]{40}(-modified)?"), built);
        Map<String, Object> m = Manifest.base("9.9.9");
        assertEquals(built, m.get("gitCommit"));
        assertEquals("9.9.9", m.get("projectVersion"));
    }
}
