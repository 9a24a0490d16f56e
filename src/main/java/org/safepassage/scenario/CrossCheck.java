package org.safepassage.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that need the whole scenario: names are unique and every reference points at
 * something that exists, corridors sit on passable cells of the map, every populated
 * neighbourhood can walk to a civilian corridor.
 */
final class CrossCheck {

    private final Scenario s;
    private final Fields root;

    CrossCheck(Scenario s, Fields root) {
        this.s = s;
        this.root = root;
    }

    void run() {
        List<String> pauseNames = uniqueNames("pauses", s.pauses().stream().map(Pause::name).toList());
        List<String> corridorNames = uniqueNames("corridors", s.corridors().stream().map(Corridor::name).toList());
        List<String> groupNames = uniqueNames("fighters", s.fighters().stream().map(FighterGroup::name).toList());
        List<String> hoods = s.map().neighbourhoods().stream().map(Neighbourhood::name).toList();
        DistrictMap map = s.map();
        for (int i = 0; i < s.corridors().size(); i++) {
            Corridor c = s.corridors().get(i);
            YamlNode node = root.list("corridors", false).get(i);
            String path = "corridors[" + i + "]";
            checkEntryCell(c, node, path);
            if (!map.safeAreas().contains(c.leadsTo())) {
                reference(node.get("leadsTo"), path + ".leadsTo", "safe area", c.leadsTo(), map.safeAreas());
            }
            List<YamlNode> pauseRefs = node.get("pauses") != null && node.get("pauses").isSequence()
                    ? node.get("pauses").items() : List.of();
            for (int p = 0; p < c.pauses().size(); p++) {
                if (!pauseNames.contains(c.pauses().get(p))) {
                    reference(pauseRefs.get(p), path + ".pauses[" + p + "]", "pause", c.pauses().get(p), pauseNames);
                }
            }
            for (int n = 0; n < c.neighbourhoods().size(); n++) {
                if (!hoods.contains(c.neighbourhoods().get(n))) {
                    reference(node.get("neighbourhoods").items().get(n), path + ".neighbourhoods[" + n + "]",
                            "neighbourhood", c.neighbourhoods().get(n), hoods);
                }
            }
            List<String> rescued = c.rescue() == null ? List.of() : c.rescue().neighbourhoods();
            for (int n = 0; n < rescued.size(); n++) {
                if (!hoods.contains(rescued.get(n))) {
                    reference(node.get("rescue").get("neighbourhoods").items().get(n),
                            path + ".rescue.neighbourhoods[" + n + "]", "neighbourhood", rescued.get(n), hoods);
                }
            }
        }
        for (int i = 0; i < s.fighters().size(); i++) {
            FighterGroup g = s.fighters().get(i);
            YamlNode node = root.list("fighters", false).get(i);
            String path = "fighters[" + i + "]";
            for (int k = 0; k < g.controls().size(); k++) {
                if (!hoods.contains(g.controls().get(k))) {
                    reference(node.get("controls").items().get(k), path + ".controls[" + k + "]", "neighbourhood",
                            g.controls().get(k), hoods);
                }
            }
            if (g.leavesBy() != null) {
                int c = s.corridorIndex(g.leavesBy());
                if (c < 0) {
                    reference(node.get("leavesBy"), path + ".leavesBy", "corridor", g.leavesBy(), corridorNames);
                } else if (s.corridors().get(c).kind() != Corridor.Kind.FIGHTER) {
                    problem(node.get("leavesBy"), path + ".leavesBy", "corridor '" + g.leavesBy() + "' is "
                            + s.corridors().get(c).kind().name().toLowerCase(), "a corridor of kind fighter");
                }
            }
        }
        for (int i = 0; i < s.events().size(); i++) {
            Event e = s.events().get(i);
            YamlNode node = root.list("events", false).get(i);
            String path = "events[" + i + "]";
            if (e.type() == null) {
                continue; // a bad type is already reported
            }
            switch (e.type()) {
                case FRONT_SHIFT -> {
                    if (!hoods.contains(e.target())) {
                        reference(node.get("target"), path + ".target", "neighbourhood", e.target(), hoods);
                    }
                    if (!map.safeAreas().contains(e.safeArea())) {
                        reference(node.get("safeArea"), path + ".safeArea", "safe area", e.safeArea(), map.safeAreas());
                    }
                }
                case FRONT_REGAIN -> {
                    if (!hoods.contains(e.target())) {
                        reference(node.get("target"), path + ".target", "neighbourhood", e.target(), hoods);
                    }
                }
                case SUSPEND -> {
                    if (!pauseNames.contains(e.target())) {
                        reference(node.get("target"), path + ".target", "pause", e.target(), pauseNames);
                    }
                }
                case DEAL -> {
                    if (!groupNames.contains(e.target())) {
                        reference(node.get("target"), path + ".target", "fighter group", e.target(), groupNames);
                    }
                }
                case EVACUATION_ORDER, BOMBARDMENT -> {
                    if (!e.wholeDistrict() && !hoods.contains(e.target())) {
                        reference(node.get("target"), path + ".target", "neighbourhood", e.target(), hoods);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        checkNotice();
        checkCivilianCorridor();
        checkReachability();
    }

    /**
     * A pause must be announced inside the simulated time: a notice reaching back before
     * {@code clock.start} would otherwise be cut to the clock's start while the file, and every
     * report, still showed the longer notice. Refused, with the two ways out.
     */
    private void checkNotice() {
        if (s.clock().start() == null) {
            return;
        }
        for (int i = 0; i < s.pauses().size(); i++) {
            Pause p = s.pauses().get(i);
            String prefix = "pauses[" + i + "]";
            boolean reported = root.problems().stream().anyMatch(q -> q.keyPath().equals(prefix + ".start")
                    || q.keyPath().equals(prefix + ".notice") || q.keyPath().startsWith("clock"));
            if (reported || p.start() == null || p.notice() == null
                    || !p.announcedAt().isBefore(s.clock().start())) {
                continue; // a bad start, notice or clock is already reported; its fallback means nothing
            }
            YamlNode node = root.list("pauses", false).get(i);
            YamlNode at = node.get("notice") != null ? node.get("notice") : node.get("start");
            java.time.Duration fits = java.time.Duration.between(s.clock().start(), p.start());
            String expected = fits.isNegative()
                    ? "a pause that starts at or after clock.start " + s.clock().start()
                    : "a notice of at most " + fits + " (the time from clock.start " + s.clock().start()
                            + " to the pause), or clock.start at or before " + p.announcedAt()
                            + " with clock.horizon longer by as much";
            problem(at != null ? at : node, "pauses[" + i + "]." + (node.get("notice") != null ? "notice" : "start"),
                    "notice " + p.notice() + " announces the pause at " + p.announcedAt() + ", before the clock starts",
                    expected);
        }
    }

    /** The entry must be a passable cell of the map (a missing or malformed one is already reported). */
    private void checkEntryCell(Corridor c, YamlNode node, String path) {
        DistrictMap map = s.map();
        if (c.entryX() == ScenarioLoader.NO_CELL) {
            return;
        }
        if (c.entryX() < 0 || c.entryY() < 0 || c.entryX() >= map.width() || c.entryY() >= map.height()) {
            problem(node.get("entryCell"), path + ".entryCell", "cell [" + c.entryX() + ", " + c.entryY()
                    + "] is outside the " + map.width() + " x " + map.height() + " map",
                    "a cell inside the map");
            return;
        }
        Terrain t = map.terrain()[map.cell(c.entryX(), c.entryY())];
        if (!t.passable()) {
            problem(node.get("entryCell"), path + ".entryCell", "cell [" + c.entryX() + ", " + c.entryY()
                    + "] is " + t.key(), "a passable cell (street, built, rubble or front) inside the enclave");
        }
    }

    private void checkCivilianCorridor() {
        boolean any = s.corridors().stream().anyMatch(c -> c.kind() != Corridor.Kind.FIGHTER);
        if (!any && !s.corridors().isEmpty()) {
            root.report("corridors", "no civilian or medical corridor", "at least one corridor civilians can use");
        }
    }

    /** Every neighbourhood with people must reach a civilian or medical corridor on foot. */
    private void checkReachability() {
        DistrictMap map = s.map();
        boolean[] seen = new boolean[map.cells()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (Corridor c : s.corridors()) {
            if (c.kind() == Corridor.Kind.FIGHTER || c.entryX() < 0 || c.entryX() >= map.width()
                    || c.entryY() < 0 || c.entryY() >= map.height()) {
                continue;
            }
            int cell = map.cell(c.entryX(), c.entryY());
            if (map.terrain()[cell].passable() && !seen[cell]) {
                seen[cell] = true;
                queue.add(cell);
            }
        }
        if (queue.isEmpty()) {
            return;
        }
        int w = map.width();
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            int x = cell % w;
            int y = cell / w;
            int[][] next = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
            for (int[] n : next) {
                if (n[0] >= 0 && n[1] >= 0 && n[0] < w && n[1] < map.height()) {
                    int c = map.cell(n[0], n[1]);
                    if (!seen[c] && map.terrain()[c].passable()) {
                        seen[c] = true;
                        queue.add(c);
                    }
                }
            }
        }
        boolean[] reached = new boolean[map.neighbourhoods().size()];
        boolean[] built = new boolean[map.neighbourhoods().size()];
        for (int c = 0; c < map.cells(); c++) {
            int h = map.neighbourhoodOfCell()[c];
            if (h >= 0 && map.terrain()[c] == Terrain.BUILT) {
                built[h] = true;
                reached[h] |= seen[c];
            }
        }
        List<YamlNode> items = root.raw("map").get("neighbourhoods").items();
        for (int h = 0; h < reached.length; h++) {
            Neighbourhood n = map.neighbourhoods().get(h);
            // A neighbourhood without built-up cells is reported by the map reader already.
            if (!reached[h] && built[h] && n.populationShare() > 0) {
                problem(items.get(h), "map.neighbourhoods[" + h + "]", "neighbourhood '" + n.name()
                        + "' cannot reach any civilian corridor on foot",
                        "a passable path from its built-up cells to a corridor entry");
            }
        }
    }

    private List<String> uniqueNames(String section, List<String> names) {
        Set<String> seen = new HashSet<>();
        List<YamlNode> items = root.list(section, false);
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty() && !seen.add(names.get(i))) {
                problem(items.get(i).get("name"), section + "[" + i + "].name", "name '" + names.get(i)
                        + "' is used twice", "a unique name");
            }
        }
        return new ArrayList<>(names);
    }

    private void reference(YamlNode node, String path, String what, String name, List<String> known) {
        if (name == null || name.isEmpty()) {
            return; // a missing or empty name is already reported where it is read
        }
        String hint = Suggest.nearest(name, known);
        problem(node, path, "no " + what + " named '" + name + "'",
                hint != null ? "did you mean '" + hint + "'?" : "one of " + (known.isEmpty() ? "(none defined)"
                        : String.join(", ", known)));
    }

    private void problem(YamlNode node, String path, String found, String expected) {
        YamlNode where = node != null ? node : root.node();
        root.problems().add(Fields.at(where, path, found, expected));
    }
}
