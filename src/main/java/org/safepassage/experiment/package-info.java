/**
 * Many runs: replicates with common random numbers, study designs, the parallel sweep runner,
 * and the statistics of their outputs. Depends on {@code metrics}, {@code sim} and
 * {@code scenario}; never on the GUI or the command line.
 */
package org.safepassage.experiment;
