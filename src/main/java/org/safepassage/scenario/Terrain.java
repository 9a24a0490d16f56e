package org.safepassage.scenario;

import java.util.Locale;

/** What a map cell is made of; sets whether and how fast it can be crossed. */
public enum Terrain {
    STREET, BUILT, RUBBLE, BLOCKED, FRONT, SAFE;

    public boolean passable() {
        return this != BLOCKED && this != SAFE;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
