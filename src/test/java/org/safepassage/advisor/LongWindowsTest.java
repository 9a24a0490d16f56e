package org.safepassage.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safepassage.experiment.Seeds;
import org.safepassage.scenario.DesignSpec;

/**
 * Windows of a day or more with {@code repeatDays}: such a window opened again on the next days
 * overlaps itself and is one longer block (PT24H on two days is PT48H once), so without a
 * condition the design space held the same pause twice or more. With {@code onlyWhen} on the
 * repeat lever, each pause is one design: the search considers each once, and the lever space
 * counts each once.
 */
class LongWindowsTest {

    static final List<String> DURATIONS = List.of("PT4H", "PT11H", "PT24H", "PT48H");

    static DesignSpec spec(boolean conditional) {
        DesignSpec.Condition c = conditional
                ? new DesignSpec.Condition(0, List.of(true, true, false, false), "duration below PT24H") : null;
        return new DesignSpec("windows", "How long, how often?", Path.of("none.yaml"), Path.of("windows.yaml"),
                List.of(new DesignSpec.Lever("duration", DURATIONS, true),
                        new DesignSpec.Lever("repeatDays", List.of("1", "2", "3"), true, List.of(), c)),
                List.of(new DesignSpec.Objective("evacuated", "mean", true)), List.of(), null, List.of(),
                new DesignSpec.Search(3, 100, 8, List.of(2, 4), 0.5), null, List.of());
    }

    /** The hours a window of that length repeated on that many days keeps the crossings open (the calendar's union). */
    static long openHours(Map<String, String> v) {
        long hours = Duration.parse(v.get("duration")).toHours();
        int days = Integer.parseInt(v.get("repeatDays"));
        return hours >= 24 ? hours + 24L * (days - 1) : hours * days;
    }

    static final World WORLD = sets -> {
        Map<String, String> v = new LinkedHashMap<>();
        for (String s : sets) {
            v.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        long hours = openHours(v);
        return seed -> {
            double e = (Seeds.mix(seed) >>> 11) * 0x1.0p-53;
            return new World.Outcome(-1, Map.of("noise", e), Map.of("evacuated", 100.0 * hours + e));
        };
    };

    /** A pause as the calendar opens it: a long window by its hours open, a short one by its length and days. */
    static String pause(List<String> values) {
        long hours = Duration.parse(values.get(0)).toHours();
        return hours >= 24 ? "one block of " + openHours(Map.of("duration", values.get(0), "repeatDays", values.get(1)))
                + " h" : values.get(0) + " on " + values.get(1) + " day(s)";
    }

    @Test
    void eachPauseIsOneDesign() throws Exception {
        Advisor.Result r = DesignRun.inMemory(spec(true), WORLD, 2);
        assertEquals(2 * 3 + 2, Advisor.spaceSize(spec(true)), "4 h and 11 h on 1 to 3 days, 24 h and 48 h once");
        Set<String> pauses = new TreeSet<>();
        for (Advisor.Scored s : r.considered()) {
            List<String> values = s.candidate().values(spec(true));
            if (Duration.parse(values.get(0)).toHours() >= 24) {
                assertEquals("1", values.get(1), "a long window is not repeated: " + values);
            }
            pauses.add(pause(values));
        }
        assertEquals(r.considered().size(), pauses.size(), "no pause considered twice: " + pauses);
        assertTrue(r.considered().size() >= 6, "most of the 8 designs: " + pauses);
    }

    /** The shipped file: 4 short lengths x 4 day counts + 5 long lengths once = 21 pauses, x 7 x 2 x 4 x 63. */
    @Test
    void theShippedDesignCountsEachPauseOnce() throws Exception {
        DesignSpec d = org.safepassage.scenario.DesignSpecLoader.load(Path.of("scenarios/designs/aleppo-2016.yaml"));
        assertEquals(21L * 7 * 2 * 4 * 63, Advisor.spaceSize(d));
        assertEquals("4.0.0.0.0.0", new Candidate(new int[] {4, 3, 0, 0, 0, 0}).canonical(d).key(),
                "PT24H on four days is PT24H once");
        assertEquals("3.3.0.0.0.0", new Candidate(new int[] {3, 3, 0, 0, 0, 0}).canonical(d).key(),
                "PT11H on four days stays");
    }

    @Test
    void withoutTheConditionTheSamePauseWasConsideredAgain() throws Exception {
        Advisor.Result r = DesignRun.inMemory(spec(false), WORLD, 2);
        assertEquals(12, Advisor.spaceSize(spec(false)));
        Map<String, List<String>> designs = new TreeMap<>();
        for (Advisor.Scored s : r.considered()) {
            List<String> values = s.candidate().values(spec(false));
            designs.computeIfAbsent(pause(values), k -> new ArrayList<>()).add(values.toString());
        }
        // 24 h on 2 days = 48 h once (48 h open); 24 h on 3 days = 48 h on 2 days (72 h open)
        assertTrue(designs.size() < r.considered().size(), "some pause considered twice: " + designs);
    }
}
