package org.safepassage.scenario;

import java.util.List;

/** Name, description and the sources a scenario's figures come from. */
public record Meta(String name, String description, List<String> sources) {
    public Meta {
        sources = List.copyOf(sources);
    }
}
