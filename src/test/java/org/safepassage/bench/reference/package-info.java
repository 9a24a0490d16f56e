/**
 * Benchmark reference only, never used by the model: the rules of MODEL.md written the way a
 * MASON user writes a first model, with one {@code Steppable} object per household on MASON's
 * schedule and positions in a {@code SparseGrid2D}. {@code safepassage bench} times it next
 * to the model; a test checks that both give the same aggregate results within statistical
 * tolerance. The formulas come from {@code sim.rules}, the distance fields from {@code sim.Grid}
 * and the calendar from {@code sim.PauseCalendar}, so no rule is written twice.
 */
package org.safepassage.bench.reference;
