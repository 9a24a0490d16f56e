package org.safepassage.scenario;

/**
 * A named part of the enclave.
 *
 * @param symbol the character marking it on the neighbourhood layer
 * @param populationShare share of the population living there (shares sum to 1)
 * @param bombardmentFactor multiplier on the base bombardment rate
 */
public record Neighbourhood(String name, char symbol, double populationShare, double bombardmentFactor) {
}
