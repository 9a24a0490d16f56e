package org.safepassage.sim;

import org.safepassage.scenario.Behaviour;
import org.safepassage.sim.rules.DecisionRule;
import org.safepassage.sim.rules.InformationRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Tick phase 2 (MODEL.md 6.3): news decays; deaths raise local danger; safe crossings raise
 * trust; announcements reach a share of households, and trust follows the declarer of the
 * pause announced last; word of mouth spreads awareness to
 * households near aware ones (aware share within blocks of (2 × radius + 1) cells a side).
 */
final class InformationPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    private final District d;
    private final int blockCells;
    /** Block of each grid cell (precomputed: the division is not redone per household and tick). */
    private final int[] blockOfCell;
    private final int[] awareInBlock;
    private final int[] totalInBlock;
    /** Deaths per neighbourhood this tick (handed from the Ledger to News). */
    private final long[] deaths;

    InformationPhase(District d) {
        this.d = d;
        this.blockCells = Math.max(1, (int) Math.round(2 * d.scenario.behaviour().information().wordOfMouthRadiusCells() + 1));
        int blocksX = (d.grid.width + blockCells - 1) / blockCells;
        int blocksY = (d.grid.height + blockCells - 1) / blockCells;
        this.blockOfCell = new int[d.grid.cells()];
        for (int cell = 0; cell < blockOfCell.length; cell++) {
            int x = cell % d.grid.width;
            int y = cell / d.grid.width;
            blockOfCell[cell] = (y / blockCells) * blocksX + x / blockCells;
        }
        this.awareInBlock = new int[blocksX * blocksY];
        this.totalInBlock = new int[blocksX * blocksY];
        this.deaths = new long[d.hoods];
    }

    @Override
    public void step(SimState state) {
        Behaviour.Information info = d.scenario.behaviour().information();
        long t = d.tick();
        d.news.decay(InformationRule.newsDecay(info, d.tickHours));
        double perDeath = d.scenario.hazards().dangerNewsPerDeath();
        for (int n = 0; n < d.hoods; n++) {
            deaths[n] = d.thisTick.takeDeaths(n);
            d.news.deathsNearby(n, deaths[n], perDeath);
        }
        d.news.seenNearby(deaths, info, d.tickHours);
        d.news.safeCrossings(d.thisTick.takeEvacuatedThisTick(), info);
        Households hh = d.households;
        int latest = -1;
        for (int p = 0; p < d.calendar.size(); p++) {
            long at = Math.max(0, d.calendar.announceTick(p));
            if (at == t && d.calendar.announced(p, t)) {
                if (latest < 0 || d.calendar.announceTick(p) >= d.calendar.announceTick(latest)) {
                    latest = p;
                }
                double coverage = d.calendar.pause(p).announcementCoverage();
                for (int h = 0; h < hh.count; h++) {
                    if (!hh.aware(h) && HouseholdPhase.inside(hh.phase[h])
                            && d.random.uniform(RandomStreams.Purpose.INFORMATION, h, t, p + 1) < coverage) {
                        hh.set(h, Households.AWARE, true);
                    }
                }
                d.note("pause '" + d.calendar.pause(p).name() + "' announced");
            }
        }
        if (latest >= 0) {
            // trust follows the declarer of the pause announced last (ODD 7.3, declarer trust shift)
            d.news.pauseDeclared(d.calendar.pause(latest).credibility(), d.calendar.pause(0).credibility());
        }
        if (d.clock.anyPauseAnnounced() && !everyoneAware) {
            wordOfMouth(info, t);
        }
    }

    /**
     * Set once no household inside is unaware. It stays true: awareness is never lost and nobody
     * comes back inside, so word of mouth has nothing left to do (same results, less work).
     */
    private boolean everyoneAware;
    /** {@link Households#hearingVersion()} when the counts by block were last right; -1: never counted. */
    private long countedVersion = -1;
    /** Households inside and not aware, with the counts by block. */
    private int unaware;
    /** Households that heard this tick. */
    private final IntList heard = new IntList();

    private void wordOfMouth(Behaviour.Information info, long t) {
        Households hh = d.households;
        if (hh.hearingVersion() != countedVersion) {
            count(hh);
        }
        if (unaware == 0) {
            everyoneAware = true;
            return;
        }
        double percentOut = InformationRule.percentOut(d.evacuated(), d.initialPersons());
        // hearing is at most as likely as with every neighbour aware: draws above that are skipped
        double maxProbability = -Math.expm1(-InformationRule.hearingRatePerHour(info, 1.0, percentOut) * d.tickHours);
        for (int h = 0; h < hh.count; h++) {
            if (hh.aware(h) || !HouseholdPhase.inside(hh.phase[h])) {
                continue;
            }
            double draw = d.random.uniform(RandomStreams.Purpose.INFORMATION, h, t, 0);
            if (draw >= maxProbability) {
                continue;
            }
            int b = blockOfCell[hh.home[h]];
            double share = (double) awareInBlock[b] / totalInBlock[b];
            double rate = InformationRule.hearingRatePerHour(info, share, percentOut);
            if (DecisionRule.happensInTick(rate, d.tickHours, draw)) {
                hh.set(h, Households.AWARE, true);
                heard.add(h);
            }
        }
        // the counts of the next tick: this tick's hearers added (the loop used the tick's first counts)
        for (int i = 0; i < heard.size(); i++) {
            awareInBlock[blockOfCell[hh.home[heard.get(i)]]]++;
        }
        unaware -= heard.size();
        heard.clear();
        countedVersion = hh.hearingVersion();
    }

    /** Households inside and aware ones by block, and the unaware inside, counted afresh. */
    private void count(Households hh) {
        java.util.Arrays.fill(awareInBlock, 0);
        java.util.Arrays.fill(totalInBlock, 0);
        unaware = 0;
        for (int h = 0; h < hh.count; h++) {
            if (!HouseholdPhase.inside(hh.phase[h])) {
                continue;
            }
            int b = blockOfCell[hh.home[h]];
            totalInBlock[b]++;
            if (hh.aware(h)) {
                awareInBlock[b]++;
            } else {
                unaware++;
            }
        }
        countedVersion = hh.hearingVersion();
    }

    /** Should the counts by block equal a fresh count now (for tests)? True when they do. */
    boolean countsCurrent() {
        Households hh = d.households;
        if (hh.hearingVersion() != countedVersion) {
            return true; // they will be counted afresh before use
        }
        int[] aware = awareInBlock.clone();
        int[] total = totalInBlock.clone();
        int before = unaware;
        count(hh);
        return java.util.Arrays.equals(aware, awareInBlock) && java.util.Arrays.equals(total, totalInBlock)
                && before == unaware;
    }
}
