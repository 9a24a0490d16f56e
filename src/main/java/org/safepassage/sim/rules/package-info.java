/**
 * The rules of MODEL.md section 6 as small stateless functions, each formula in one place and
 * named as in docs/ODD.md. They know nothing of MASON or of the household store.
 */
package org.safepassage.sim.rules;
