package org.safepassage.sim;

/**
 * The fighters' book (ODD 2 and 7.5): the armed groups of the run, how many of them left under
 * deals and how many there were at the start. {@link #fightersLeave} is the one way out, so
 * conservation of fighters (initial = present + evacuated, checked by {@link Conservation})
 * holds after every verb.
 */
final class FighterTally {

    private final FighterState[] fighters;
    private final long initialFighters;
    private long fightersEvacuated;

    FighterTally(FighterState[] fighters) {
        this.fighters = fighters;
        long fighterTotal = 0;
        for (FighterState f : fighters) {
            fighterTotal += f.present();
        }
        this.initialFighters = fighterTotal;
    }

    /** {@code leaving} fighters of group g leave through corridor c under a deal (ODD 7.5). */
    void fightersLeave(FighterState g, CorridorState c, int leaving) {
        g.leave(leaving);
        c.fightersLeft(leaving);
        fightersEvacuated += leaving;
    }

    long initialFighters() {
        return initialFighters;
    }

    long fightersEvacuated() {
        return fightersEvacuated;
    }

    long fightersPresent() {
        long n = 0;
        for (FighterState f : fighters) {
            n += f.present();
        }
        return n;
    }
}
