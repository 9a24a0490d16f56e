package org.safepassage.gui;

import org.safepassage.sim.District;
import org.safepassage.sim.Households;
import org.safepassage.sim.HouseholdPhase;

/**
 * One household as the inspector shows it when it is clicked: read-only properties that read
 * the model's arrays live, so the inspector follows the household as the run goes on.
 */
public final class HouseholdView {
    private final District d;
    private final int h;

    HouseholdView(District d, int h) {
        this.d = d;
        this.h = h;
    }

    int index() {
        return h;
    }

    private Households hh() {
        return d.households();
    }

    public int getIndex() {
        return h;
    }

    public String getPhase() {
        return HouseholdPhase.name(hh().phase(h));
    }

    public String getNeighbourhood() {
        int n = d.grid().neighbourhood(hh().home(h));
        return n < 0 ? "-" : d.scenario.map().neighbourhoods().get(n).name();
    }

    public String getCell() {
        return cell(hh().cell(h));
    }

    public String getHome() {
        return cell(hh().home(h));
    }

    private String cell(int c) {
        return "[" + c % d.grid().width + ", " + c / d.grid().width + "]";
    }

    public int getMembers() {
        return hh().members(h);
    }

    public int getAdults() {
        return hh().adults(h);
    }

    public int getMilitaryAgeMen() {
        return hh().militaryAgeMen(h);
    }

    public int getChildren() {
        return hh().children(h);
    }

    public int getElderly() {
        return hh().elderly(h);
    }

    public int getWounded() {
        return hh().wounded(h);
    }

    public boolean getAware() {
        return hh().aware(h);
    }

    public double getTrust() {
        return hh().ownTrust(h);
    }

    public String desTrust() {
        return "The household's own trust in the pause (0..1), before district-wide news moves it.";
    }

    public double getAttachment() {
        return hh().attachment(h);
    }

    public String getCorridor() {
        int k = hh().corridor(h);
        return k < 0 ? "-" : d.corridors().get(k).spec.name();
    }

    public double getTimer() {
        return hh().timer(h);
    }

    public String desTimer() {
        return "Preparation hours left while preparing; walking minutes in hand while moving.";
    }

    public double getPatienceHours() {
        return hh().patience(h);
    }

    @Override
    public String toString() {
        return "Household " + h;
    }
}
