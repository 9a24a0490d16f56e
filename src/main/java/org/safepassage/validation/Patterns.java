package org.safepassage.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.metrics.RunSummary;
import org.safepassage.metrics.SingleRun;
import org.safepassage.scenario.InvalidInputException;
import org.safepassage.scenario.ScenarioLoader;

/**
 * The patterns of MODEL.md 1 that the episodes do not score, checked on the shipped scenarios
 * so that a calibration cannot buy a low episode error by breaking them. Each check gives a
 * penalty in the same units as the episodes' error (log10 ratios), 0 when the pattern holds
 * with a margin:
 * <ul>
 * <li>{@code longer-pauses}: the 11-hour, 24-hour and four-day pauses over eastern Aleppo
 * (25,000 persons, five days, seed 1), each must move at least 1.5 times as many as the
 * shorter one plus 5 persons: penalty max(0, log10((1.5 e_short + 5) / (e_long + 1))) for each pair;</li>
 * <li>{@code front-collapse}: Hanano passes to the government side with no pause on
 * (east-aleppo, 20,000 persons, 12 hours): at least 20 % of its residents must cross at once:
 * penalty max(0, log10(0.21 / (share + 0.01))).</li>
 * </ul>
 */
public final class Patterns {

    /** A checked pattern: the figure it measured, its penalty and a description. */
    public record Check(String name, double penalty, String detail) {
    }

    /** Front-shift check's target share of the neighbourhood crossing at once. */
    public static final double FRONT_SHARE = 0.2;

    private Patterns() {
    }

    /** Runs the checks with the given overrides; {@code scenarios} is the folder of the shipped scenarios. */
    public static List<Check> evaluate(Path scenarios, List<String> sets) throws InvalidInputException {
        List<Check> out = new ArrayList<>();
        long[] e = new long[3];
        String[] files = {"pause-11h.yaml", "pause-24h.yaml", "pause-4d.yaml"};
        for (int i = 0; i < files.length; i++) {
            List<String> all = new ArrayList<>(List.of("population.persons=25000", "clock.horizon=P5D"));
            all.addAll(sets);
            e[i] = SingleRun.run(ScenarioLoader.load(scenarios.resolve(files[i]), all).scenario().withSeed(1))
                    .summary().evacuated();
        }
        double p = longer(e[0], e[1]) + longer(e[1], e[2]);
        out.add(new Check("longer-pauses", p, "evacuated 11h/24h/4d = " + e[0] + "/" + e[1] + "/" + e[2]));

        List<String> all = new ArrayList<>(List.of("population.persons=20000", "clock.horizon=PT12H", "pauses=[]",
                "events=[{at: 2016-10-19T14:00, type: front-shift, target: Hanano, safeArea: government}]"));
        all.addAll(sets);
        RunSummary front = SingleRun.run(ScenarioLoader.load(scenarios.resolve("east-aleppo.yaml"), all).scenario())
                .summary();
        long hanano = front.byNeighbourhood().get("Hanano").initialPersons();
        double share = hanano == 0 ? 0 : (double) front.leftAcrossFront() / hanano;
        out.add(new Check("front-collapse", Math.max(0, Math.log10((FRONT_SHARE + 0.01) / (share + 0.01))),
                String.format(java.util.Locale.ROOT, "%.2f of Hanano crossed", share)));
        return out;
    }

    static double longer(long shorter, long longer) {
        return Math.max(0, Math.log10((1.5 * shorter + 5) / (longer + 1.0)));
    }

    public static double penalty(List<Check> checks) {
        return checks.stream().mapToDouble(Check::penalty).sum();
    }
}
