package org.safepassage.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.safepassage.scenario.Clock;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.DistrictMap;
import org.safepassage.scenario.Meta;
import org.safepassage.scenario.Neighbourhood;
import org.safepassage.scenario.Pause;
import org.safepassage.scenario.Population;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Terrain;

/**
 * Synthetic districts of any size for the benchmark, generated from a template scenario
 * (the shipped east-aleppo family) so that they behave like it at another scale.
 *
 * <p>How a district of P persons is made:
 * <ul>
 * <li>Grid: a square of side {@code round(sqrt(P / d))} cells (at least 24), where d is the
 *     template's persons per grid cell (275,000 / (144 × 168) = 11.4 for east-aleppo), so
 *     grid cells grow in proportion to persons. The outermost ring is safe ground, the next
 *     ring the front line; inside, every sixth row and column is a street, the rest built-up.</li>
 * <li>Neighbourhoods: the template's (names, population shares, bombardment factors), laid out
 *     as a near-square array of rectangles over the interior; when the array has more
 *     rectangles than the template has neighbourhoods, the extra ones repeat names from the start
 *     of the list, so every neighbourhood has built cells. Fighter control refers to names and
 *     so carries over unchanged.</li>
 * <li>Corridors: the template's, in order, with their entries spaced evenly along the front
 *     ring and leading to the one safe area; capacities are scaled by P / template persons
 *     (screening rate and passage width × f, vehicle round trip ÷ f), so queues relative to
 *     the population are as in the template.</li>
 * <li>Everything else (clock, population parameters, behaviour, pauses, fighters, hazards,
 *     events, seed) is the template's, with {@code population.persons = P}.</li>
 * </ul>
 */
public final class SyntheticDistrict {

    /** Interior rows and columns that are streets: every this many. */
    static final int STREET_EVERY = 6;
    static final String SAFE_AREA = "outside";
    static final int MIN_SIDE = 24;

    private SyntheticDistrict() {
    }

    /** Side of the square grid for P persons at the template's density. */
    static int side(Scenario template, long persons) {
        double perCell = (double) template.population().persons() / template.map().cells();
        return Math.max(MIN_SIDE, (int) Math.round(Math.sqrt(persons / perCell)));
    }

    /** A district of {@code persons} persons built from {@code template} as described above. */
    public static Scenario of(Scenario template, long persons) {
        return of(template, persons, side(template, persons));
    }

    /** The same on a grid of {@code side} × {@code side} cells (to vary grid cells at fixed persons). */
    public static Scenario of(Scenario template, long persons, int side) {
        if (side < MIN_SIDE) {
            throw new IllegalArgumentException("side " + side + " < " + MIN_SIDE);
        }
        double scale = (double) persons / template.population().persons();
        DistrictMap map = map(template.map(), side);
        List<Corridor> corridors = corridors(template.corridors(), side, scale);
        Population p = template.population();
        Population pop = new Population(persons, p.meanHouseholdSize(), p.childShare(), p.elderlyShare(),
                p.woundedShare(), p.militaryAgeMenShareOfAdults(), p.trustConcentration(), p.attachmentMean(),
                p.attachmentConcentration(), p.attachmentStayShare(), p.initialAwareness(), p.initialHardship(), p.hardshipGrowthPerDay(),
                p.preparationMeanHours(), p.patienceMeanHours());
        Meta meta = new Meta(template.meta().name() + "-synthetic-" + persons
                + (side == side(template, persons) ? "" : "-" + side + "x" + side),
                "synthetic " + side + " x " + side + " district of " + persons + " persons from "
                        + template.meta().name(), List.of());
        return new Scenario(template.schemaVersion(), meta, template.clock(), map, pop, template.behaviour(),
                template.pauses(), corridors, template.fighters(), template.hazards(), template.events(),
                template.front(), template.seed(), null);
    }

    /** The scenario with ticks of another length (same calendar, horizon and rates). */
    public static Scenario withTickMinutes(Scenario s, int tickMinutes) {
        Clock c = s.clock();
        return new Scenario(s.schemaVersion(), new Meta(s.meta().name() + "-" + tickMinutes + "min", s.meta().description(),
                s.meta().sources()), new Clock(c.start(), tickMinutes, c.horizon()), s.map(), s.population(), s.behaviour(),
                s.pauses(), s.corridors(), s.fighters(), s.hazards(), s.events(), s.front(), s.seed(), s.source());
    }

    /**
     * The scenario with no early end of any pause, so that every run has the same pause on
     * offer and costs can be compared (how long a pause is announced sets how many households
     * draw a decision each tick; an early end, drawn at random, cuts it short).
     */
    public static Scenario withoutEarlyEnds(Scenario s) {
        List<Pause> pauses = new ArrayList<>();
        for (Pause p : s.pauses()) {
            pauses.add(new Pause(p.name(), p.declaredBy(), p.credibility(), p.start(), p.duration(), p.repeatDays(),
                    p.notice(), p.announcementCoverage(), 0.0, p.regroupingMultiplier(), p.extensions()));
        }
        return new Scenario(s.schemaVersion(), new Meta(s.meta().name() + "-no-early-end", s.meta().description(),
                s.meta().sources()), s.clock(), s.map(), s.population(), s.behaviour(), pauses, s.corridors(),
                s.fighters(), s.hazards(), s.events(), s.front(), s.seed(), s.source());
    }

    static DistrictMap map(DistrictMap template, int side) {
        List<Neighbourhood> hoods = template.neighbourhoods();
        int n = hoods.size();
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil((double) n / cols);
        int inner = side - 4;
        Terrain[] terrain = new Terrain[side * side];
        int[] hood = new int[side * side];
        int[] safe = new int[side * side];
        Arrays.fill(hood, -1);
        Arrays.fill(safe, -1);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int c = y * side + x;
                int ring = Math.min(Math.min(x, y), Math.min(side - 1 - x, side - 1 - y));
                if (ring == 0) {
                    terrain[c] = Terrain.SAFE;
                    safe[c] = 0;
                } else if (ring == 1) {
                    terrain[c] = Terrain.FRONT;
                } else {
                    int ix = x - 2;
                    int iy = y - 2;
                    terrain[c] = ix % STREET_EVERY == 0 || iy % STREET_EVERY == 0 ? Terrain.STREET : Terrain.BUILT;
                    int bx = Math.min(cols - 1, ix * cols / inner);
                    int by = Math.min(rows - 1, iy * rows / inner);
                    hood[c] = (by * cols + bx) % n;
                }
            }
        }
        return new DistrictMap(Path.of("synthetic-" + side + "x" + side), side, side, template.cellMeters(), terrain,
                hood, safe, hoods, List.of(SAFE_AREA));
    }

    /** Cells of the front ring in clockwise order from the top-left corner. */
    static int[][] frontRing(int side) {
        List<int[]> out = new ArrayList<>();
        int lo = 1;
        int hi = side - 2;
        for (int x = lo; x < hi; x++) {
            out.add(new int[] {x, lo});
        }
        for (int y = lo; y < hi; y++) {
            out.add(new int[] {hi, y});
        }
        for (int x = hi; x > lo; x--) {
            out.add(new int[] {x, hi});
        }
        for (int y = hi; y > lo; y--) {
            out.add(new int[] {lo, y});
        }
        return out.toArray(new int[0][]);
    }

    static List<Corridor> corridors(List<Corridor> template, int side, double scale) {
        int[][] ring = frontRing(side);
        List<Corridor> out = new ArrayList<>();
        for (int k = 0; k < template.size(); k++) {
            Corridor c = template.get(k);
            // evenly spaced, offset by half a spacing so no entry sits on a corner
            int[] at = ring[(int) ((k + 0.5) * ring.length / template.size())];
            Corridor.Transport transport = c.transport() == null ? null
                    : new Corridor.Transport(c.transport().vehicles(), c.transport().seatsPerVehicle(),
                            Duration.ofSeconds(Math.max(1, Math.round(c.transport().roundTrip().toSeconds() / scale))));
            Corridor.Screening screening = c.screening() == null ? null
                    : new Corridor.Screening(c.screening().by(), c.screening().detentionProbability(),
                            c.screening().personsPerHour() * scale);
            out.add(new Corridor(c.name(), c.kind(), at[0], at[1], SAFE_AREA, c.widthMetres() * scale, transport,
                    screening, c.monitoring(), c.destinationChoice(), c.pauses(), c.schedule(), c.clashPerHour(),
                    c.clashPerHourPerThousandHardline(), c.clashDuration()));
        }
        return out;
    }
}
