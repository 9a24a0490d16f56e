package org.safepassage.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Pause;
import org.safepassage.scenario.Scenario;
import sim.util.Interval;

/**
 * What a teacher may change between runs, shown in the Console's model inspector (MASON
 * reads the getters, setters and {@code dom} domains): length and notice of the first pause,
 * who monitors the civilian corridors, and their capacity. Changes take effect at the next
 * start, as key-path overrides ({@code --set}) applied on top of the scenario file and the
 * command line's own overrides, so that the scenario is checked exactly as {@code run} would.
 */
public final class GuiParameters {

    /** Monitoring choices, in the order of the inspector's menu (the scenario's spelling). */
    static final String[] MONITORING = {"none", "neutral"};

    private final Scenario base;
    private double pauseHours;
    private double noticeHours;
    private double credibility;
    private int monitoring;
    private int capacityPercent = 100;
    private long seed;
    private Scenario current;
    /** Two designs side by side: their levers are what the two scenarios differ in, so only the seed is shown. */
    private final boolean sideBySide;

    /** @param base the scenario as loaded from the file with the command line's overrides */
    public GuiParameters(Scenario base) {
        this(base, false);
    }

    /**
     * @param base the (first) scenario as loaded from the file with the command line's overrides
     * @param sideBySide two designs are shown: the pause, monitoring and capacity settings are hidden
     */
    public GuiParameters(Scenario base, boolean sideBySide) {
        this.sideBySide = sideBySide;
        this.base = base;
        this.current = base;
        this.seed = base.seed();
        if (!base.pauses().isEmpty()) {
            Pause p = base.pauses().get(0);
            pauseHours = p.duration().toMinutes() / 60.0;
            noticeHours = p.notice().toMinutes() / 60.0;
            credibility = p.credibility();
        }
        monitoring = baseMonitoring().ordinal();
    }

    private Corridor.Monitoring baseMonitoring() {
        for (Corridor c : base.corridors()) {
            if (c.kind() != Corridor.Kind.FIGHTER) {
                return c.monitoring();
            }
        }
        return Corridor.Monitoring.NONE;
    }

    // ---- the inspector's properties (MASON's naming: getX / setX / domX / desX) ----

    public String getScenario() {
        return base.meta().name();
    }

    public String desScenario() {
        return "The scenario file's name; the settings below are applied to it when you press Play after Stop.";
    }

    public double getPauseHours() {
        return pauseHours;
    }

    public void setPauseHours(double hours) {
        pauseHours = Math.max(1, Math.min(240, Math.round(hours * 4) / 4.0));
    }

    public Object domPauseHours() {
        return new Interval(1.0, 240.0);
    }

    public String desPauseHours() {
        return "Length of the first pause in hours (11 = the October 2016 pause, 96 = four days).";
    }

    public boolean hidePauseHours() {
        return sideBySide || base.pauses().isEmpty();
    }

    public double getNoticeHours() {
        return noticeHours;
    }

    public void setNoticeHours(double hours) {
        noticeHours = Math.max(0, Math.min(maxNoticeHours(), Math.round(hours * 4) / 4.0));
    }

    public Object domNoticeHours() {
        return new Interval(0.0, maxNoticeHours());
    }

    /** At most 72 h, and no earlier than the clock's start (a longer notice is refused by the loader). */
    private double maxNoticeHours() {
        if (base.pauses().isEmpty() || base.clock().start() == null) {
            return 72.0;
        }
        double available = java.time.Duration.between(base.clock().start(), base.pauses().get(0).start()).toMinutes()
                / 60.0;
        return Math.max(0, Math.min(72.0, Math.floor(available * 4) / 4.0));
    }

    public String desNoticeHours() {
        return "How many hours before it starts the first pause is announced (leaflets, broadcast); at most the "
                + "time from the clock's start to the pause.";
    }

    public boolean hideNoticeHours() {
        return sideBySide || base.pauses().isEmpty();
    }

    public double getCredibility() {
        return credibility;
    }

    public void setCredibility(double c) {
        credibility = Math.max(0, Math.min(1, Math.round(c * 100) / 100.0));
    }

    public Object domCredibility() {
        return new Interval(0.0, 1.0);
    }

    public String desCredibility() {
        return "How far residents believe the party declaring the first pause (0 = not at all, 1 = fully): the mean "
                + "of their initial trust (0.15 = a unilateral pause by the party doing the bombing).";
    }

    public boolean hideCredibility() {
        return sideBySide || base.pauses().isEmpty();
    }

    public int getMonitoring() {
        return monitoring;
    }

    public void setMonitoring(int m) {
        if (m >= 0 && m < MONITORING.length) {
            monitoring = m;
        }
    }

    public Object domMonitoring() {
        return MONITORING.clone();
    }

    public String desMonitoring() {
        return "Who monitors the civilian corridors: nobody (a monitor from the declaring party counts as none), or a neutral body (ICRC/UN).";
    }

    public boolean hideMonitoring() {
        return sideBySide;
    }

    public boolean hideCapacityPercent() {
        return sideBySide;
    }

    public boolean hideCivilianCapacityPersonsPerHour() {
        return sideBySide;
    }

    public int getCapacityPercent() {
        return capacityPercent;
    }

    public void setCapacityPercent(int percent) {
        capacityPercent = Math.max(25, Math.min(400, percent));
    }

    public Object domCapacityPercent() {
        return new Interval(25L, 400L);
    }

    public String desCapacityPercent() {
        return "Capacity of every civilian corridor, in % of the scenario's: buses, screening rate and passage width scaled together.";
    }

    /** Civilian capacity of the run now shown, persons per hour over all civilian corridors. */
    public long getCivilianCapacityPersonsPerHour() {
        double sum = 0;
        for (Corridor c : current.corridors()) {
            if (c.kind() != Corridor.Kind.FIGHTER) {
                sum += c.capacityPersonsPerHour();
            }
        }
        return Math.round(sum);
    }

    public String desCivilianCapacityPersonsPerHour() {
        return "Total capacity of the civilian corridors in the run now shown (persons per hour).";
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long s) {
        seed = s;
    }

    public String desSeed() {
        return "Seed of the next run; the same seed gives the same run.";
    }

    /** The overrides of the next run, as --set options would spell them (the seed is set apart). */
    public String getOverrides() {
        List<String> sets = overrides();
        return sets.isEmpty() ? "(none: as in the scenario)" : String.join("  ", sets);
    }

    public String desOverrides() {
        return "The key-path overrides the settings above add to the scenario at the next start.";
    }

    // ---- applying them ----

    /** The settings by name (a checkpoint's), the seed apart. */
    java.util.Map<String, Object> settings() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("pauseHours", pauseHours);
        m.put("noticeHours", noticeHours);
        m.put("credibility", credibility);
        m.put("monitoring", MONITORING[monitoring]);
        m.put("capacityPercent", capacityPercent);
        return m;
    }

    /** Puts back the settings of a checkpoint (names as {@link #settings()} writes them) and its seed. */
    void restore(java.util.Map<String, Object> m, long seed) {
        if (m.get("pauseHours") instanceof Number n) {
            pauseHours = n.doubleValue();
        }
        if (m.get("noticeHours") instanceof Number n) {
            noticeHours = n.doubleValue();
        }
        if (m.get("credibility") instanceof Number n) {
            credibility = n.doubleValue();
        }
        if (m.get("capacityPercent") instanceof Number n) {
            capacityPercent = n.intValue();
        }
        int at = java.util.Arrays.asList(MONITORING).indexOf(String.valueOf(m.get("monitoring")));
        if (at >= 0) {
            monitoring = at;
        }
        this.seed = seed;
    }

    /** Remembers the scenario of the run that was started (for the read-only figures). */
    void started(Scenario scenario) {
        current = scenario;
    }

    /** The key-path overrides these settings add to the base scenario (only what differs from it). */
    public List<String> overrides() {
        List<String> sets = new ArrayList<>();
        if (sideBySide) {
            return sets;
        }
        if (!base.pauses().isEmpty()) {
            Pause p = base.pauses().get(0);
            long minutes = Math.round(pauseHours * 60);
            if (minutes != p.duration().toMinutes()) {
                sets.add("pauses[0].duration=PT" + minutes + "M");
            }
            long notice = Math.round(noticeHours * 60);
            if (notice != p.notice().toMinutes()) {
                sets.add("pauses[0].notice=PT" + notice + "M");
            }
            if (Math.abs(credibility - p.credibility()) > 1e-9) {
                sets.add("pauses[0].credibility=" + number(credibility));
            }
        }
        double factor = capacityPercent / 100.0;
        for (int k = 0; k < base.corridors().size(); k++) {
            Corridor c = base.corridors().get(k);
            if (c.kind() == Corridor.Kind.FIGHTER) {
                continue;
            }
            String at = "corridors[" + k + "].";
            if (c.monitoring().ordinal() != monitoring) {
                sets.add(at + "monitoring=" + MONITORING[monitoring]);
            }
            if (capacityPercent != 100) {
                if (c.transport() != null) {
                    sets.add(at + "transport.vehicles=" + Math.max(1, Math.round(c.transport().vehicles() * factor)));
                } else {
                    sets.add(at + "widthMetres=" + number(Math.max(0.1, c.widthMetres() * factor)));
                }
                if (c.screening() != null && c.screening().personsPerHour() > 0) {
                    sets.add(at + "screening.personsPerHour=" + number(c.screening().personsPerHour() * factor));
                }
            }
        }
        return sets;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }
}
