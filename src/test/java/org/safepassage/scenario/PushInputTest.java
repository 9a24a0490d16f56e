package org.safepassage.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push's facts (ODD 7.1 "Push"): evacuation orders and bombardment events, read and refused where written. */
class PushInputTest {

    @TempDir
    Path dir;

    private Path child(String text) {
        return TinyFiles.child(dir, text);
    }

    private static String only(Path file) {
        return TinyFiles.onlyProblem(file);
    }

    @Test
    void anOrderAndABombardmentAreReadWithOrWithoutATarget() {
        Scenario s = TinyFiles.load(child("events:\n"
                + "  - {at: 2016-10-20T07:00, type: evacuation-order, by: the army}\n"
                + "  - {at: 2016-10-20T08:00, type: bombardment, target: HOOD, factor: 2.5}\n"
                        .replace("HOOD", TinyFiles.load(TinyFiles.copyTo(dir)).map().neighbourhoods().get(0).name())));
        Event order = s.events().get(0);
        assertEquals(Event.Type.EVACUATION_ORDER, order.type());
        assertEquals("the army", order.by());
        assertNull(order.target(), "no target: the whole district");
        assertEquals(2.5, s.events().get(1).factor());
        assertEquals(1.0, order.factor(), "an order does not change the bombardment");
    }

    @Test
    void anOrderWithoutWhoGaveItIsRefusedWhereItIsWritten() {
        Path f = child("events:\n  - {at: 2016-10-20T07:00, type: evacuation-order}\n");
        assertEquals(f + ":3:5: error: events[0].by: missing; a non-empty text", only(f));
    }

    /** Line 3 of the child file, column (from 1) where {@code what} starts in it. */
    private static int column(String line, String what) {
        return line.indexOf(what) + 1;
    }

    @Test
    void aNegativeBombardmentFactorIsRefusedWhereItIsWritten() {
        String line = "  - {at: 2016-10-20T07:00, type: bombardment, factor: -1}";
        Path f = child("events:\n" + line + "\n");
        assertEquals(f + ":3:" + column(line, "-1}") + ": error: events[0].factor: found -1; a number from 0 to 1000", only(f));
    }

    @Test
    void aFactorOnAnotherKindOfEventIsRefusedWhereItIsWritten() {
        String line = "  - {at: 2016-10-20T07:00, type: suspend, target: pause, duration: PT1H, factor: 2}";
        Path f = child("events:\n" + line + "\n");
        assertEquals(f + ":3:" + column(line, "2}") + ": error: events[0].factor: 'factor' on a suspend event; "
                + "'factor' only on a bombardment event", only(f));
    }

    @Test
    void anOrderForAnUnknownNeighbourhoodIsRefusedWhereItIsWritten() {
        String line = "  - {at: 2016-10-20T07:00, type: evacuation-order, target: Nowhere, by: the army}";
        Path f = child("events:\n" + line + "\n");
        String start = f + ":3:" + column(line, "Nowhere") + ": error: events[0].target: ";
        String p = only(f);
        assertEquals(start, p.substring(0, Math.min(p.length(), start.length())), p);
        assertTrue(p.contains("North") && p.contains("South"), "names the neighbourhoods: " + p);
    }
}
