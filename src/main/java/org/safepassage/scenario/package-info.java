/**
 * The scenario language: immutable records of a scenario and of a study, the strict YAML
 * loader that reports every problem with file, line and column, and the text maps.
 * Depends on nothing else of the project; MASON, JFreeChart and picocli stay out.
 */
package org.safepassage.scenario;
