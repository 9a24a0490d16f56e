package org.safepassage.sim;

/**
 * MODEL.md 6.5, blocking: fighters holding a household's neighbourhood turn it back, with
 * their blocking probability, as it sets off. Every trip is checked once, when the household
 * takes its first step (in the movement phase, so that no trip reaches a corridor unchecked,
 * however close its home is); a household turned back goes home and its trust falls.
 */
final class Blocking {
    private final District d;

    Blocking(District d) {
        this.d = d;
    }

    /** Chance that fighters holding a neighbourhood turn back a household leaving it. */
    double probability(int hood) {
        double p = 0;
        for (FighterState g : d.fighters) {
            if (g.present() > 0 && g.controls(hood)) {
                p = Math.max(p, g.spec.blockingProbability());
            }
        }
        return p;
    }

    /**
     * Checks household h at the start of its trip, once per trip; true when it was turned
     * back (it is then at home, staying).
     */
    boolean turnsBack(int h, long t) {
        Households hh = d.households;
        if (hh.flag(h, Households.CHECKED)) {
            return false;
        }
        hh.set(h, Households.CHECKED, true);
        double p = probability(d.hoodOf(h));
        if (p > 0 && d.random.uniform(RandomStreams.Purpose.FIGHTERS, h, t, 0) < p) {
            d.ledger.turnBack(h);
            d.news.turnedBack(h);
            return true;
        }
        return false;
    }
}
