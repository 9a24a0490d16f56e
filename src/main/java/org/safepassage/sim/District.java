package org.safepassage.sim;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.DistrictMap;
import org.safepassage.scenario.Event;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Population;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Terrain;

/**
 * The state of one run: grid, households, calendar, corridors, fighters, news and counts.
 * The tick phases read and change it; every phase change and every removal of members goes
 * through {@link #setPhase} and {@link #removeMembers}, which keep the person counts by
 * neighbourhood and phase exact, so conservation can be checked at any tick.
 */
public final class District {

    public final Scenario scenario;
    final RandomStreams random;
    public final Grid grid;
    public final Households households;
    public final PauseCalendar calendar;
    final CorridorState[] corridors;
    final FighterState[] fighters;
    final double tickHours;
    final int hoods;

    /** Persons by home neighbourhood and phase. */
    final long[][] personsByHoodPhase;
    final long[] personsByPhase = new long[Phase.COUNT];
    final long[] initialPersonsByHood;
    /** Evacuated, killed and detained persons by neighbourhood of origin ({@link Households#origin}). */
    final long[] evacuatedByHood;
    final long[] killedByHood;
    final long[] detainedByHood;
    public final long initialPersons;
    public final long initialFighters;
    long killed;
    /** Of {@link #killed}, those killed while walking to or queueing at a corridor. */
    long killedOnTheWay;
    long detained;
    long injured;
    long blocked;
    long evacuatedThroughCorridors;
    long leftAcrossFront;
    long evacuatedDuringPauses;
    long fightersEvacuated;

    long tick;
    int decisionsThisTick;
    long evacuatedThisTick;
    boolean anyPauseOpen;
    boolean anyPauseAnnounced;
    final boolean[] pauseOpen;
    /** District-wide shift of trust from news (safe crossings, clashes, early ends). */
    double trustShift;
    /** Clash news, decaying. */
    double clashNews;
    /** Local danger per neighbourhood, decaying (MODEL.md 6.1 "local danger"). */
    final double[] danger;
    final long[] deathsThisTick;
    /** Bumped whenever the map changes (front shifts), so cached per-cell values are recomputed. */
    int mapVersion;
    /** Neighbourhoods lost to front shifts. */
    final boolean[] lostHood;
    /** Built cells of each neighbourhood (homes; where retreating households go). */
    final int[][] builtCells;
    final List<Event> pendingEvents;
    final List<String> log = new ArrayList<>();

    /** Households still inside (staying, preparing, moving, queued), kept by setPhase and removeMember. */
    int householdsInside;
    /** Bumped whenever a household's own trust changes, so the cached mean trust is recomputed. */
    long trustEdits;
    /** At least the largest own trust of any household (for the bound in DecisionPhase). */
    float maxOwnTrust;
    private double meanTrustCached;
    private long meanTrustShiftBits;
    private int meanTrustInside = -1;
    private long meanTrustEdits = -1;

    /** Persons of moving households on each cell (for the crowd limit). */
    final int[] occupancy;
    /** Households in MOVING (may hold stale entries; phases filter by phase). */
    final IntList moving = new IntList();
    final IntList preparing = new IntList();

    District(Scenario scenario) {
        this.scenario = scenario;
        this.random = new RandomStreams(scenario.seed());
        this.tickHours = scenario.clock().tickHours();
        DistrictMap map = scenario.map();
        this.hoods = map.neighbourhoods().size();
        this.corridors = new CorridorState[scenario.corridors().size()];
        this.grid = new Grid(map, scenario.behaviour().movement(), corridors.length);
        for (int k = 0; k < corridors.length; k++) {
            Corridor c = scenario.corridors().get(k);
            corridors[k] = new CorridorState(c, k, map.cell(c.entryX(), c.entryY()));
            grid.computeField(k, corridors[k].entryCell);
        }
        this.calendar = new PauseCalendar(scenario.pauses(), scenario.events(), scenario.clock());
        this.pauseOpen = new boolean[calendar.size()];
        this.fighters = new FighterState[scenario.fighters().size()];
        long fighterTotal = 0;
        for (int g = 0; g < fighters.length; g++) {
            FighterGroup spec = scenario.fighters().get(g);
            boolean[] controls = new boolean[hoods];
            for (String name : spec.controls()) {
                controls[map.neighbourhoodIndex(name)] = true;
            }
            fighters[g] = new FighterState(spec, spec.leavesBy() == null ? -1 : scenario.corridorIndex(spec.leavesBy()),
                    controls);
            fighterTotal += spec.size();
        }
        this.initialFighters = fighterTotal;
        this.danger = new double[hoods];
        this.deathsThisTick = new long[hoods];
        this.lostHood = new boolean[hoods];
        this.builtCells = builtCells(map);
        this.occupancy = new int[map.cells()];
        this.personsByHoodPhase = new long[hoods][Phase.COUNT];
        this.initialPersonsByHood = new long[hoods];
        this.evacuatedByHood = new long[hoods];
        this.killedByHood = new long[hoods];
        this.detainedByHood = new long[hoods];
        this.households = populate(scenario.population());
        this.householdsInside = households.count;
        this.maxOwnTrust = Float.NEGATIVE_INFINITY;
        for (int h = 0; h < households.count; h++) {
            maxOwnTrust = Math.max(maxOwnTrust, households.trust[h]);
        }
        this.initialPersons = scenario.population().persons();
        this.pendingEvents = new ArrayList<>(scenario.events());
        this.pendingEvents.sort((a, b) -> a.at().compareTo(b.at()));
    }

    private int[][] builtCells(DistrictMap map) {
        int[] counts = new int[hoods];
        for (int c = 0; c < map.cells(); c++) {
            if (map.terrain()[c] == Terrain.BUILT && map.neighbourhoodOfCell()[c] >= 0) {
                counts[map.neighbourhoodOfCell()[c]]++;
            }
        }
        int[][] out = new int[hoods][];
        for (int n = 0; n < hoods; n++) {
            out[n] = new int[counts[n]];
        }
        int[] fill = new int[hoods];
        for (int c = 0; c < map.cells(); c++) {
            int n = map.neighbourhoodOfCell()[c];
            if (map.terrain()[c] == Terrain.BUILT && n >= 0) {
                out[n][fill[n]++] = c;
            }
        }
        return out;
    }

    /**
     * MODEL.md 5: persons are shared among neighbourhoods by their population shares (largest
     * remainder, so the total is exact), grouped into households of size 1 + Poisson(mean − 1)
     * (the last one of a neighbourhood takes what is left), members drawn into groups by the
     * scenario's shares, placed on random built-up cells; trust ~ Beta with the first pause's
     * credibility as mean, attachment ~ Beta, except a share of households whose attachment is
 * absolute (1: they never leave through a corridor).
     */
    private Households populate(Population pop) {
        RandomGenerator rng = random.generator(RandomStreams.Purpose.POPULATION);
        long[] quota = quotas(pop.persons());
        PoissonDistribution extra = new PoissonDistribution(rng, Math.max(1e-9, pop.meanHouseholdSize() - 1),
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        IntList sizes = new IntList();
        IntList hoodOf = new IntList();
        for (int n = 0; n < hoods; n++) {
            long left = quota[n];
            while (left > 0) {
                int size = (int) Math.min(left, Math.min(30, 1 + extra.sample()));
                sizes.add(size);
                hoodOf.add(n);
                left -= size;
            }
        }
        Households h = new Households(sizes.size());
        double credibility = scenario.pauses().isEmpty() ? 0.5 : scenario.pauses().get(0).credibility();
        BetaDistribution trust = beta(rng, credibility, pop.trustConcentration());
        BetaDistribution attachment = beta(rng, pop.attachmentMean(), pop.attachmentConcentration());
        double pChild = pop.childShare();
        double pElderly = pop.elderlyShare();
        double pWounded = pop.woundedShare();
        for (int i = 0; i < h.count; i++) {
            int n = hoodOf.get(i);
            int[] cells = builtCells[n];
            int cell = cells[rng.nextInt(cells.length)];
            h.cell[i] = cell;
            h.home[i] = cell;
            h.origin[i] = (short) n;
            int adults = 0;
            int children = 0;
            int elderly = 0;
            int wounded = 0;
            int men = 0;
            for (int m = 0; m < sizes.get(i); m++) {
                double u = rng.nextDouble();
                if (u < pChild) {
                    children++;
                } else if (u < pChild + pElderly) {
                    elderly++;
                } else if (u < pChild + pElderly + pWounded) {
                    wounded++;
                } else {
                    adults++;
                    if (rng.nextDouble() < pop.militaryAgeMenShareOfAdults()) {
                        men++;
                    }
                }
            }
            h.adults[i] = (byte) adults;
            h.children[i] = (byte) children;
            h.elderly[i] = (byte) elderly;
            h.wounded[i] = (byte) wounded;
            h.militaryAgeMen[i] = (byte) men;
            h.trust[i] = (float) trust.sample();
            h.attachment[i] = (float) attachment.sample();
            // a counter-based draw: the generator's sequence, so every other draw, stays as it was
            if (random.uniform(RandomStreams.Purpose.POPULATION, i, 0, 1) < pop.attachmentStayShare()) {
                h.attachment[i] = 1f;
                h.set(i, Households.STAYS, true);
            }
            h.corridor[i] = -1;
            if (rng.nextDouble() < pop.initialAwareness()) {
                h.set(i, Households.AWARE, true);
            }
            personsByHoodPhase[n][Phase.STAYING] += sizes.get(i);
            personsByPhase[Phase.STAYING] += sizes.get(i);
            initialPersonsByHood[n] += sizes.get(i);
        }
        return h;
    }

    private static BetaDistribution beta(RandomGenerator rng, double mean, double concentration) {
        double m = Math.min(0.999, Math.max(0.001, mean));
        return new BetaDistribution(rng, m * concentration, (1 - m) * concentration,
                BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    /** Persons per neighbourhood by largest remainder of share × total. */
    private long[] quotas(long persons) {
        long[] quota = new long[hoods];
        double[] remainder = new double[hoods];
        long given = 0;
        for (int n = 0; n < hoods; n++) {
            double exact = scenario.map().neighbourhoods().get(n).populationShare() * persons;
            quota[n] = (long) Math.floor(exact);
            remainder[n] = exact - quota[n];
            given += quota[n];
        }
        while (given < persons) {
            int best = 0;
            for (int n = 1; n < hoods; n++) {
                if (remainder[n] > remainder[best]) {
                    best = n;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }

    /** Home neighbourhood of household h. */
    int hoodOf(int h) {
        return grid.neighbourhood[households.home[h]];
    }

    /** Changes a household's phase, keeping the person counts in step. */
    void setPhase(int h, byte phase) {
        Households hh = households;
        int persons = hh.members(h);
        int n = hoodOf(h);
        personsByHoodPhase[n][hh.phase[h]] -= persons;
        personsByPhase[hh.phase[h]] -= persons;
        if (hh.phase[h] == Phase.MOVING) {
            occupancy[hh.cell[h]] -= persons;
        }
        if (Phase.inside(hh.phase[h]) != Phase.inside(phase)) {
            householdsInside += Phase.inside(phase) ? 1 : -1;
        }
        hh.phase[h] = phase;
        personsByHoodPhase[n][phase] += persons;
        personsByPhase[phase] += persons;
        if (phase == Phase.MOVING) {
            occupancy[hh.cell[h]] += persons;
            if (!hh.flag(h, Households.IN_MOVING_LIST)) {
                hh.set(h, Households.IN_MOVING_LIST, true);
                moving.add(h);
            }
        } else if (phase == Phase.PREPARING && !hh.flag(h, Households.IN_PREPARING_LIST)) {
            hh.set(h, Households.IN_PREPARING_LIST, true);
            preparing.add(h);
        }
    }

    /** Sends household h home (given up, turned back, or timed out), keeping queues and counts. */
    void sendHome(int h) {
        Households hh = households;
        if (hh.phase[h] == Phase.QUEUED && hh.corridor[h] >= 0) {
            CorridorState c = corridors[hh.corridor[h]];
            c.queuedPersons -= hh.members(h);
            c.queueDirty = true;
        }
        setPhase(h, Phase.STAYING);
        hh.cell[h] = hh.home[h];
        hh.corridor[h] = -1;
        hh.set(h, (byte) (Households.READY | Households.CHECKED | Households.REROUTED), false);
    }

    /** Moves household h's home to another cell (retreat at a front shift), keeping counts. */
    void rehome(int h, int newHome) {
        Households hh = households;
        int persons = hh.members(h);
        int from = hoodOf(h);
        personsByHoodPhase[from][hh.phase[h]] -= persons;
        hh.home[h] = newHome;
        hh.cell[h] = newHome;
        personsByHoodPhase[hoodOf(h)][hh.phase[h]] += persons;
    }

    /** Group codes for {@link #removeMembers}. */
    static final int ADULT = 0;
    static final int CHILD = 1;
    static final int ELDERLY = 2;
    static final int WOUNDED = 3;
    static final int MAN = 4;

    /**
     * Removes one member of a group from household h (killed or detained); a military-age man
     * is an adult. A household with nobody left becomes GONE.
     */
    void removeMember(int h, int group) {
        Households hh = households;
        switch (group) {
            case ADULT -> {
                // an adult who is not a military-age man if possible
                if (hh.adults[h] <= hh.militaryAgeMen[h]) {
                    hh.militaryAgeMen[h]--;
                }
                hh.adults[h]--;
            }
            case MAN -> {
                hh.militaryAgeMen[h]--;
                hh.adults[h]--;
            }
            case CHILD -> hh.children[h]--;
            case ELDERLY -> hh.elderly[h]--;
            default -> hh.wounded[h]--;
        }
        int n = hoodOf(h);
        personsByHoodPhase[n][hh.phase[h]]--;
        personsByPhase[hh.phase[h]]--;
        if (hh.phase[h] == Phase.MOVING) {
            occupancy[hh.cell[h]]--;
        } else if (hh.phase[h] == Phase.QUEUED && hh.corridor[h] >= 0) {
            corridors[hh.corridor[h]].queuedPersons--;
        }
        if (hh.members(h) == 0) {
            if (Phase.inside(hh.phase[h])) {
                householdsInside--;
            }
            hh.phase[h] = Phase.GONE;
        }
    }

    /** Picks the group of a random member of h (uniformly over members), using uniform u. */
    int randomMemberGroup(int h, double u) {
        Households hh = households;
        int total = hh.members(h);
        double x = u * total;
        if (x < hh.adults[h]) {
            return ADULT;
        }
        x -= hh.adults[h];
        if (x < hh.children[h]) {
            return CHILD;
        }
        x -= hh.children[h];
        if (x < hh.elderly[h]) {
            return ELDERLY;
        }
        return WOUNDED;
    }

    /** Neighbourhood household h came from (its home's, unless it retreated at a front shift). */
    int originOf(int h) {
        return households.origin[h];
    }

    /** Kills one member of h chosen at random. */
    void kill(int h, double u) {
        int n = hoodOf(h);
        if (households.phase[h] == Phase.MOVING || households.phase[h] == Phase.QUEUED) {
            killedOnTheWay++;
        }
        removeMember(h, randomMemberGroup(h, u));
        killed++;
        killedByHood[originOf(h)]++;
        deathsThisTick[n]++;
    }

    /** Detains one military-age man of h at a screening post. */
    void detainMan(int h) {
        removeMember(h, MAN);
        detained++;
        detainedByHood[originOf(h)]++;
    }

    /** Wounds one unwounded member of h, if any. */
    void wound(int h, double u) {
        Households hh = households;
        int unwounded = hh.adults[h] + hh.children[h] + hh.elderly[h];
        if (unwounded == 0) {
            return;
        }
        double x = u * unwounded;
        if (x < hh.adults[h]) {
            if (hh.adults[h] <= hh.militaryAgeMen[h]) {
                hh.militaryAgeMen[h]--;
            }
            hh.adults[h]--;
        } else if (x < hh.adults[h] + hh.children[h]) {
            hh.children[h]--;
        } else {
            hh.elderly[h]--;
        }
        hh.wounded[h]++;
        injured++;
    }

    /** Sets household h's own trust (before the district-wide shift). */
    void setOwnTrust(int h, float trust) {
        households.trust[h] = trust;
        trustEdits++;
        maxOwnTrust = Math.max(maxOwnTrust, trust);
    }

    /** Effective trust of household h: its own plus the district-wide news shift, in 0..1. */
    double trust(int h) {
        double t = households.trust[h] + trustShift;
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    public long tick() {
        return tick;
    }

    /** Persons inside the enclave (staying, preparing, moving, queued). */
    public long personsInside() {
        return personsByPhase[Phase.STAYING] + personsByPhase[Phase.PREPARING] + personsByPhase[Phase.MOVING]
                + personsByPhase[Phase.QUEUED];
    }

    public long persons(int phase) {
        return personsByPhase[phase];
    }

    public long killed() {
        return killed;
    }

    /** Persons killed while walking to or queueing at a corridor (part of {@link #killed()}). */
    public long killedOnTheWay() {
        return killedOnTheWay;
    }

    public long detained() {
        return detained;
    }

    public long injured() {
        return injured;
    }

    public long blocked() {
        return blocked;
    }

    /** Persons who left the enclave by any route. */
    public long evacuated() {
        return evacuatedThroughCorridors + leftAcrossFront;
    }

    public long evacuatedThroughCorridors() {
        return evacuatedThroughCorridors;
    }

    public long leftAcrossFront() {
        return leftAcrossFront;
    }

    public long evacuatedDuringPauses() {
        return evacuatedDuringPauses;
    }

    public long fightersEvacuated() {
        return fightersEvacuated;
    }

    public long fightersPresent() {
        long n = 0;
        for (FighterState f : fighters) {
            n += f.present;
        }
        return n;
    }

    public int decisionsThisTick() {
        return decisionsThisTick;
    }

    public boolean anyPauseOpen() {
        return anyPauseOpen;
    }

    public boolean pauseOpen(int p) {
        return pauseOpen[p];
    }

    public List<CorridorState> corridors() {
        return List.of(corridors);
    }

    public List<FighterState> fighters() {
        return List.of(fighters);
    }

    public int neighbourhoods() {
        return hoods;
    }

    public long initialPersons(int hood) {
        return initialPersonsByHood[hood];
    }

    /** Persons from neighbourhood {@code hood} (by origin) detained at screening posts. */
    public long detainedFrom(int hood) {
        return detainedByHood[hood];
    }

    /** Persons from each neighbourhood (by origin) still inside the enclave, wherever they live now. */
    public long[] remainingByOrigin() {
        long[] out = new long[hoods];
        for (int h = 0; h < households.count; h++) {
            if (Phase.inside(households.phase[h])) {
                out[households.origin[h]] += households.members(h);
            }
        }
        return out;
    }

    /** Persons from neighbourhood {@code hood} (by origin) who left the enclave. */
    public long evacuatedFrom(int hood) {
        return evacuatedByHood[hood];
    }

    /** Persons from neighbourhood {@code hood} (by origin) killed. */
    public long killedIn(int hood) {
        return killedByHood[hood];
    }

    /** Persons living in neighbourhood {@code hood} now (retreated households count where they live). */
    public long insideOf(int hood) {
        long[] c = personsByHoodPhase[hood];
        return c[Phase.STAYING] + c[Phase.PREPARING] + c[Phase.MOVING] + c[Phase.QUEUED];
    }

    public boolean lost(int hood) {
        return lostHood[hood];
    }

    /**
     * Mean effective trust of households still inside. It depends only on which households are
     * inside (a set that only shrinks, so its size identifies it), their own trust and the shift;
     * it is recomputed, in household order, only when one of these has changed since last time.
     */
    public double meanTrust() {
        long shiftBits = Double.doubleToLongBits(trustShift);
        if (householdsInside != meanTrustInside || trustEdits != meanTrustEdits || shiftBits != meanTrustShiftBits) {
            meanTrustCached = computeMeanTrust();
            meanTrustInside = householdsInside;
            meanTrustEdits = trustEdits;
            meanTrustShiftBits = shiftBits;
        }
        return meanTrustCached;
    }

    private double computeMeanTrust() {
        byte[] phase = households.phase;
        float[] own = households.trust;
        double sum = 0;
        long n = 0;
        for (int h = 0; h < households.count; h++) {
            if (Phase.inside(phase[h])) {
                double t = own[h] + trustShift;
                sum += t < 0 ? 0 : t > 1 ? 1 : t;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Things that happened (pause opened, clash, front shift), with their time; for people reading a run. */
    public List<String> log() {
        return List.copyOf(log);
    }

    void note(String what) {
        log.add(scenario.clock().timeOf(tick) + " " + what);
    }

    /**
     * Conservation (MODEL.md 3): initial persons = inside + evacuated + killed + detained,
     * and initial fighters = present + evacuated. Returns null when it holds, else a description.
     */
    public String conservationError() {
        long evacuated = personsByPhase[Phase.EVACUATED] + personsByPhase[Phase.CROSSED];
        long sum = personsInside() + evacuated + killed + detained;
        if (sum != initialPersons) {
            return "persons: inside " + personsInside() + " + evacuated " + evacuated + " + killed " + killed
                    + " + detained " + detained + " = " + sum + " != initial " + initialPersons;
        }
        if (evacuated != evacuatedThroughCorridors + leftAcrossFront) {
            return "evacuated by phase " + evacuated + " != corridors " + evacuatedThroughCorridors + " + across front "
                    + leftAcrossFront;
        }
        if (fightersPresent() + fightersEvacuated != initialFighters) {
            return "fighters: present " + fightersPresent() + " + evacuated " + fightersEvacuated + " != initial "
                    + initialFighters;
        }
        return null;
    }
}
