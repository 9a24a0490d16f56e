package org.safepassage.sim;

import java.util.Arrays;

/** A first-in-first-out queue of ints (household indices) on a growable ring buffer. */
final class IntQueue {
    private int[] items = new int[16];
    private int head;
    private int size;

    void add(int v) {
        if (size == items.length) {
            int[] bigger = new int[items.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[(head + i) % items.length];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = v;
        size++;
    }

    int peek() {
        return items[head];
    }

    int poll() {
        int v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }

    int get(int i) {
        return items[(head + i) % items.length];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Keeps only the items for which {@code keep} is true, in order. */
    void retain(java.util.function.IntPredicate keep) {
        int[] kept = new int[Math.max(16, size)];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int v = get(i);
            if (keep.test(v)) {
                kept[n++] = v;
            }
        }
        items = kept;
        head = 0;
        size = n;
    }

    int[] toArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
