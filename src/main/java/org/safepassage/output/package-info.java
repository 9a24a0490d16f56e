/**
 * What each command leaves behind, assembled from its results: the files of a run, compare,
 * sweep, merge and validate folder (written whole or not at all), their chart sets and the
 * tables printed in the terminal. Commands in {@code cli} parse, delegate here, and report.
 */
package org.safepassage.output;
