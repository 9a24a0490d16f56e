package org.safepassage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every episode file that says its map is schematic names the generator's command, and that
 * command gives exactly the map files shipped: the maps are what the files say they are.
 */
class SchematicMapTest {

    private static final Pattern COMMAND = Pattern.compile(
            "#\\s+java src/test/java/org/safepassage/tools/SchematicMap\\.java scenarios/maps (\\S+) (\\d+) (\\d+) (\\d+)((?: \\S:\\d+)+)");

    @Test
    void everySchematicMapIsWhatItsCommandGenerates() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios", "episodes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (!text.contains("Schematic map")) {
                    continue;
                }
                Matcher m = COMMAND.matcher(text);
                assertTrue(m.find(), f + " says its map is schematic and names the command that makes it");
                List<SchematicMap.Band> bands = new ArrayList<>();
                for (String b : m.group(5).trim().split(" ")) {
                    bands.add(new SchematicMap.Band(b.charAt(0), Integer.parseInt(b.substring(2))));
                }
                SchematicMap.Layers l = SchematicMap.draw(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), bands);
                Path maps = Path.of("scenarios", "maps");
                assertEquals(l.terrain(), Files.readAllLines(maps.resolve(m.group(1) + ".txt")), f + ": terrain layer");
                assertEquals(l.neighbourhoods(), Files.readAllLines(maps.resolve(m.group(1) + "-neighbourhoods.txt")),
                        f + ": neighbourhood layer");
                assertTrue(text.contains("../maps/" + m.group(1) + ".txt"), f + " uses the map its command makes");
                checked.add(f.getFileName().toString());
            }
        }
        assertEquals(16, checked.size(), "the sixteen episodes beyond Aleppo have schematic maps: " + checked);
    }

    @Test
    void theSpineStaysOutsideEveryBandSoTheRestReachesTheFrontAfterAShift() {
        SchematicMap.Layers l = SchematicMap.draw(10, 1, 4, List.of(new SchematicMap.Band('a', 3),
                new SchematicMap.Band('b', 2)));
        assertEquals(7, l.terrain().size());
        assertEquals("WWWWWWWWWW", l.terrain().get(0));
        assertEquals("FFFFFFFFFF", l.terrain().get(1));
        for (int r = 2; r < 7; r++) {
            assertEquals('.', l.terrain().get(r).charAt(5), "spine is a street");
            assertEquals('.', l.neighbourhoods().get(r).charAt(5), "spine belongs to no neighbourhood");
        }
        assertEquals("aaaaa.aaaa", l.neighbourhoods().get(3));
        assertFalse(l.terrain().get(3).chars().allMatch(c -> c == '.'), "bands are built up");
        assertThrows(IllegalArgumentException.class, () -> SchematicMap.draw(10, 1, 4, List.of(new SchematicMap.Band('a', 1))));
    }
}
