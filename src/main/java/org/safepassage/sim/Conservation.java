package org.safepassage.sim;

/** The equations of conservation (ODD 3) that the {@link Ledger} keeps after every verb. */
final class Conservation {

    private Conservation() {
    }

    /**
     * Conservation (ODD 3): initial persons = inside + evacuated + killed + detained; evacuated
     * by phase = through corridors + across the front = sum by corridor + across the front =
     * sum by neighbourhood of origin; detained = sum by corridor + at the front; initial fighters = present + evacuated. Null when it
     * holds, else a description of the first broken equation.
     */
    static String error(Ledger l, CorridorState[] corridors, ByOrigin byOrigin, FighterTally f) {
        long evacuated = l.counts().of(HouseholdPhase.EVACUATED) + l.counts().of(HouseholdPhase.CROSSED);
        long sum = l.counts().inside() + evacuated + l.killed() + l.detained();
        if (sum != l.initialPersons()) {
            return "persons: inside " + l.counts().inside() + " + evacuated " + evacuated + " + killed " + l.killed()
                    + " + detained " + l.detained() + " = " + sum + " != initial " + l.initialPersons();
        }
        if (evacuated != l.evacuatedThroughCorridors() + l.leftAcrossFront()) {
            return "evacuated by phase " + evacuated + " != corridors " + l.evacuatedThroughCorridors() + " + across front "
                    + l.leftAcrossFront();
        }
        long byCorridor = 0;
        long detainedAtCorridors = 0;
        for (CorridorState c : corridors) {
            byCorridor += c.evacuatedPersons();
            detainedAtCorridors += c.detainedPersons();
        }
        if (byCorridor != l.evacuatedThroughCorridors()) {
            return "evacuated by corridor " + byCorridor + " != through corridors " + l.evacuatedThroughCorridors();
        }
        if (detainedAtCorridors + l.detainedAtFront() != l.detained()) {
            return "l.detained() by corridor " + detainedAtCorridors + " + at the front " + l.detainedAtFront()
                    + " != l.detained() " + l.detained();
        }
        if (byOrigin.evacuatedTotal() != evacuated) {
            return "evacuated by neighbourhood of origin " + byOrigin.evacuatedTotal() + " != evacuated " + evacuated;
        }
        if (f.fightersPresent() + f.fightersEvacuated() != f.initialFighters()) {
            return "fighters: present " + f.fightersPresent() + " + evacuated " + f.fightersEvacuated() + " != initial "
                    + f.initialFighters();
        }
        return null;
    }
}
