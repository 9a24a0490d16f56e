/**
 * The stable Java API: load a scenario (from a file or from text) with overrides, run it with a
 * seed, and read its summary and time series, without the command line.
 *
 * <p><b>Stability promise.</b> Within a major version of safepassage (the first number of
 * {@code --version}), the public types and methods of this package keep their names, signatures
 * and meaning, and the summary keys and time-series columns they return keep their names and
 * units (new ones may be added). Everything outside this package may change between any two
 * versions. The same promise covers the JSON lines of {@code safepassage serve}, which is built
 * on this package (docs/API.md).
 *
 * <p>Every object here is immutable and safe to share between threads; runs of one
 * {@link org.safepassage.api.Model} may go side by side on several threads and give the same
 * numbers as one after the other.
 */
package org.safepassage.api;
