package org.safepassage.experiment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.safepassage.scenario.Corridor;
import org.safepassage.scenario.Pause;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.PauseCalendar;

/**
 * What a planner compares side by side about a scenario (a row of scenarios.csv): its pause
 * windows as scheduled (kept extensions and suspensions applied; early ends are random and so
 * are not), notice, monitoring, corridors and their capacity, and transport.
 *
 * @param windows the scheduled pause windows in hours from the start of the run
 * @param noticeHours notice of the first pause, NaN when there is no pause
 * @param monitoring who monitors the civilian and medical corridors, e.g. "none" or "none/neutral"
 * @param corridors corridors by kind, e.g. "6 civilian, 2 fighter"
 * @param capacityPersonsPerHour summed capacity of the civilian and medical corridors
 * @param transport vehicles provided, per corridor, or "none"
 */
public record ScenarioFacts(String scenario, String file, List<Window> windows, double noticeHours,
        String monitoring, String corridors, double capacityPersonsPerHour, String transport) {

    /** A pause window in hours from the start of the run. */
    public record Window(String pause, double startHours, double endHours, LocalDateTime start, LocalDateTime end) {
        public double hours() {
            return endHours - startHours;
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public ScenarioFacts {
        windows = List.copyOf(windows);
    }

    /** Total scheduled pause time in hours. */
    public double pauseHoursTotal() {
        return windows.stream().mapToDouble(Window::hours).sum();
    }

    /**
     * Start of the first pause window as an ISO 8601 local date-time (2016-10-20T08:00, the
     * scenario's clock, which has no time zone) for spreadsheets and scripts; empty when none.
     */
    public String firstStartIso() {
        return windows.isEmpty() ? "" : windows.get(0).start().toString();
    }

    /** End of the last pause window to end, as {@link #firstStartIso()}; empty when none. */
    public String lastEndIso() {
        return windows.stream().map(Window::end).max(java.util.Comparator.naturalOrder()).map(Object::toString)
                .orElse("");
    }

    /** The windows as text, e.g. "2016-10-20 08:00 to 2016-10-20 19:00 (11 h)"; "none" when there is none. */
    public String pauseWindowsText() {
        if (windows.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Window w : windows) {
            parts.add(w.start().format(WHEN) + " to " + w.end().format(WHEN) + " (" + hoursText(w.hours()) + ")");
        }
        return String.join("; ", parts);
    }

    static String hoursText(double hours) {
        return (hours == Math.rint(hours) ? String.valueOf((long) hours) : String.format(Locale.ROOT, "%.1f", hours))
                + " h";
    }

    /** Facts of a scenario, from its pause calendar alone (no model is built, no simulation is run). */
    public static ScenarioFacts of(Scenario scenario, String file) {
        PauseCalendar calendar = new PauseCalendar(scenario.pauses(), scenario.events(), scenario.clock());
        double tickHours = scenario.clock().tickHours();
        List<Window> windows = new ArrayList<>();
        for (int p = 0; p < calendar.size(); p++) {
            for (long[] w : calendar.heldWindows(p)) {
                windows.add(new Window(calendar.pause(p).name(), w[0] * tickHours, w[1] * tickHours,
                        scenario.clock().timeOf(w[0]), scenario.clock().timeOf(w[1])));
            }
        }
        windows.sort((a, b) -> Double.compare(a.startHours(), b.startHours()));
        List<Pause> pauses = scenario.pauses();
        double notice = pauses.isEmpty() ? Double.NaN : hours(pauses.get(0).notice());

        Set<String> monitoring = new LinkedHashSet<>();
        int civilian = 0;
        int medical = 0;
        int fighter = 0;
        double capacity = 0;
        List<String> transport = new ArrayList<>();
        for (Corridor c : scenario.corridors()) {
            switch (c.kind()) {
                case CIVILIAN -> civilian++;
                case MEDICAL -> medical++;
                case FIGHTER -> fighter++;
            }
            if (c.kind() == Corridor.Kind.FIGHTER) {
                continue;
            }
            monitoring.add(c.monitoring().name().toLowerCase(Locale.ROOT));
            capacity += c.capacityPersonsPerHour();
            if (c.transport() != null) {
                Corridor.Transport t = c.transport();
                transport.add(c.name() + ": " + t.vehicles() + " x " + t.seatsPerVehicle() + " seats, round trip "
                        + hoursText(hours(t.roundTrip())));
            }
        }
        List<String> kinds = new ArrayList<>();
        if (civilian > 0) {
            kinds.add(civilian + " civilian");
        }
        if (medical > 0) {
            kinds.add(medical + " medical");
        }
        if (fighter > 0) {
            kinds.add(fighter + " fighter");
        }
        return new ScenarioFacts(scenario.meta().name(), file, windows, notice,
                monitoring.isEmpty() ? "none" : String.join("/", monitoring),
                kinds.isEmpty() ? "none" : String.join(", ", kinds), capacity,
                transport.isEmpty() ? "none" : String.join("; ", transport));
    }

    private static double hours(Duration d) {
        return d.toSeconds() / 3600.0;
    }
}
