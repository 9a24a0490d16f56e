/**
 * What a run leaves behind: the per-tick time series, the summary, the manifest, and the
 * writers that put them on disk atomically (temporary file, then rename).
 */
package org.safepassage.metrics;
