package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void mixIsSplitMix64sFinaliser() {
        // SplittableRandom(0).nextLong() is mix(0 + GOLDEN_GAMMA): the published SplitMix64 output.
        assertEquals(new java.util.SplittableRandom(0).nextLong(), Seeds.mix(Seeds.GOLDEN_GAMMA));
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix(Seeds.GOLDEN_GAMMA));
    }

    @Test
    void runSeedsFollowTheDocumentedFormula() {
        long s = 2016;
        assertEquals(Seeds.mix(s + 3 * Seeds.GOLDEN_GAMMA) >>> 1, Seeds.runSeed(s, 2));
    }

    @Test
    void replicatesGetDistinctPositiveSeedsAndStudiesDiffer() {
        Set<Long> seen = new HashSet<>();
        for (int r = 0; r < 10_000; r++) {
            long seed = Seeds.runSeed(2016, r);
            assertTrue(seed >= 0);
            assertTrue(seen.add(seed));
        }
        assertNotEquals(Seeds.runSeed(2016, 0), Seeds.runSeed(2017, 0));
        assertNotEquals(Seeds.stream(2016, Seeds.DESIGN), Seeds.stream(2016, Seeds.BOOTSTRAP));
    }
}
