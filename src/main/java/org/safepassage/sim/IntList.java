package org.safepassage.sim;

import java.util.Arrays;

/** A growable list of ints (household indices), to avoid boxing in hot loops. */
final class IntList {
    private int[] items = new int[16];
    private int size;

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int get(int i) {
        return items[i];
    }

    void set(int i, int v) {
        items[i] = v;
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    void clear() {
        size = 0;
    }
}
