package org.safepassage.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicateSeedsTest {

    @Test
    void isTheSplitMix64StreamOfTheBaseSeedWithoutItsSignBit() {
        // first outputs of SplitMix64 seeded with 0 (reference implementation by Vigna)
        assertEquals(0xE220A8397B1DCDAFL >>> 1, ReplicateSeeds.of(0, 1));
        assertEquals(0x6E789E6AA1B965F4L >>> 1, ReplicateSeeds.of(0, 2));
        assertEquals(0x06C45D188009454FL >>> 1, ReplicateSeeds.of(0, 3));
    }

    @Test
    void seedsAreNonNegativeDistinctAndDependOnTheBase() {
        Set<Long> seen = new HashSet<>();
        for (long base : new long[] {1, 2, 7}) {
            for (int r = 1; r <= 1000; r++) {
                long s = ReplicateSeeds.of(base, r);
                assertTrue(s >= 0);
                assertTrue(seen.add(s), "seed repeated for base " + base + ", replicate " + r);
            }
        }
    }

    @Test
    void replicatesAreNumberedFromOne() {
        assertThrows(IllegalArgumentException.class, () -> ReplicateSeeds.of(1, 0));
    }
}
