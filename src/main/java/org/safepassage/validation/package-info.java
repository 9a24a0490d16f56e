/**
 * Validity: runs episodes (scenarios of what happened, with what was observed) and scores the
 * simulated cumulative departures against the observations ({@link org.safepassage.validation.Validation}),
 * writes the tables ({@link org.safepassage.validation.ValidationWriter}), and searches the
 * behavioural parameters that score best over all episodes at once
 * ({@link org.safepassage.validation.Calibration}). Depends on {@code experiment}, {@code metrics}
 * and {@code scenario}; never on charts, the GUI or the command line.
 */
package org.safepassage.validation;
