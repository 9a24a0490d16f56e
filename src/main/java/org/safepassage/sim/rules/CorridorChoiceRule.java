package org.safepassage.sim.rules;

import org.safepassage.scenario.Behaviour;

/** MODEL.md 6.2: multinomial logit choice among corridors. */
public final class CorridorChoiceRule {

    private CorridorChoiceRule() {
    }

    /** Systematic utility of one corridor for one household. */
    public static double utility(Behaviour.CorridorChoice c, double walkHours, double queueHours, double clashNews,
            boolean neutralMonitor, boolean destinationChoice) {
        return c.perWalkHour() * walkHours
                + c.perQueueHour() * queueHours
                + c.perClash() * clashNews
                + (neutralMonitor ? c.monitored() : 0.0)
                + (destinationChoice ? c.destinationChoice() : 0.0);
    }

    /**
     * Picks an index with probability proportional to exp(utility) using one uniform draw;
     * entries with NaN utility are not available. Returns -1 when none is.
     */
    public static int pick(double[] utilities, int n, double uniform) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(utilities[i]) && utilities[i] > max) {
                max = utilities[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return -1;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(utilities[i])) {
                sum += Math.exp(utilities[i] - max);
            }
        }
        double target = uniform * sum;
        double acc = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(utilities[i])) {
                acc += Math.exp(utilities[i] - max);
                last = i;
                if (target < acc) {
                    return i;
                }
            }
        }
        return last;
    }
}
