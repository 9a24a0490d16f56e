package org.safepassage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs whose estimated memory (times the runs at a time) exceeds this JVM's heap are refused
 * before they start, with the figures and what to do, instead of an OutOfMemoryError.
 */
class MemoryCheckTest {

    @Test
    void runsThatCannotFitTheHeapAreRefusedWithAdvice() {
        long max = Runtime.getRuntime().maxMemory();
        assertNull(Inputs.memoryProblem(1 << 20, 2));
        String many = Inputs.memoryProblem(max / 3, 8);
        assertTrue(many != null && many.contains("8 at a time") && many.contains("use --threads 3")
                && many.contains("SAFEPASSAGE_JAVA_OPTS=-Xmx"), many);
        String one = Inputs.memoryProblem(max + 1, 1);
        assertTrue(one != null && !one.contains("--threads"), one);
        assertEquals(1, one.lines().count());
    }
}
