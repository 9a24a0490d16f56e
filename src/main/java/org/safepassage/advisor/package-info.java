/**
 * The pause design advisor: searches a design file's levers with NSGA-II over states of the
 * world drawn with common random numbers, races the candidates (successive halving), confirms
 * the front, recommends a design under the constraints, measures its regret and finds where it
 * fails (PRIM). Depends on scenario, metrics and experiment; nothing depends on it but cli and report.
 */
package org.safepassage.advisor;
