package org.safepassage.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A key path into a scenario tree, as used by {@code --set} and study files:
 * {@code clock.tickMinutes}, {@code pauses[0].duration}, {@code corridors[Castello road].widthMetres}.
 * A bracket holds a list index, the {@code name} of a list item, {@code *} for every item, or
 * {@code key=value} for every item whose {@code key} has that value
 * ({@code corridors[kind=civilian].monitoring}).
 */
public final class KeyPath {

    /** One step of a path: a mapping key, or a list item by index or by name. */
    public record Step(String key, Integer index, String itemName) {

        /** Whether this step stands for several items ({@code [*]} or {@code [key=value]}). */
        public boolean isSelector() {
            return itemName != null && (itemName.equals("*") || itemName.indexOf('=') > 0);
        }

        /** Whether a list item is one of those a selector step stands for. */
        boolean selects(YamlNode item) {
            if (itemName.equals("*")) {
                return true;
            }
            int eq = itemName.indexOf('=');
            String k = itemName.substring(0, eq).trim();
            String v = itemName.substring(eq + 1).trim();
            YamlNode there = item.isMapping() ? item.get(k) : null;
            return there != null && !there.isMapping() && !there.isSequence() && v.equals(there.text());
        }

        @Override
        public String toString() {
            if (key != null) {
                return key;
            }
            return "[" + (index != null ? index.toString() : itemName) + "]";
        }
    }

    private final List<Step> steps;
    private final String text;

    private KeyPath(List<Step> steps, String text) {
        this.steps = List.copyOf(steps);
        this.text = text;
    }

    public List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Parses a path; throws IllegalArgumentException with a readable reason when malformed. */
    public static KeyPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            throw new IllegalArgumentException("empty key path");
        }
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' at position " + (i + 1) + " is not closed");
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.isEmpty()) {
                    throw new IllegalArgumentException("empty brackets at position " + (i + 1));
                }
                if (inside.chars().allMatch(Character::isDigit)) {
                    steps.add(new Step(null, Integer.parseInt(inside), null));
                } else {
                    steps.add(new Step(null, null, inside));
                }
                i = close + 1;
                if (i < n && text.charAt(i) == '.') {
                    i++;
                    if (i == n) {
                        throw new IllegalArgumentException("path ends with '.'");
                    }
                }
            } else {
                int j = i;
                while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
                    j++;
                }
                String key = text.substring(i, j);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("empty key at position " + (i + 1));
                }
                steps.add(new Step(key, null, null));
                i = j;
                if (i < n && text.charAt(i) == '.') {
                    i++;
                    if (i == n) {
                        throw new IllegalArgumentException("path ends with '.'");
                    }
                }
            }
        }
        return new KeyPath(steps, text);
    }
}
