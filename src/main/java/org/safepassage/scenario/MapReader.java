package org.safepassage.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code map} section and its text layers: the terrain layer (one character a cell,
 * meaning given by the scenario's legend) and the neighbourhood layer (one character a cell,
 * the symbols of the scenario's neighbourhoods; '.' or space for none). Both layers must have
 * the same size. Files are resolved relative to the scenario file that names them.
 */
final class MapReader {

    /** Largest grid side accepted. */
    static final int MAX_SIDE = 2000;
    private static final long MAX_MAP_BYTES = 8L << 20;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private MapReader() {
    }

    static DistrictMap read(Fields map) {
        List<Problem> problems = map.problems();
        double cellMeters = map.fact(ScenarioParameters.described("map.cellMeters"));
        int problemsBefore = problems.size();
        Map<Character, Terrain> terrainOf = new HashMap<>();
        Map<Character, String> safeAreaOf = new HashMap<>();
        List<String> safeAreas = new ArrayList<>();
        readLegend(map, terrainOf, safeAreaOf, safeAreas);
        boolean legendOk = problems.size() == problemsBefore;
        int beforeNeighbourhoods = problems.size();
        List<Neighbourhood> neighbourhoods = readNeighbourhoods(map);
        boolean neighbourhoodsOk = problems.size() == beforeNeighbourhoods;

        Path terrainFile = resolve(map, "file");
        Path layerFile = resolve(map, "neighbourhoodFile");
        if (terrainFile == null || layerFile == null || !legendOk) {
            return null;
        }
        List<String> terrainRows = readLines(map, "file", terrainFile);
        List<String> layerRows = readLines(map, "neighbourhoodFile", layerFile);
        if (terrainRows == null || layerRows == null) {
            return null;
        }
        String terrainLabel = map.raw("file").text();
        int height = terrainRows.size();
        int width = terrainRows.get(0).length();
        int before = problems.size();
        if (width > MAX_SIDE || height > MAX_SIDE) {
            problems.add(Fields.at(map.raw("file"), map.path("file"), "map is " + width + " x " + height
                    + " cells", "at most " + MAX_SIDE + " x " + MAX_SIDE));
            return null;
        }
        Terrain[] terrain = new Terrain[width * height];
        int[] safeArea = new int[width * height];
        Arrays.fill(safeArea, -1);
        Tally tally = new Tally(terrainFile.toString());
        for (int y = 0; y < height; y++) {
            String row = terrainRows.get(y);
            if (row.length() != width) {
                tally.add("row", y, Math.min(row.length(), width), map.path("file"), "row " + (y + 1) + " has "
                        + row.length() + " cells", width + " cells like the first row", "rows of another length");
                continue;
            }
            for (int x = 0; x < width; x++) {
                char c = row.charAt(x);
                Terrain t = terrainOf.get(c);
                if (t == null) {
                    tally.add("char " + c, y, x, map.path("legend"), "character " + shown(c) + " is not in the legend",
                            "one of " + legendChars(terrainOf), "cells");
                    t = Terrain.BLOCKED;
                }
                terrain[y * width + x] = t;
                if (t == Terrain.SAFE) {
                    safeArea[y * width + x] = safeAreas.indexOf(safeAreaOf.get(c));
                }
            }
        }
        tally.report(problems);
        int[] hood = new int[width * height];
        Arrays.fill(hood, -1);
        if (!neighbourhoodsOk) {
            // Symbols of broken neighbourhood items would be reported cell by cell; fix those first.
            return null;
        }
        if (layerRows.size() != height) {
            problems.add(Fields.at(map.raw("neighbourhoodFile"), map.path("neighbourhoodFile"),
                    "layer has " + layerRows.size() + " rows", height + " rows like " + terrainLabel));
        } else {
            Map<Character, Integer> symbolIndex = new HashMap<>();
            for (int i = 0; i < neighbourhoods.size(); i++) {
                symbolIndex.put(neighbourhoods.get(i).symbol(), i);
            }
            Tally layerTally = new Tally(layerFile.toString());
            for (int y = 0; y < height; y++) {
                String row = layerRows.get(y);
                if (row.length() != width) {
                    layerTally.add("row", y, Math.min(row.length(), width), map.path("neighbourhoodFile"),
                            "row " + (y + 1) + " has " + row.length() + " cells", width + " cells like the terrain layer",
                            "rows of another length");
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    char c = row.charAt(x);
                    if (c == '.' || c == ' ') {
                        continue;
                    }
                    Integer i = symbolIndex.get(c);
                    if (i == null) {
                        layerTally.add("symbol " + c, y, x, map.path("neighbourhoods"), "symbol " + shown(c)
                                + " is no neighbourhood's", "a symbol listed in map.neighbourhoods, or '.'", "cells");
                    } else {
                        hood[y * width + x] = i;
                    }
                }
            }
            layerTally.report(problems);
        }
        if (problems.size() > before) {
            return null;
        }
        DistrictMap result = new DistrictMap(terrainFile, width, height, cellMeters, terrain, hood, safeArea,
                neighbourhoods, safeAreas);
        checkNeighbourhoodsHaveHomes(map, result);
        return result;
    }

    /**
     * The first place of each kind of mistake in a layer and how often it recurs, so that a
     * character missing from the legend gives one line, not one per cell.
     */
    private static final class Tally {
        private final String file;
        private final Map<String, Problem> first = new LinkedHashMap<>();
        private final Map<String, Integer> count = new HashMap<>();
        private final Map<String, String> unit = new HashMap<>();

        Tally(String file) {
            this.file = file;
        }

        /** A mistake at 0-based row {@code y}, column {@code x}; {@code kind} groups repeats. */
        void add(String kind, int y, int x, String keyPath, String found, String expected, String units) {
            first.putIfAbsent(kind, new Problem(file, y + 1, x + 1, keyPath, found, expected));
            count.merge(kind, 1, Integer::sum);
            unit.put(kind, units);
        }

        void report(List<Problem> problems) {
            for (Map.Entry<String, Problem> e : first.entrySet()) {
                Problem p = e.getValue();
                int n = count.get(e.getKey());
                problems.add(n == 1 ? p : new Problem(p.file(), p.line(), p.column(), p.keyPath(),
                        p.found() + " (" + n + " " + unit.get(e.getKey()) + ", the first here)", p.expected()));
            }
        }
    }

    private static void checkNeighbourhoodsHaveHomes(Fields map, DistrictMap m) {
        int[] homes = new int[m.neighbourhoods().size()];
        for (int c = 0; c < m.cells(); c++) {
            if (m.neighbourhoodOfCell()[c] >= 0 && m.terrain()[c] == Terrain.BUILT) {
                homes[m.neighbourhoodOfCell()[c]]++;
            }
        }
        List<YamlNode> items = map.list("neighbourhoods", false);
        for (int i = 0; i < homes.length; i++) {
            if (homes[i] == 0 && m.neighbourhoods().get(i).populationShare() > 0) {
                map.problems().add(Fields.at(items.get(i), map.path("neighbourhoods") + "[" + i + "]",
                        "neighbourhood '" + m.neighbourhoods().get(i).name() + "' has no built-up cell",
                        "built-up cells to place its population on (or populationShare 0)"));
            }
        }
    }

    /** A map character for a message: quoted when visible, else its code point (U+00A0). */
    static String shown(char c) {
        if (c == ' ') {
            return "' ' (a space)";
        }
        return c > ' ' && c < 0x7f || Character.isLetterOrDigit(c) ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static String legendChars(Map<Character, Terrain> legend) {
        StringBuilder b = new StringBuilder();
        legend.keySet().stream().sorted().forEach(c -> b.append(b.length() > 0 ? " " : "").append("'").append(c).append("'"));
        return b.toString();
    }

    private static void readLegend(Fields map, Map<Character, Terrain> terrainOf, Map<Character, String> safeAreaOf,
            List<String> safeAreas) {
        YamlNode legend = map.raw("legend");
        String path = map.path("legend");
        if (legend == null || !legend.isMapping()) {
            map.report("legend", legend == null ? "missing" : "found " + legend.describe(),
                    "a mapping from map characters to terrain");
            return;
        }
        List<String> terrains = new ArrayList<>();
        for (Terrain t : Terrain.values()) {
            terrains.add(t.key());
        }
        for (Map.Entry<String, YamlNode> e : legend.entries().entrySet()) {
            String key = e.getKey();
            String keyPath = path + "." + key;
            if (key.length() != 1) {
                map.problems().add(Fields.at(legend.keyNode(key), keyPath, "key '" + key + "'", "a single character"));
                continue;
            }
            YamlNode v = e.getValue();
            String terrainName;
            String area = null;
            if (v.isMapping()) {
                Fields f = Fields.of(v, keyPath, map.problems(), legend, "terrain", "safeArea");
                terrainName = f.string("terrain", null);
                area = f.string("safeArea", "");
            } else if (v.isScalar() && v.text() != null) {
                terrainName = v.text();
            } else {
                map.problems().add(Fields.at(v, keyPath, "found " + v.describe(), "a terrain name"));
                continue;
            }
            int t = terrains.indexOf(terrainName);
            if (t < 0) {
                String hint = Suggest.nearest(terrainName, terrains);
                map.problems().add(Fields.at(v, keyPath, "terrain '" + terrainName + "'",
                        (hint != null ? "did you mean '" + hint + "'? " : "") + "one of " + String.join(", ", terrains)));
                continue;
            }
            Terrain terrain = Terrain.values()[t];
            if (terrain == Terrain.SAFE) {
                if (area == null || area.isEmpty()) {
                    map.problems().add(Fields.at(v, keyPath, "safe terrain without a safe area",
                            "{terrain: safe, safeArea: NAME}"));
                    continue;
                }
                if (!safeAreas.contains(area)) {
                    safeAreas.add(area);
                }
                safeAreaOf.put(key.charAt(0), area);
            }
            terrainOf.put(key.charAt(0), terrain);
        }
    }

    private static List<Neighbourhood> readNeighbourhoods(Fields map) {
        List<Neighbourhood> out = new ArrayList<>();
        List<YamlNode> items = map.list("neighbourhoods", true);
        double sum = 0;
        boolean sharesOk = true;
        List<String> names = new ArrayList<>();
        List<Character> symbols = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = map.path("neighbourhoods") + "[" + i + "]";
            Fields f = Fields.of(items.get(i), path, map.problems(), map.node(),
                    "name", "symbol", "populationShare", "bombardmentFactor");
            String name = f.string("name", null);
            String symbol = f.string("symbol", null);
            double share = f.fact(ScenarioParameters.described("map.neighbourhoods[].populationShare"));
            double factor = f.fact(ScenarioParameters.described("map.neighbourhoods[].bombardmentFactor"));
            if (symbol.length() != 1 || symbol.equals(".") || symbol.equals(" ")) {
                if (f.has("symbol")) {
                    f.report("symbol", "found '" + symbol + "'", "a single character other than '.' and space");
                }
                continue;
            }
            if (names.contains(name)) {
                f.report("name", "neighbourhood '" + name + "' twice", "unique names");
            }
            if (symbols.contains(symbol.charAt(0))) {
                f.report("symbol", "symbol '" + symbol + "' twice", "a symbol per neighbourhood");
            }
            names.add(name);
            symbols.add(symbol.charAt(0));
            if (Double.isNaN(share)) {
                sharesOk = false; // reported; a sum without it would only mislead
            } else {
                sum += share;
            }
            out.add(new Neighbourhood(name, symbol.charAt(0), share, factor));
        }
        if (sharesOk && !items.isEmpty() && out.size() == items.size() && Math.abs(sum - 1.0) > 1e-6) {
            map.report("neighbourhoods", "population shares sum to " + Fields.fmt(Math.round(sum * 1e6) / 1e6),
                    "shares that sum to 1");
        }
        return out;
    }

    private static Path resolve(Fields map, String key) {
        String name = map.string(key, null);
        YamlNode node = map.raw(key);
        if (name.isEmpty() || node == null) {
            return null;
        }
        try {
            return fileNamedBy(node);
        } catch (java.nio.file.InvalidPathException e) {
            map.report(key, "'" + name + "' is not a file path (" + e.getReason() + ")", "the path of a text map");
            return null;
        }
    }

    /**
     * The file a scalar names, relative to the file it is written in.
     *
     * @throws java.nio.file.InvalidPathException when the name is no path (a NUL character)
     */
    static Path fileNamedBy(YamlNode node) {
        Path dir = Path.of(node.file()).getParent();
        return dir == null ? Path.of(node.text()) : dir.resolve(node.text()).normalize();
    }

    private static List<String> readLines(Fields map, String key, Path file) {
        try {
            byte[] bytes = YamlSource.readRegular(file, MAX_MAP_BYTES);
            if (bytes == null) {
                map.report(key, "map file " + file + " is not a regular file (a device, pipe or folder)",
                        "a text map next to the scenario");
                return null;
            }
            if (bytes.length > MAX_MAP_BYTES) {
                map.report(key, "map file " + file + " is over " + MAX_MAP_BYTES + " bytes", "a smaller map");
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!lines.isEmpty() && lines.get(0).startsWith(BYTE_ORDER_MARK)) {
                lines.set(0, lines.get(0).substring(1)); // some editors start UTF-8 files with one
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.isEmpty()) {
                map.report(key, "map file " + file + " is empty", "rows of map characters");
                return null;
            }
            return lines;
        } catch (NoSuchFileException e) {
            map.report(key, "map file " + file + " not found", "a text map next to the scenario");
        } catch (IOException | java.io.UncheckedIOException e) {
            map.report(key, "cannot read map file " + file + " (" + e.getMessage() + ")", "a UTF-8 text map");
        }
        return null;
    }
}
