package org.safepassage.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a scenario file into a checked {@link Scenario}: resolves {@code extends}, applies
 * {@code --set} overrides, binds every section with its defaults (the defaults are those of
 * docs/ODD.md) and checks the whole: map, references between sections, reachability.
 * Every problem is collected; the load fails with all of them at once.
 */
public final class ScenarioLoader {

    /** The schema version this loader reads. */
    public static final int SCHEMA_VERSION = 1;

    static final String[] SECTIONS = {"schemaVersion", "meta", "clock", "map", "population", "behaviour",
        "pauses", "corridors", "fighters", "hazards", "events", "seed", "observed", "ensemble", "front"};

    /** The {@code --ensemble} value that runs the calibrated defaults alone, whatever the file names. */
    public static final String NO_ENSEMBLE = "none";

    /** Entry coordinate of a corridor whose entryCell is missing or malformed (already reported). */
    static final int NO_CELL = Integer.MIN_VALUE;

    /**
     * A loaded scenario and the effective tree it was bound from (for manifests).
     *
     * @param scenario the nominal scenario: every uncertain value at its median, no ensemble member
     * @param variation what each replicate draws besides its seed (ranges, ensemble member)
     */
    public record Loaded(Scenario scenario, YamlNode effective, Variation variation) {
    }

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) throws InvalidInputException {
        return load(file, List.of()).scenario();
    }

    public static Loaded load(Path file, List<String> sets) throws InvalidInputException {
        return load(file, sets, null);
    }

    /**
     * Loads a scenario whose replicates draw the scenario's ranges and distributions
     * ({@link Uncertain}) and a member of a behaviour ensemble: the one the file names under
     * {@code ensemble:} when {@code ensembleOption} is null, none for {@link #NO_ENSEMBLE}, else
     * the ensemble file {@code ensembleOption}. Both ends of every range and every member are checked.
     */
    public static Loaded load(Path file, List<String> sets, String ensembleOption) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = effectiveTree(file, sets, problems);
        return loaded(tree, file, ensembleOption, problems);
    }

    /** Binds an effective tree into a scenario with its ranges and ensemble, checked, or throws every problem. */
    private static Loaded loaded(YamlNode tree, Path file, String ensembleOption, List<Problem> problems)
            throws InvalidInputException {
        Ensemble ensemble = ensemble(tree, ensembleOption, problems);
        Variation variation = variation(tree, file, ensemble, problems);
        if (problems.isEmpty()) {
            Limits.check(variation.nominal(), tree, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ordered(problems));
        }
        return new Loaded(variation.nominal(), tree, variation);
    }

    /**
     * What the replicates of an episode draw (its ranges, and the ensemble chosen as in
     * {@link #load(Path, List, String)}), checked like a load.
     */
    public static Variation variation(Episode episode, Path file, String ensembleOption)
            throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        Ensemble ensemble = ensemble(episode.effective(), ensembleOption, problems);
        Variation v = variation(episode.effective(), file, ensemble, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ordered(problems));
        }
        return v;
    }

    /** The ensemble a load uses (see {@link #load(Path, List, String)}); null for none or when it cannot be read. */
    private static Ensemble ensemble(YamlNode tree, String option, List<Problem> problems) {
        Path path;
        if (option != null) {
            if (option.equals(NO_ENSEMBLE)) {
                return null;
            }
            path = Path.of(option);
        } else {
            YamlNode named = tree.get("ensemble");
            if (named == null || named.isNull()) {
                return null;
            }
            if (!named.isScalar()) {
                problems.add(Fields.at(named, "ensemble", "found " + named.describe(),
                        "the path of an ensemble file, relative to the file that names it, or none"));
                return null;
            }
            if (named.text().equals(NO_ENSEMBLE)) {
                return null;
            }
            path = Path.of(named.file()).resolveSibling(named.text());
        }
        try {
            return Ensemble.load(path);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /**
     * Binds the tree at the medians of its uncertain values (the nominal scenario), then checks
     * what replicates may draw; problems are appended.
     */
    private static Variation variation(YamlNode tree, Path file, Ensemble ensemble, List<Problem> problems) {
        List<Problem> own = new ArrayList<>();
        List<Uncertain.Spec> specs = Uncertain.find(tree, own);
        List<Problem> rejected = Uncertain.takeRejected(own);
        problems.addAll(own);
        List<Problem> found = new ArrayList<>();
        Scenario nominal = bind(Uncertain.substitute(tree, s -> s.at(0.5)), file, found);
        Variation v = new Variation(tree, file, specs, ensemble, nominal);
        if (v.varies() && (nominal != null || !specs.isEmpty())) {
            v.check(found);
        }
        found.removeIf(p -> Uncertain.isEcho(p, rejected));
        problems.addAll(found);
        return v;
    }

    /**
     * Loads scenario text that is not in a file (standard input, a request of {@code serve}), checked
     * like a file; {@code label} names it in messages and its folder anchors relative paths
     * ({@link ScenarioTree#resolveText}).
     */
    public static Loaded loadText(String text, String label, List<String> sets) throws InvalidInputException {
        return loadText(text, label, sets, null);
    }

    /** {@link #loadText(String, String, List)} with the ensemble chosen as in {@link #load(Path, List, String)}. */
    public static Loaded loadText(String text, String label, List<String> sets, String ensembleOption)
            throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = ScenarioTree.resolveText(text, label, problems);
        if (tree == null) {
            throw new InvalidInputException(problems);
        }
        ScenarioTree.applySets(tree, sets, problems);
        return loaded(tree, Path.of(label), ensembleOption, problems);
    }

    /**
     * Loads an episode: a scenario file with an {@code observed:} block (checked like the rest;
     * a file without one is reported at its top).
     */
    public static Episode loadEpisode(Path file, List<String> sets) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = effectiveTree(file, sets, problems);
        Observed[] observed = new Observed[1];
        Scenario scenario = bind(Uncertain.substitute(tree, s -> s.at(0.5)), file, problems, observed);
        if (observed[0] == null && tree.get("observed") == null) {
            problems.add(new Problem(file.toString(), 1, 1, "observed", "missing",
                    "an observed: block (start, points) in an episode file"));
        }
        if (problems.isEmpty()) {
            Limits.check(scenario, tree, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ordered(problems));
        }
        return new Episode(scenario, observed[0], tree);
    }

    /**
     * Merges of {@code file} over its bases that are allowed but likely not meant (see
     * {@link ScenarioTree#resolve(Path, List, List)}); empty when it cannot be read.
     */
    public static List<Problem> warnings(Path file) {
        List<Problem> warnings = new ArrayList<>();
        ScenarioTree.resolve(file, new ArrayList<>(), warnings);
        return warnings;
    }

    /** The file merged over its bases with the overrides applied; throws when it cannot be read. */
    private static YamlNode effectiveTree(Path file, List<String> sets, List<Problem> problems)
            throws InvalidInputException {
        YamlNode tree = ScenarioTree.resolve(file, problems);
        if (tree == null) {
            throw new InvalidInputException(problems);
        }
        ScenarioTree.applySets(tree, sets, problems);
        PlainText.checkNames(tree, problems);
        if (Limits.precheck(tree, problems)) {
            throw new InvalidInputException(ordered(problems));
        }
        return tree;
    }

    /** Binds an effective tree; problems are appended. Returns null when it cannot be built. */
    static Scenario bind(YamlNode tree, Path file, List<Problem> problems) {
        return bind(tree, file, problems, new Observed[1]);
    }

    private static Scenario bind(YamlNode tree, Path file, List<Problem> problems, Observed[] observed) {
        tree = withoutClosedCorridors(tree, problems);
        Fields root = Fields.of(tree, "", problems, null, SECTIONS);
        long schema = root.integer("schemaVersion", null, 1, Integer.MAX_VALUE);
        if (root.has("schemaVersion") && schema != SCHEMA_VERSION && schema != 1L) {
            root.report("schemaVersion", "version " + schema, "version " + SCHEMA_VERSION);
        }
        Meta meta = meta(root.child("meta", "name", "description", "sources"));
        Clock clock = clock(root.child("clock", "start", "tickMinutes", "horizon"));
        DistrictMap map = MapReader.read(root.child("map", "file", "neighbourhoodFile", "cellMeters", "legend",
                "neighbourhoods"));
        Population population = population(root.child("population", "persons", "household", "trust", "attachment",
                "initialAwareness", "hardship", "preparation", "patience", "cars"));
        Behaviour behaviour = behaviour(root.child("behaviour", "maxDecisionRatePerHour", "weights", "information",
                "corridorChoice", "movement", "preparationAcrossWindows", "thresholdSpread",
                "fighterFamiliesPerFighter", "front", "rescueAcceptance"));
        List<Pause> pauses = pauses(root);
        List<Corridor> corridors = corridors(root);
        List<FighterGroup> fighters = fighters(root);
        Hazards hazards = hazards(root.child("hazards", "deathsPerPersonDay", "injuriesPerDeath",
                "pauseViolationFactor", "movingExposure", "queuedExposure", "clashDeathsPerPersonHour",
                "crossingFrontDeathProbability", "dangerNewsPerDeath"));
        List<Event> events = events(root);
        Front front = front(root.child("front", "movingFrom", "movingUntil", "outwardShare", "detentionProbability"));
        long seed = root.integer("seed", 1L, Long.MIN_VALUE + 1, Long.MAX_VALUE);
        if (clock.start() != null) {
            observed[0] = Observed.bind(root, clock);
        }
        if (map == null) {
            return null;
        }
        Scenario s = new Scenario((int) schema, meta, clock, map, population, behaviour, pauses, corridors,
                fighters, hazards, events, front, seed, file);
        new CrossCheck(s, root).run();
        return problems.isEmpty() ? s : null;
    }

    /** Without repeats, in reading order: files in the order they first appear, then line and column. */
    private static List<Problem> ordered(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> files = new ArrayList<>();
        for (Problem p : problems) {
            if (seen.add(p.format())) {
                out.add(p);
            }
            if (!files.contains(p.file())) {
                files.add(p.file());
            }
        }
        out.sort(Comparator.comparingInt((Problem p) -> files.indexOf(p.file()))
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return out;
    }

    private static Meta meta(Fields f) {
        return new Meta(f.string("name", null), f.string("description", ""), f.strings("sources"));
    }

    private static Clock clock(Fields f) {
        LocalDateTime start = f.dateTime("start", null);
        int before = f.problems().size();
        long tick = (long) fact(f, "clock.tickMinutes");
        Duration horizon = f.duration("horizon", Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofDays(366));
        // Only when both are valid: a bad one is already reported and its fallback means nothing.
        if (f.problems().size() == before && horizon.toMinutes() % tick != 0) {
            f.report("horizon", "horizon " + horizon + " is not a whole number of " + tick + "-minute ticks",
                    "a multiple of clock.tickMinutes");
        }
        return new Clock(start, (int) tick, horizon);
    }

    private static Population population(Fields f) {
        long persons = (long) fact(f, "population.persons");
        Fields h = f.child("household", "meanSize", "childShare", "elderlyShare", "woundedShare",
                "militaryAgeMenShareOfAdults");
        double meanSize = fact(h, "population.household.meanSize");
        double child = fact(h, "population.household.childShare");
        double elderly = fact(h, "population.household.elderlyShare");
        double wounded = fact(h, "population.household.woundedShare");
        double mam = fact(h, "population.household.militaryAgeMenShareOfAdults");
        if (child + elderly + wounded > 1) {
            h.report("childShare", "childShare + elderlyShare + woundedShare = " + Fields.fmt(child + elderly + wounded),
                    "shares that leave room for adults (sum at most 1)");
        }
        Fields trust = f.child("trust", "concentration");
        Fields attachment = f.child("attachment", "mean", "concentration", "stayShare");
        Fields hardship = f.child("hardship", "initial", "growthPerDay");
        Fields prep = f.child("preparation", "meanHours");
        Fields patience = f.child("patience", "meanHours");
        return new Population(persons, meanSize, child, elderly, wounded, mam,
                fact(trust, "population.trust.concentration"),
                fact(attachment, "population.attachment.mean"), fact(attachment, "population.attachment.concentration"),
                fact(attachment, "population.attachment.stayShare"),
                fact(f, "population.initialAwareness"),
                fact(hardship, "population.hardship.initial"), fact(hardship, "population.hardship.growthPerDay"),
                fact(prep, "population.preparation.meanHours"), fact(patience, "population.patience.meanHours"),
                cars(f));
    }

    /** {@code population.cars} (ODD 7.6 "Private cars"): absent means no cars. */
    private static Population.Cars cars(Fields population) {
        if (!population.has("cars")) {
            return Population.Cars.NONE;
        }
        Fields c = population.child("cars", "householdShare", "fuelTrips");
        return new Population.Cars(fact(c, "population.cars.householdShare"),
                c.has("fuelTrips") ? (long) fact(c, "population.cars.fuelTrips") : -1);
    }

    /** Behaviour (ODD 7): every number bound from its descriptor in {@link BehaviourParameters}. */
    private static Behaviour behaviour(Fields f) {
        Behaviour.Weights weights = BehaviourParameters.bind(Behaviour.Weights.class, "behaviour.weights",
                f.child("weights", BehaviourParameters.keys("behaviour.weights")));
        Behaviour.Information information = BehaviourParameters.bind(Behaviour.Information.class,
                "behaviour.information", f.child("information", BehaviourParameters.keys("behaviour.information")));
        Behaviour.CorridorChoice choice = BehaviourParameters.bind(Behaviour.CorridorChoice.class,
                "behaviour.corridorChoice", f.child("corridorChoice", BehaviourParameters.keys("behaviour.corridorChoice")));
        Behaviour.Movement movement = BehaviourParameters.bind(Behaviour.Movement.class, "behaviour.movement",
                f.child("movement", BehaviourParameters.keys("behaviour.movement")));
        Behaviour.FrontFlight front = BehaviourParameters.bind(Behaviour.FrontFlight.class, "behaviour.front",
                f.child("front", BehaviourParameters.keys("behaviour.front")));
        return new Behaviour(f.number(BehaviourParameters.of("behaviour.maxDecisionRatePerHour")), weights, information,
                choice, movement, f.number(BehaviourParameters.of("behaviour.preparationAcrossWindows")),
                f.number(BehaviourParameters.of("behaviour.thresholdSpread")),
                f.number(BehaviourParameters.of("behaviour.fighterFamiliesPerFighter")), front,
                f.number(BehaviourParameters.of("behaviour.rescueAcceptance")));
    }

    private static List<Pause> pauses(Fields root) {
        List<Pause> out = new ArrayList<>();
        List<YamlNode> items = root.list("pauses", false);
        for (int n = 0; n < items.size(); n++) {
            String path = "pauses[" + n + "]";
            Fields f = Fields.of(items.get(n), path, root.problems(), root.node(), "name", "declaredBy",
                    "credibility", "start", "duration", "repeatDays", "notice", "announcementCoverage",
                    "earlyEndPerHour", "regroupingMultiplier", "extensions", "windowNotice", "violatedAt");
            List<Pause.Extension> extensions = new ArrayList<>();
            List<YamlNode> ext = f.list("extensions", false);
            for (int e = 0; e < ext.size(); e++) {
                Fields x = Fields.of(ext.get(e), path + ".extensions[" + e + "]", root.problems(), f.node(),
                        "announcedAt", "by", "kept");
                extensions.add(new Pause.Extension(x.dateTime("announcedAt", null),
                        x.duration("by", null, Duration.ofMinutes(1), Duration.ofDays(366)), x.bool("kept", true)));
            }
            out.add(new Pause(f.string("name", null), f.string("declaredBy", ""),
                    fact(f, "pauses[].credibility"), f.dateTime("start", null),
                    f.duration("duration", null, Duration.ofMinutes(1), Duration.ofDays(366)),
                    (int) fact(f, "pauses[].repeatDays"),
                    f.duration("notice", Duration.ZERO, Duration.ZERO, Duration.ofDays(366)),
                    fact(f, "pauses[].announcementCoverage"),
                    fact(f, "pauses[].earlyEndPerHour"),
                    fact(f, "pauses[].regroupingMultiplier"), extensions,
                    f.has("windowNotice") ? f.duration("windowNotice", null, Duration.ZERO, Duration.ofDays(1)) : null,
                    violatedAt(f)));
        }
        return out;
    }

    /** {@code pauses[].violatedAt} (ODD 7.3 "A declared ceasefire that fails"): at or after the announcement. */
    private static LocalDateTime violatedAt(Fields pause) {
        if (!pause.has("violatedAt")) {
            return null;
        }
        LocalDateTime at = pause.dateTime("violatedAt", null);
        LocalDateTime start = pause.has("start") ? pause.dateTime("start", null) : null;
        Duration notice = pause.duration("notice", Duration.ZERO, Duration.ZERO, Duration.ofDays(366));
        if (at != null && start != null && at.isBefore(start.minus(notice))) {
            pause.report("violatedAt", at + ", before the pause is announced at " + start.minus(notice),
                    "a date-time at or after the pause's announcement (start - notice)");
        }
        return at;
    }

    private static List<Corridor> corridors(Fields root) {
        List<Corridor> out = new ArrayList<>();
        List<YamlNode> items = root.list("corridors", true);
        for (int n = 0; n < items.size(); n++) {
            String path = "corridors[" + n + "]";
            Fields f = Fields.of(items.get(n), path, root.problems(), root.node(), "name", "kind", "entryCell",
                    "leadsTo", "widthMetres", "transport", "screening", "monitoring", "destinationChoice", "pauses",
                    "schedule", "clashPerHour", "clashPerHourPerThousandHardline", "clashDuration", "road", "control",
                    "neighbourhoods", "rescue", "open"); // open: see withoutClosedCorridors
            int[] entry = cell(f, "entryCell");
            Corridor.Transport transport = TransportFacts.transport(f, path, root);
            Corridor.Screening screening = null;
            if (f.has("screening")) {
                Fields s = f.child("screening", "by", "detentionProbability", "personsPerHour");
                screening = new Corridor.Screening(s.string("by", ""), fact(s, "corridors[].screening.detentionProbability"),
                        fact(s, "corridors[].screening.personsPerHour"));
            }
            List<Corridor.Window> schedule = new ArrayList<>();
            List<YamlNode> windows = f.list("schedule", false);
            for (int w = 0; w < windows.size(); w++) {
                Fields x = Fields.of(windows.get(w), path + ".schedule[" + w + "]", root.problems(), f.node(),
                        "start", "duration", "announcedAt");
                LocalDateTime opens = x.dateTime("start", null);
                LocalDateTime told = x.has("announcedAt") ? x.dateTime("announcedAt", null) : null;
                if (opens != null && told != null && told.isAfter(opens)) {
                    x.report("announcedAt", told + ", after the window opens at " + opens,
                            "a date-time at or before the window's start");
                }
                schedule.add(new Corridor.Window(opens,
                        x.duration("duration", null, Duration.ofMinutes(1), Duration.ofDays(366)), told));
            }
            out.add(new Corridor(f.string("name", null), f.choice("kind", Corridor.Kind.CIVILIAN, Corridor.Kind.class),
                    entry[0], entry[1], f.string("leadsTo", null), fact(f, "corridors[].widthMetres"),
                    transport, screening, monitoring(f),
                    f.bool("destinationChoice", false), f.strings("pauses"), schedule,
                    fact(f, "corridors[].clashPerHour"), fact(f, "corridors[].clashPerHourPerThousandHardline"),
                    f.duration("clashDuration", Duration.ofHours(2), Duration.ZERO, Duration.ofDays(30)),
                    f.has("road") ? new Corridor.Road(fact(f.child("road", "vehiclesPerHour"),
                            "corridors[].road.vehiclesPerHour")) : null,
                    controls(f, path, root), f.strings("neighbourhoods"), TransportFacts.rescue(f)));
        }
        return out;
    }

    /** {@code corridors[].control} (ODD 7.6 "Exits controlled by an armed party"). */
    private static List<Corridor.Control> controls(Fields corridor, String path, Fields root) {
        List<Corridor.Control> out = new ArrayList<>();
        List<YamlNode> items = corridor.list("control", false);
        for (int n = 0; n < items.size(); n++) {
            Fields x = Fields.of(items.get(n), path + ".control[" + n + "]", root.problems(), corridor.node(),
                    "by", "from", "until", "detainedShare", "turnedBackShare");
            LocalDateTime from = x.dateTime("from", null);
            LocalDateTime until = x.dateTime("until", null);
            if (from != null && until != null && !until.isAfter(from)) {
                x.report("until", until + ", not after from " + from, "a date-time after `from`");
            }
            double detained = fact(x, "corridors[].control[].detainedShare");
            double turnedBack = fact(x, "corridors[].control[].turnedBackShare");
            if (detained + turnedBack > 1) {
                x.report("turnedBackShare", "detainedShare + turnedBackShare = " + Fields.fmt(detained + turnedBack),
                        "shares whose sum is at most 1");
            }
            out.add(new Corridor.Control(x.string("by", ""), from, until, detained, turnedBack));
        }
        return out;
    }

    /**
     * The tree without the corridors marked {@code open: false} (the tree itself when none is): a
     * closed crossing is left out of the scenario as if it were not written, so that a design can
     * open a subset of a map's crossings (docs/DESIGN.md). A fighter group that leaves by a closed
     * corridor is reported at its {@code leavesBy}.
     */
    private static YamlNode withoutClosedCorridors(YamlNode tree, List<Problem> problems) {
        YamlNode list = tree.isMapping() ? tree.get("corridors") : null;
        if (list == null || !list.isSequence()) {
            return tree;
        }
        YamlNode open = YamlNode.sequence(list.file(), list.line(), list.column());
        java.util.Map<String, Integer> closed = new java.util.LinkedHashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            YamlNode flag = item.isMapping() ? item.get("open") : null;
            if (flag != null && !(flag.isScalar() && ("true".equals(flag.text()) || "false".equals(flag.text())))) {
                problems.add(Fields.at(flag, "corridors[" + i + "].open", "found " + flag.describe(), "true or false"));
            }
            if (flag != null && flag.isScalar() && "false".equals(flag.text())) {
                YamlNode name = item.get("name");
                closed.put(name != null && name.isScalar() ? name.text() : "corridors[" + i + "]", i);
            } else {
                open.add(item);
            }
        }
        if (closed.isEmpty()) {
            return tree;
        }
        YamlNode fighters = tree.get("fighters");
        YamlNode groups = fighters != null && fighters.isSequence()
                ? YamlNode.sequence(fighters.file(), fighters.line(), fighters.column()) : fighters;
        for (int g = 0; fighters != null && fighters.isSequence() && g < fighters.items().size(); g++) {
            YamlNode group = fighters.items().get(g);
            YamlNode by = group.isMapping() ? group.get("leavesBy") : null;
            if (by != null && by.isScalar() && closed.containsKey(by.text())) {
                problems.add(Fields.at(by, "fighters[" + g + "].leavesBy", "corridor '" + by.text()
                        + "', which is closed (corridors[" + closed.get(by.text()) + "].open: false)",
                        "an open corridor of kind fighter, or no leavesBy"));
                group = group.copy();
                group.remove("leavesBy"); // reported here, not again as an unknown corridor
            }
            groups.add(group);
        }
        YamlNode top = YamlNode.mapping(tree.file(), tree.line(), tree.column());
        for (java.util.Map.Entry<String, YamlNode> e : tree.entries().entrySet()) {
            YamlNode value = "corridors".equals(e.getKey()) ? open : "fighters".equals(e.getKey()) ? groups : e.getValue();
            YamlNode key = tree.keyNode(e.getKey());
            if (key != null && e.getKey().equals(key.text())) {
                top.put(key, value);
            } else {
                top.put(e.getKey(), value);
            }
        }
        return top;
    }

    /**
     * Who monitors a corridor. Only a neutral body's monitor changes anything in the model
     * (docs/ODD.md, {@code behaviour.weights.monitored}); the former value {@code declarer}, which
     * behaved exactly as {@code none} while reading as a safeguard, is refused with that reason.
     */
    private static Corridor.Monitoring monitoring(Fields f) {
        YamlNode v = f.raw("monitoring");
        if (v != null && v.isScalar() && "declarer".equals(v.text())) {
            f.report("monitoring", "'declarer': a monitor from the party that declared the pause counts for "
                    + "nothing in the model, exactly as no monitor", "none (or neutral for an ICRC/UN/SARC monitor)");
            return Corridor.Monitoring.NONE;
        }
        return f.choice("monitoring", Corridor.Monitoring.NONE, Corridor.Monitoring.class);
    }

    /** A cell given as {@code [column, row]}. */
    private static int[] cell(Fields f, String key) {
        YamlNode v = f.raw(key);
        String expected = "[column, row] of a map cell, counted from 0 at the top left";
        int[] invalid = {NO_CELL, NO_CELL};
        if (v == null || v.isNull()) {
            f.report(key, "missing", expected);
            return invalid;
        }
        if (!v.isSequence() || v.items().size() != 2 || !v.items().get(0).isScalar() || !v.items().get(1).isScalar()
                || Fields.parseLong(String.valueOf(v.items().get(0).text())) == null
                || Fields.parseLong(String.valueOf(v.items().get(1).text())) == null) {
            f.report(key, "found " + v.describe(), expected);
            return invalid;
        }
        long x = Fields.parseLong(v.items().get(0).text());
        long y = Fields.parseLong(v.items().get(1).text());
        if (x < -MapReader.MAX_SIDE || y < -MapReader.MAX_SIDE || x > MapReader.MAX_SIDE || y > MapReader.MAX_SIDE) {
            f.report(key, "found [" + x + ", " + y + "]", expected + ", each from 0 to " + (MapReader.MAX_SIDE - 1));
            return invalid;
        }
        return new int[] {(int) x, (int) y};
    }

    private static List<FighterGroup> fighters(Fields root) {
        List<FighterGroup> out = new ArrayList<>();
        List<YamlNode> items = root.list("fighters", false);
        for (int n = 0; n < items.size(); n++) {
            Fields f = Fields.of(items.get(n), "fighters[" + n + "]", root.problems(), root.node(), "name", "size",
                    "stance", "controls", "blockingProbability", "regroupPerHour", "regroupHours", "acceptsDeal",
                    "leavesBy");
            out.add(new FighterGroup(f.string("name", null), (int) fact(f, "fighters[].size"),
                    f.choice("stance", FighterGroup.Stance.MODERATE, FighterGroup.Stance.class), f.strings("controls"),
                    fact(f, "fighters[].blockingProbability"), fact(f, "fighters[].regroupPerHour"),
                    fact(f, "fighters[].regroupHours"), f.bool("acceptsDeal", false),
                    f.has("leavesBy") ? f.string("leavesBy", null) : null));
        }
        return out;
    }

    private static Hazards hazards(Fields f) {
        return new Hazards(
                fact(f, "hazards.deathsPerPersonDay"),
                fact(f, "hazards.injuriesPerDeath"),
                fact(f, "hazards.pauseViolationFactor"),
                fact(f, "hazards.movingExposure"),
                fact(f, "hazards.queuedExposure"),
                fact(f, "hazards.clashDeathsPerPersonHour"),
                fact(f, "hazards.crossingFrontDeathProbability"),
                fact(f, "hazards.dangerNewsPerDeath"));
    }

    /** Facts of a moving front (ODD 7.8); the times are optional. */
    private static Front front(Fields f) {
        LocalDateTime from = f.has("movingFrom") ? f.dateTime("movingFrom", null) : null;
        LocalDateTime until = f.has("movingUntil") ? f.dateTime("movingUntil", null) : null;
        if (from != null && until != null && !until.isAfter(from)) {
            f.report("movingUntil", "movingUntil " + until + " is not after movingFrom " + from,
                    "a date-time after front.movingFrom");
        }
        return new Front(from, until, fact(f, "front.outwardShare"), fact(f, "front.detentionProbability"));
    }

    /** A number of the facts, read through its descriptor in {@link ScenarioParameters} (also for {@link TransportFacts}). */
    static double fact(Fields f, String path) {
        return f.fact(ScenarioParameters.described(path));
    }

    private static List<Event> events(Fields root) {
        List<Event> out = new ArrayList<>();
        List<YamlNode> items = root.list("events", false);
        for (int n = 0; n < items.size(); n++) {
            Fields f = Fields.of(items.get(n), "events[" + n + "]", root.problems(), root.node(), "at", "type",
                    "target", "duration", "safeArea", "by", "factor");
            int before = root.problems().size();
            Event.Type type = f.choice("type", null, Event.Type.class);
            if (root.problems().size() > before) {
                type = null; // reported; the keys that depend on the type are not checked against a guess
            }
            Duration duration = type == Event.Type.SUSPEND
                    ? f.duration("duration", null, Duration.ofMinutes(1), Duration.ofDays(366))
                    : f.duration("duration", Duration.ZERO, Duration.ZERO, Duration.ofDays(366));
            String safeArea = type == Event.Type.FRONT_SHIFT ? f.string("safeArea", null) : f.string("safeArea", "");
            boolean push = type == Event.Type.EVACUATION_ORDER || type == Event.Type.BOMBARDMENT;
            String target = push && !f.has("target") ? null : f.string("target", null);
            String by = "";
            if (type == Event.Type.EVACUATION_ORDER) {
                by = f.string("by", null);
            } else if (type != null && f.has("by")) {
                f.report("by", "'by' on a " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " event", "'by' only on an evacuation-order event");
            }
            double factor = 1.0;
            if (type == Event.Type.BOMBARDMENT) {
                factor = fact(f, "events[].factor");
            } else if (type != null && f.has("factor")) {
                f.report("factor", "'factor' on a " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " event", "'factor' only on a bombardment event");
            }
            out.add(new Event(f.dateTime("at", null), type, target, duration, safeArea, by, factor));
        }
        return out;
    }
}
