/**
 * The simulation: a thin MASON {@code SimState} ({@link org.safepassage.sim.Evacuation}) whose
 * schedule steps one object per tick phase (MODEL.md 3), over a structure-of-arrays household
 * store, the district grid with its distance fields, the pause calendar and the corridors.
 * Must not import JFreeChart, picocli or java.awt.
 */
package org.safepassage.sim;
