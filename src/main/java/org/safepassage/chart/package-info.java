/**
 * Charts drawn with JFreeChart, each written as a PNG for people and an SVG for reports. Knows
 * nothing of the model: callers hand it numbers and labels.
 */
package org.safepassage.chart;
