package org.safepassage.sim;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.DistrictMap;
import org.safepassage.scenario.FighterGroup;
import org.safepassage.scenario.Population;
import org.safepassage.scenario.Scenario;
import org.safepassage.scenario.Terrain;
import org.safepassage.sim.rules.DecisionRule;

/** Initialisation (ODD 5): the corridors, armed groups and households a run starts with. */
public final class Initialisation {

    private Initialisation() {
    }

    /** The households a run of the scenario starts with (the same as {@link Evacuation}'s, for the benchmark's reference). */
    public static Households households(Scenario scenario) {
        DistrictMap map = scenario.map();
        return populate(scenario, new RandomStreams(scenario.seed()), builtCells(map, map.neighbourhoods().size()));
    }

    /** One state per corridor of the scenario, each with its walking field on the grid (ODD 5). */
    static CorridorState[] corridors(Scenario scenario, Grid grid) {
        DistrictMap map = scenario.map();
        CorridorState[] corridors = new CorridorState[scenario.corridors().size()];
        for (int k = 0; k < corridors.length; k++) {
            Corridor c = scenario.corridors().get(k);
            corridors[k] = new CorridorState(c, k, map.cell(c.entryX(), c.entryY()), forHoods(c, map), scenario.clock());
            grid.computeField(k, corridors[k].entryCell);
        }
        return corridors;
    }

    /** The neighbourhoods a corridor of a pocket deal is for (ODD 7.2), or null when it is for all. */
    private static boolean[] forHoods(Corridor c, DistrictMap map) {
        if (c.neighbourhoods().isEmpty()) {
            return null;
        }
        boolean[] out = new boolean[map.neighbourhoods().size()];
        for (String name : c.neighbourhoods()) {
            out[map.neighbourhoodIndex(name)] = true;
        }
        return out;
    }

    /** One state per armed group of the scenario, with the neighbourhoods it controls (ODD 5). */
    static FighterState[] fighters(Scenario scenario) {
        DistrictMap map = scenario.map();
        FighterState[] fighters = new FighterState[scenario.fighters().size()];
        for (int g = 0; g < fighters.length; g++) {
            FighterGroup spec = scenario.fighters().get(g);
            boolean[] controls = new boolean[map.neighbourhoods().size()];
            for (String name : spec.controls()) {
                controls[map.neighbourhoodIndex(name)] = true;
            }
            fighters[g] = new FighterState(spec, spec.leavesBy() == null ? -1 : scenario.corridorIndex(spec.leavesBy()),
                    controls);
        }
        return fighters;
    }

    /** Built cells of each neighbourhood (homes; where retreating households go). */
    static int[][] builtCells(DistrictMap map, int hoods) {
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
     * ODD 5 (MODEL.md 5): persons are shared among neighbourhoods by their population shares (largest
     * remainder, so the total is exact), grouped into households of size 1 + Poisson(mean − 1)
     * (the last one of a neighbourhood takes what is left), members drawn into groups by the
     * scenario's shares, placed on random built-up cells; trust ~ Beta with the first pause's
     * credibility as mean, attachment ~ Beta, except a share of households whose attachment is
 * absolute (1: they never leave through a corridor).
     */
    static Households populate(Scenario scenario, RandomStreams random, int[][] builtCells) {
        Population pop = scenario.population();
        int hoods = builtCells.length;
        RandomGenerator rng = random.generator(RandomStreams.Purpose.POPULATION);
        long[] quota = quotas(scenario, hoods, pop.persons());
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
        double[] familyShare = fighterFamilyShares(scenario, hoodOf, hoods);
        double pChild = pop.childShare();
        double pElderly = pop.elderlyShare();
        double pWounded = pop.woundedShare();
        for (int i = 0; i < h.count; i++) {
            int n = hoodOf.get(i);
            int[] cells = builtCells[n];
            int cell = cells[rng.nextInt(cells.length)];
            h.settle(i, cell, n);
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
            h.setMembers(i, adults, children, elderly, wounded, men);
            h.setOwnTrust(i, (float) trust.sample());
            h.setAttachment(i, (float) attachment.sample());
            // a counter-based draw: the generator's sequence, so every other draw, stays as it was
            if (random.uniform(RandomStreams.Purpose.POPULATION, i, 0, 1) < pop.attachmentStayShare()) {
                h.setAttachment(i, 1f);
                h.set(i, Households.STAYS, true);
            }
            if (scenario.behaviour().thresholdSpread() > 0) {
                // counter-based like the stay draw: no other draw moves when the spread is switched on
                // z = √2 erf⁻¹(2u − 1): the standard normal quantile of the uniform u
                double z = Math.sqrt(2) * Erf.erfInv(2 * random.uniform(RandomStreams.Purpose.POPULATION, i, 0, 2) - 1);
                h.setThreshold(i, (float) DecisionRule.thresholdOffset(scenario.behaviour().thresholdSpread(), z));
            }
            if (familyShare != null && random.uniform(RandomStreams.Purpose.POPULATION, i, 0, 3) < familyShare[n]) {
                h.set(i, Households.FIGHTER_FAMILY, true);
            }
            h.setCorridor(i, -1);
            if (rng.nextDouble() < pop.initialAwareness()) {
                h.set(i, Households.AWARE, true);
            }
        }
        return h;
    }

    /**
     * Fighters' families (ODD 7.1 "Households that stay whole"): per neighbourhood, the chance
     * that a household there is a fighter's family: for each group, size ×
     * {@code behaviour.fighterFamiliesPerFighter} households spread evenly over the households of
     * the neighbourhoods it holds (at most 1). Null when the parameter is 0 (no draw is made).
     */
    private static double[] fighterFamilyShares(Scenario scenario, IntList hoodOf, int hoods) {
        double perFighter = scenario.behaviour().fighterFamiliesPerFighter();
        if (perFighter <= 0) {
            return null;
        }
        long[] households = new long[hoods];
        for (int i = 0; i < hoodOf.size(); i++) {
            households[hoodOf.get(i)]++;
        }
        double[] share = new double[hoods];
        for (var g : scenario.fighters()) {
            long held = 0;
            for (String name : g.controls()) {
                held += households[scenario.map().neighbourhoodIndex(name)];
            }
            for (String name : g.controls()) {
                int n = scenario.map().neighbourhoodIndex(name);
                share[n] = Math.min(1.0, share[n] + (held == 0 ? 0 : g.size() * perFighter / held));
            }
        }
        return share;
    }

    private static BetaDistribution beta(RandomGenerator rng, double mean, double concentration) {
        double m = Math.min(0.999, Math.max(0.001, mean));
        return new BetaDistribution(rng, m * concentration, (1 - m) * concentration,
                BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    }

    /** Persons per neighbourhood by largest remainder of share × total. */
    private static long[] quotas(Scenario scenario, int hoods, long persons) {
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
}
