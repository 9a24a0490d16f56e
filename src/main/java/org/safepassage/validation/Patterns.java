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
 * (25,000 persons, five days, seed 1), declared with the credibility of a pause both sides
 * accepted ({@link #PATTERN_CREDIBILITY}), each must move at least 1.5 times as many as the
 * shorter one plus 5 persons: penalty max(0, log10((1.5 e_short + 5) / (e_long + 1))) for each pair;</li>
 * <li>{@code front-collapse}: Hanano passes to the government side with no pause on
 * (east-aleppo, 20,000 persons, 12 hours): at least 20 % of its residents must cross at once:
 * penalty max(0, log10(0.21 / (share + 0.01))).</li>
 * </ul>
 * The {@link #gate} checks the same patterns strictly, as the project's tests do, over paired
 * seeds.
 */
public final class Patterns {

    /** A checked pattern: the figure it measured, its penalty and a description. */
    public record Check(String name, double penalty, String detail) {
    }

    /**
     * Credibility at which the contrasts between pause designs (length, notice, monitoring) are
     * checked: that of a pause both sides accepted (0.4 on the scale of docs/SCENARIO-FORMAT.md).
     * At the shipped scenarios' 0.15 (October 2016) the observed departures were 0-50, so a model
     * true to that episode may move too few there for any contrast to show; the claim that a
     * longer, announced, monitored pause moves more is a claim about pauses people consider at all.
     */
    public static final double PATTERN_CREDIBILITY = 0.4;

    /** The override that declares the shipped scenarios' pause with {@link #PATTERN_CREDIBILITY}. */
    public static String patternCredibility() {
        return "pauses[pause].credibility=" + PATTERN_CREDIBILITY;
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
            List<String> all = new ArrayList<>(List.of("population.persons=25000", "clock.horizon=P5D",
                    patternCredibility()));
            all.addAll(sets);
            e[i] = SingleRun.runCounts(ScenarioLoader.load(scenarios.resolve(files[i]), all).scenario().withSeed(1))
                    .summary().evacuated();
        }
        double p = longer(e[0], e[1]) + longer(e[1], e[2]);
        out.add(new Check("longer-pauses", p, "evacuated 11h/24h/4d = " + e[0] + "/" + e[1] + "/" + e[2]));

        double share = frontShare(scenarios, sets);
        out.add(new Check("front-collapse", Math.max(0, Math.log10((FRONT_SHARE + 0.01) / (share + 0.01))),
                String.format(java.util.Locale.ROOT, "%.2f of Hanano crossed", share)));
        return out;
    }

    /** Seeds of the strict gate's paired comparisons. */
    static final long[] SEEDS = {1, 2, 3, 4, 5};

    /** The strict checks' verdict: whether all passed, and what they measured. */
    public record Gate(boolean passed, String detail) {
    }

    /**
     * The patterns as the project's tests state them (PatternTest, BehaviourTest), at seeds 1-5
     * on eastern Aleppo at 50,000 persons (three days for the 11- and 24-hour pauses, five for
     * the four-day one), the pause declared at {@link #PATTERN_CREDIBILITY}: 24 h over 11 h,
     * 4 d over 24 h, neutral over no monitoring and 24 h notice over none, each at every paired
     * seed ({@link #more}); the full 11-hour pause as shipped (credibility 0.15, October 2016)
     * moves under 1 %; a front collapse sends over 10 % of Hanano across, and more have crossed
     * by the end than at the shift ({@link #flightGoesOn}).
     */
    public static Gate gate(Path scenarios, List<String> sets) throws InvalidInputException {
        long[] e11 = paired(scenarios, "pause-11h.yaml", "P3D", sets);
        long[] e24 = paired(scenarios, "pause-24h.yaml", "P3D", sets);
        long[] e4d = paired(scenarios, "pause-4d.yaml", "P5D", sets);
        List<String> neutral = new ArrayList<>(sets);
        for (String c : List.of("Castello road", "Masakin Hanano", "Sheikh Saeed", "Salaheddine", "Bustan al-Qasr",
                "Sheikh Maqsoud")) {
            neutral.add("corridors[" + c + "].monitoring=neutral");
        }
        long[] mon = paired(scenarios, "pause-24h.yaml", "P3D", neutral);
        List<String> noNotice = new ArrayList<>(sets);
        noNotice.add("pauses[pause].notice=PT0S");
        long[] none = paired(scenarios, "pause-24h.yaml", "P3D", noNotice);
        boolean longer = more(e24, e11) && more(e4d, e24);
        boolean monitoring = more(mon, e24);
        boolean notice = more(e24, none);
        RunSummary full = SingleRun.runCounts(ScenarioLoader.load(scenarios.resolve("pause-11h.yaml"), sets).scenario())
                .summary();
        boolean few = full.evacuatedFraction() < 0.01;
        SingleRun.Result collapse = frontCollapse(scenarios, sets);
        double[] across = collapse.timeSeries().series("leftAcrossFront");
        double share = frontShare(collapse);
        boolean surge = share > 0.1;
        int shift = (int) collapse.scenario().clock().tickOf(FRONT_SHIFT_AT);
        boolean goesOn = flightGoesOn(collapse);
        String detail = String.format(java.util.Locale.ROOT,
                "longer %s 11h %s 24h %s 4d %s; monitoring %s %s; notice %s none %s; 11h full %s (%d); front %s %.2f;"
                        + " flight goes on %s (%.0f at the shift, %.0f by the end)",
                longer, java.util.Arrays.toString(e11), java.util.Arrays.toString(e24), java.util.Arrays.toString(e4d),
                monitoring, java.util.Arrays.toString(mon), notice, java.util.Arrays.toString(none), few,
                full.evacuated(), surge, share, goesOn, across[shift], across[across.length - 1]);
        return new Gate(longer && monitoring && notice && few && surge && goesOn, detail);
    }

    /**
     * The claim "more moves more than less", seed by seed: every paired difference is positive.
     * With five paired seeds this is the only outcome of the exact one-sided sign test
     * significant at 5 % (p = 1/32). It replaced a t interval on the differences (December 2026):
     * a longer or better pause sometimes tips one seed into a cascade (25,046 against 328), and
     * the interval of such a skewed difference straddles zero although every seed shows the claim.
     */
    public static boolean more(long[] more, long[] less) {
        return above(more, less) == more.length;
    }

    private static long[] paired(Path scenarios, String file, String horizon, List<String> sets)
            throws InvalidInputException {
        List<String> all = new ArrayList<>(List.of("population.persons=50000", "clock.horizon=" + horizon,
                patternCredibility()));
        all.addAll(sets);
        var s = ScenarioLoader.load(scenarios.resolve(file), all).scenario();
        long[] out = new long[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            out[i] = SingleRun.runCounts(s.withSeed(SEEDS[i])).summary().evacuated();
        }
        return out;
    }

    /** How many of the paired values of a are strictly above b's. */
    private static int above(long[] a, long[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] > b[i] ? 1 : 0;
        }
        return n;
    }

    /** When Hanano falls in {@link #frontCollapse}. */
    static final java.time.LocalDateTime FRONT_SHIFT_AT = java.time.LocalDateTime.parse("2016-10-19T14:00");

    /** Hanano passes to the government side at 14:00 with no pause on (east-aleppo, 20,000 persons, 12 hours). */
    static SingleRun.Result frontCollapse(Path scenarios, List<String> sets) throws InvalidInputException {
        List<String> all = new ArrayList<>(List.of("population.persons=20000", "clock.horizon=PT12H", "pauses=[]",
                "events=[{at: " + FRONT_SHIFT_AT + ", type: front-shift, target: Hanano, safeArea: government}]"));
        all.addAll(sets);
        return SingleRun.runCounts(ScenarioLoader.load(scenarios.resolve("east-aleppo.yaml"), all).scenario());
    }

    /** More have crossed the front by the end of {@link #frontCollapse} than at the shift (docs/ODD.md 7.8). */
    static boolean flightGoesOn(SingleRun.Result collapse) {
        double[] across = collapse.timeSeries().series("leftAcrossFront");
        return across[across.length - 1] > across[(int) collapse.scenario().clock().tickOf(FRONT_SHIFT_AT)];
    }

    /** Share of Hanano's residents who cross at once when it falls with no pause on. */
    static double frontShare(Path scenarios, List<String> sets) throws InvalidInputException {
        return frontShare(frontCollapse(scenarios, sets));
    }

    private static double frontShare(SingleRun.Result collapse) {
        RunSummary front = collapse.summary();
        long hanano = front.byNeighbourhood().get("Hanano").initialPersons();
        return hanano == 0 ? 0 : (double) front.leftAcrossFront() / hanano;
    }

    static double longer(long shorter, long longer) {
        return Math.max(0, Math.log10((1.5 * shorter + 5) / (longer + 1.0)));
    }

    public static double penalty(List<Check> checks) {
        return checks.stream().mapToDouble(Check::penalty).sum();
    }
}
