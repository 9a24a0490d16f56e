/**
 * The command line: one picocli command per verb, each a thin {@code Callable<Integer>} that
 * reads its inputs, calls the packages that do the work and returns an exit code
 * (0 ok, 1 runtime failure, 2 bad usage or bad input).
 */
package org.safepassage.cli;
