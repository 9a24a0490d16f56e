/**
 * Iterative searches on a cluster: a driver hands each generation's candidates to a job array
 * ({@link org.safepassage.cluster.ArrayBatch}), whose tasks write their shares of the scores
 * atomically into the study folder; the driver reads them into the search's journal and goes
 * on. See docs/CLUSTER.md.
 */
package org.safepassage.cluster;
