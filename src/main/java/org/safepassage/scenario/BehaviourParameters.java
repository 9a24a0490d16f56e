package org.safepassage.scenario;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour keys of a scenario (docs/ODD.md section 7), one {@link Parameter} each: the
 * single place their defaults, ranges, units and meanings are written. The loader binds every
 * record of {@link Behaviour} from these, by component name, so adding a behaviour parameter is
 * one line here plus the record component that uses it.
 */
public final class BehaviourParameters {

    private static final double BIG = 100;

    /** Every behaviour key, in the order of the ODD tables. */
    public static final List<Parameter> ALL = List.of(
            p("behaviour.maxDecisionRatePerHour", 0.5865, 0, 60, "1/h", "ceiling of the hourly rate of deciding to leave"),
            p("behaviour.preparationAcrossWindows", 0.4269, 0, 1, "share",
                    "share of packing done while the corridor is closed, when another window of the pause follows"),
            p("behaviour.fighterFamiliesPerFighter", 0.18, 0, 5, "households per fighter",
                    "fighters' families, who stay while the group holding their neighbourhood is there"),
            p("behaviour.thresholdSpread", 0.688, 0, BIG, "utility",
                    "standard deviation of the households' own decision thresholds (0: all alike)"),
            p("behaviour.rescueAcceptance", 0, 0, 1, "share",
                    "chance that a household at home that has not decided to leave goes with a rescue team reaching it"),
            p("behaviour.weights.intercept", -2.232, -BIG, BIG, "utility", "base reluctance"),
            p("behaviour.weights.trust", 14.26, 0, BIG, "utility per unit trust", "belief that the pause and corridor are safe"),
            p("behaviour.weights.monitored", 16.16, 0, BIG, "utility", "a neutral body (ICRC/UN/SARC) monitors the corridor"),
            p("behaviour.weights.transport", 1.489, 0, BIG, "utility", "buses or ambulances are provided"),
            p("behaviour.weights.destinationChoice", 3.432, 0, BIG, "utility", "people may go where they want"),
            p("behaviour.weights.localDanger", 6.849, 0, BIG, "utility", "recent shelling near home"),
            p("behaviour.weights.hardship", 6, 0, BIG, "utility", "hunger, cold, lack of care"),
            p("behaviour.weights.woundedMember", 2.315, 0, BIG, "utility", "a member needs medical evacuation"),
            p("behaviour.weights.socialProof", 2.624, 0, BIG, "utility", "share of neighbours gone"),
            p("behaviour.weights.attachment", 7.283, 0, BIG, "utility", "will not leave home (subtracted)"),
            p("behaviour.weights.clashNews", 2.576, 0, BIG, "utility", "clashes at corridors (subtracted)"),
            p("behaviour.weights.fighterControl", 5.592, 0, BIG, "utility",
                    "neighbourhood held by fighters who deter leaving (subtracted)"),
            p("behaviour.weights.screeningRisk", 7.926, 0, BIG, "utility per unit detention probability",
                    "men may be detained at the crossing (subtracted)"),
            p("behaviour.weights.timePressure", 8.253, 0, BIG, "utility per unit needed/open hours",
                    "too little time to prepare, walk and queue (subtracted)"),
            p("behaviour.weights.waitAndSee", 4.458, 0, BIG, "utility",
                    "waiting to see the first crossings arrive safely (subtracted until they have)"),
            p("behaviour.weights.evacuationOrder", 4.476, 0, BIG, "utility",
                    "an order to leave the neighbourhood is in force"),
            p("behaviour.weights.heavyShelling", 4.92, 0, BIG, "utility per unit shelling intensity",
                    "bombardment of the neighbourhood, heard whoever is hit"),
            p("behaviour.corridorChoice.perWalkHour", -1.0, -BIG, 0, "utility/h", "cost of walking time"),
            p("behaviour.corridorChoice.perQueueHour", -0.5, -BIG, 0, "utility/h", "cost of expected queue wait"),
            p("behaviour.corridorChoice.perClash", -1.0, -BIG, 0, "utility per clash (decaying)",
                    "avoid corridors with recent clashes"),
            p("behaviour.corridorChoice.monitored", 1.0, 0, BIG, "utility", "prefer neutrally monitored corridors"),
            p("behaviour.corridorChoice.destinationChoice", 1.0, 0, BIG, "utility",
                    "prefer corridors leading where one chooses"),
            p("behaviour.information.wordOfMouthRadiusCells", 4.0, 0, 100, "cells", "half-side of the block a household hears from"),
            p("behaviour.information.wordOfMouthRatePerHour", 0.1707, 0, 100, "1/h", "hearing rate with every neighbour aware"),
            p("behaviour.information.crossingNewsRatePerHour", 0.8622, 0, 100, "1/h per % out", "hearing from those who crossed"),
            p("behaviour.information.trustGainPerCrossingPercent", 0.0259, 0, 1, "trust per % out", "safe crossings raise trust"),
            p("behaviour.information.trustLossPerClash", 0.008124, 0, 1, "trust", "a clash at a corridor lowers everyone's trust"),
            p("behaviour.information.trustLossEarlyEnd", 0.2, 0, 1, "trust", "a pause ending before its announced end"),
            p("behaviour.information.newsDecayHours", 44.64, 0.1, 1000, "h", "e-folding time of danger and clash news"),
            p("behaviour.information.socialProofSaturationShare", 0.09279, 0.001, 1, "share",
                    "share of a neighbourhood gone at which social proof is full"),
            p("behaviour.information.localTrustPerDeparture", 0.001522, 0, 1, "trust per person",
                    "seeing a neighbour leave safely raises trust in the neighbourhood"),
            p("behaviour.information.localTrustPerDeath", 0.005031, 0, 1, "trust per death",
                    "seeing a neighbour killed lowers trust in the neighbourhood"),
            p("behaviour.information.waitAndSeePersons", 4299, 1, 1e7, "persons",
                    "persons out safely after which nobody waits to see any longer"),
            p("behaviour.information.heavyShellingDeathsPerPersonDay", 0.001, 1e-7, 1, "deaths/person-day",
                    "bombardment death rate at which the heavy-shelling term is full"),
            p("behaviour.information.localTrustRecoveryHours", 48, 0.1, 10000, "h",
                    "e-folding time of the neighbourhood's trust shift"),
            p("behaviour.information.trustLossViolation", 0.3868, 0, 1, "trust",
                    "a declared pause broken at its stated time costs this on top of an early end"),
            p("behaviour.movement.walkingMetresPerMinute", 60.0, 1, 1000, "m/min", "free walking speed of an adult on a street"),
            p("behaviour.movement.builtFactor", 0.6, 0.01, 1, "factor", "speed through built-up cells"),
            p("behaviour.movement.rubbleFactor", 0.35, 0.01, 1, "factor", "speed over rubble"),
            p("behaviour.movement.frontFactor", 0.3, 0.01, 1, "factor", "speed across front-line cells"),
            p("behaviour.movement.elderlyFactor", 0.6, 0.01, 1, "factor", "household with an elderly member"),
            p("behaviour.movement.woundedFactor", 0.4, 0.01, 1, "factor", "household with a wounded member"),
            p("behaviour.movement.childFactor", 0.8, 0.01, 1, "factor", "household with children"),
            p("behaviour.movement.crowdLimitPersonsPerSquareMetre", 3.0, 0.01, 10, "persons/m²", "most persons a cell holds"),
            p("behaviour.front.flightRatePerHour", 0.0123, 0, 10, "1/h",
                    "hourly rate of fleeing a moving front for a household on the front line"),
            p("behaviour.front.reachMetres", 1321, 1, 100_000, "m",
                    "distance from the front line at which the rate of fleeing falls to zero"));

    private BehaviourParameters() {
    }

    private static Parameter p(String path, double dflt, double min, double max, String unit, String meaning) {
        return new Parameter(path, dflt, min, max, unit, meaning);
    }

    /** The descriptors of one section (e.g. {@code behaviour.weights}), in order. */
    public static List<Parameter> in(String section) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : ALL) {
            if (p.section().equals(section)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The descriptor of a key path, or null. */
    public static Parameter of(String path) {
        return Parameter.find(ALL, path);
    }

    /** The keys of a section, for the loader's list of allowed keys. */
    static String[] keys(String section) {
        return in(section).stream().map(Parameter::key).toArray(String[]::new);
    }

    /**
     * Builds a record of numbers from the section's descriptors, matching each record component
     * to the descriptor of the same name (every component must have one).
     */
    static <R extends Record> R bind(Class<R> type, String section, Fields f) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Parameter p = of(section + "." + components[i].getName());
            if (p == null) {
                throw new IllegalStateException("no parameter descriptor for " + section + "." + components[i].getName());
            }
            values[i] = f.number(p);
            types[i] = double.class;
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
