package org.safepassage.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.District;
import org.safepassage.sim.Evacuation;
import org.safepassage.sim.TickObserver;

/** Runs one scenario to its horizon and returns its time series and summary. */
public final class SingleRun {

    /** What one run produced. */
    public record Result(Scenario scenario, TimeSeries timeSeries, RunSummary summary, Evacuation model) {
    }

    private SingleRun() {
    }

    public static Result run(Scenario scenario) {
        return run(scenario, false, null);
    }

    /**
     * As {@link #run(Scenario)} without the time series' {@code meanTrust} column (see
     * {@link TimeSeries#TimeSeries(List, boolean)}): the same summary and counts, for work that
     * keeps only those.
     */
    public static Result runCounts(Scenario scenario) {
        return run(scenario, false, null, List.of(), false);
    }

    /**
     * @param checkConservation check persons and fighters are conserved after every tick
     * @param progress told the tick number after each tick (may be null)
     */
    public static Result run(Scenario scenario, boolean checkConservation, LongConsumer progress) {
        return run(scenario, checkConservation, progress, List.of());
    }

    /** As {@link #run(Scenario, boolean, LongConsumer)}, also telling {@code observers} after every tick. */
    public static Result run(Scenario scenario, boolean checkConservation, LongConsumer progress,
            List<TickObserver> observers) {
        return run(scenario, checkConservation, progress, observers, true);
    }

    private static Result run(Scenario scenario, boolean checkConservation, LongConsumer progress,
            List<TickObserver> observers, boolean meanTrust) {
        Evacuation model = new Evacuation(scenario, checkConservation);
        TimeSeries series = new TimeSeries(scenario.corridors().stream().map(c -> c.name()).toList(), meanTrust);
        model.addObserver(series);
        observers.forEach(model::addObserver);
        if (progress != null) {
            model.addObserver(d -> progress.accept(d.tick()));
        }
        model.start();
        model.runToHorizon();
        model.finish();
        return new Result(scenario, series, summarise(model.district(), series), model);
    }

    static RunSummary summarise(District d, TimeSeries series) {
        Scenario s = d.scenario;
        Map<String, RunSummary.CorridorFigures> byCorridor = new LinkedHashMap<>();
        long peak = 0;
        for (CorridorState c : d.corridors()) {
            byCorridor.put(c.spec.name(), new RunSummary.CorridorFigures(c.spec.kind().name().toLowerCase(),
                    c.evacuatedPersons(), c.detainedPersons(), c.fightersEvacuated(), c.peakQueuePersons(), c.clashes()));
            peak = Math.max(peak, c.peakQueuePersons());
        }
        Map<String, RunSummary.NeighbourhoodFigures> byHood = new LinkedHashMap<>();
        long[] remaining = d.remainingByOrigin();
        for (int n = 0; n < d.neighbourhoods(); n++) {
            byHood.put(s.map().neighbourhoods().get(n).name(), new RunSummary.NeighbourhoodFigures(
                    d.initialPersons(n), d.evacuatedFrom(n), d.killedIn(n), d.detainedFrom(n), remaining[n], d.lost(n)));
        }
        long evacuated = d.evacuated();
        return new RunSummary(s.meta().name(), s.seed(), d.initialPersons(), evacuated, d.evacuatedThroughCorridors(),
                d.leftAcrossFront(), d.evacuatedDuringPauses(), d.killed(), d.detained(), d.personsInside(),
                (double) evacuated / d.initialPersons(), d.injured(), d.blocked(), d.initialFighters(),
                d.fightersEvacuated(), peak, timeToHalf(series, evacuated), openHours(series), d.killedOnTheWay(),
                cutShort(d), byCorridor, byHood, List.copyOf(d.log()));
    }

    /** Whether the declaring party ended any pause before its time (pauses[].earlyEndPerHour). */
    static boolean cutShort(District d) {
        for (int p = 0; p < d.calendar().size(); p++) {
            if (d.calendar().endedEarly(p)) {
                return true;
            }
        }
        return false;
    }

    /** Hours during which some pause was open, as the run went. */
    static double openHours(TimeSeries series) {
        return series.openWindows().stream().mapToDouble(w -> w.endHours() - w.startHours()).sum();
    }

    /** Hours from the start until half of the run's final evacuations had happened; NaN if none. */
    static double timeToHalf(TimeSeries series, long finalEvacuated) {
        if (finalEvacuated == 0) {
            return Double.NaN;
        }
        double[] e = series.series("evacuated");
        double[] hours = series.series("hours");
        for (int i = 0; i < e.length; i++) {
            if (e[i] * 2 >= finalEvacuated) {
                return hours[i];
            }
        }
        return Double.NaN;
    }
}
