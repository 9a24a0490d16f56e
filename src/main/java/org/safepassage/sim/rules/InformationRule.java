package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;

/** MODEL.md 6.3: information spread. */
public final class InformationRule {

    private InformationRule() {
    }

    /**
     * Hourly rate at which an unaware household hears of the pause: word of mouth in proportion
     * to the share of aware households around it, plus news from those who crossed in proportion
     * to the percentage of the population already out.
     */
    public static double hearingRatePerHour(Behaviour.Information i, double awareShareNearby, double percentOut) {
        return i.wordOfMouthRatePerHour() * awareShareNearby + i.crossingNewsRatePerHour() * Math.min(1.0, percentOut);
    }

    /** Decay factor of news over one tick: exp(−tickHours / newsDecayHours). */
    public static double newsDecay(Behaviour.Information i, double tickHours) {
        return Math.exp(-tickHours / i.newsDecayHours());
    }
}
