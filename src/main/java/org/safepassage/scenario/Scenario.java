package org.safepassage.scenario;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One scenario: everything a run needs, already checked. Built by {@link ScenarioLoader}.
 *
 * @param front facts of a moving front (docs/ODD.md 7.8); {@link Front#NONE} when the file has none
 * @param source the scenario file it was loaded from (for the manifest), may be null in tests
 */
public record Scenario(
        int schemaVersion,
        Meta meta,
        Clock clock,
        DistrictMap map,
        Population population,
        Behaviour behaviour,
        List<Pause> pauses,
        List<Corridor> corridors,
        List<FighterGroup> fighters,
        Hazards hazards,
        List<Event> events,
        Front front,
        long seed,
        Path source) {

    public Scenario {
        pauses = List.copyOf(pauses);
        corridors = List.copyOf(corridors);
        fighters = List.copyOf(fighters);
        events = List.copyOf(events);
    }

    /** Same scenario with another seed (replicates and sweeps). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(schemaVersion, meta, clock, map, population, behaviour, pauses,
                corridors, fighters, hazards, events, front, newSeed, source);
    }

    /**
     * When the front starts moving (docs/ODD.md 7.8): {@code front.movingFrom}, else the first
     * {@code front-shift} event; empty when neither is given (the front never moves). It stops
     * at {@code front.movingUntil} (null: never).
     */
    public Optional<LocalDateTime> frontMovesFrom() {
        if (front.movingFrom() != null) {
            return Optional.of(front.movingFrom());
        }
        return events.stream().filter(e -> e.type() == Event.Type.FRONT_SHIFT).map(Event::at)
                .min(LocalDateTime::compareTo);
    }

    public int corridorIndex(String name) {
        for (int i = 0; i < corridors.size(); i++) {
            if (corridors.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
