package org.safepassage.advisor;

import java.util.ArrayList;
import java.util.List;
import org.safepassage.scenario.DesignSpec;

/** A design: one value index per lever. Its key ("3.0.5") names it in the journal and the outputs. */
public record Candidate(int[] index) {

    public Candidate {
        index = index.clone();
    }

    public static Candidate parse(String key) {
        String[] parts = key.split("\\.");
        int[] index = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            index[i] = Integer.parseInt(parts[i]);
        }
        return new Candidate(index);
    }

    public String key() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < index.length; i++) {
            b.append(i == 0 ? "" : ".").append(index[i]);
        }
        return b.toString();
    }

    /** The lever values, in lever order. */
    public List<String> values(DesignSpec spec) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            out.add(spec.levers().get(i).values().get(index[i]));
        }
        return out;
    }

    /** The candidate's {@code --set} overrides. */
    public List<String> sets(DesignSpec spec) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            out.addAll(spec.levers().get(i).sets(index[i]));
        }
        return out;
    }

    /**
     * The same design written once: each lever whose {@code onlyWhen} does not hold is held at its
     * first value, so that designs differing only in a lever that does not matter are one design
     * (a window of a day or more repeated on later days is one longer block, not daily windows).
     */
    public Candidate canonical(DesignSpec spec) {
        int[] out = index.clone();
        for (int i = 0; i < out.length; i++) {
            DesignSpec.Condition c = spec.levers().get(i).onlyWhen();
            if (c != null && !c.active().get(index[c.lever()])) {
                out[i] = 0;
            }
        }
        return java.util.Arrays.equals(out, index) ? this : new Candidate(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Candidate c && java.util.Arrays.equals(index, c.index);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(index);
    }

    @Override
    public String toString() {
        return key();
    }
}
