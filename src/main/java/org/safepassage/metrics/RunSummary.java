package org.safepassage.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run (summary.json). {@code initialPersons} always equals
 * {@code evacuated + killed + detained + remaining}; {@code peakQueue} is the longest queue,
 * in persons, at any one corridor at any time; {@code pauseOpenHours} the hours during which a
 * pause was open, as it happened (an early end or a suspension shortens it, a kept extension
 * lengthens it).
 */
public record RunSummary(
        String scenario,
        long seed,
        long initialPersons,
        long evacuated,
        long evacuatedThroughCorridors,
        long leftAcrossFront,
        long evacuatedDuringPauses,
        long killed,
        long detained,
        long remaining,
        double evacuatedFraction,
        long injured,
        long blocked,
        long initialFighters,
        long fightersEvacuated,
        long peakQueue,
        double timeToHalfHours,
        double pauseOpenHours,
        long killedOnTheWay,
        boolean pauseCutShort,
        Map<String, CorridorFigures> byCorridor,
        Map<String, NeighbourhoodFigures> byNeighbourhood,
        List<String> log) {

    /** Per corridor. */
    public record CorridorFigures(String kind, long evacuated, long detained, long fightersEvacuated,
            long peakQueue, int clashes) {
    }

    /**
     * Per neighbourhood of origin (households that retreat at a front shift still count for the
     * neighbourhood they came from): {@code initialPersons = evacuated + killed + detained + remaining}.
     */
    public record NeighbourhoodFigures(long initialPersons, long evacuated, long killed, long detained, long remaining,
            boolean lostToFrontShift) {
    }

    /** The headline figures by name, in a fixed order (CSV columns of compare and sweep). */
    public Map<String, Double> figures() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("initialPersons", (double) initialPersons);
        m.put("evacuated", (double) evacuated);
        m.put("evacuatedFraction", evacuatedFraction);
        m.put("evacuatedThroughCorridors", (double) evacuatedThroughCorridors);
        m.put("leftAcrossFront", (double) leftAcrossFront);
        m.put("evacuatedDuringPauses", (double) evacuatedDuringPauses);
        m.put("killed", (double) killed);
        m.put("detained", (double) detained);
        m.put("remaining", (double) remaining);
        m.put("injured", (double) injured);
        m.put("blocked", (double) blocked);
        m.put("fightersEvacuated", (double) fightersEvacuated);
        m.put("peakQueue", (double) peakQueue);
        m.put("timeToHalfHours", timeToHalfHours);
        m.put("pauseOpenHours", pauseOpenHours);
        m.put("killedOnTheWay", (double) killedOnTheWay);
        m.put("killedAtHome", (double) (killed - killedOnTheWay));
        m.put("pauseCutShort", pauseCutShort ? 1.0 : 0.0);
        return m;
    }
}
