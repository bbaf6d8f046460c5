package org.flowcast.core;

import java.util.Arrays;

/**
 * The most recent nonconformity scores of one horizon step, at most {@code capacity}, the oldest leaving first. They are
 * held twice: in arrival order, to know which score leaves next, and sorted, so that a quantile is an index rather than
 * a sort of the whole window at every origin. Scores are finite and non-negative; sorting is by {@link Float#compare},
 * the order {@link Arrays#sort(float[])} gives, so the sorted copy is a function of the scores alone. The arrays grow
 * with the scores up to the capacity, so a window takes memory for what it holds.
 */
final class ScoreWindow {
    private static final int FIRST_ROOM = 1024;

    private final int capacity;
    private float[] arrivals;
    private float[] sorted;
    private int oldest;
    private int size;

    ScoreWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a score window needs room for at least one score, was " + capacity);
        }
        this.capacity = capacity;
        arrivals = new float[Math.min(capacity, FIRST_ROOM)];
        sorted = new float[arrivals.length];
    }

    /** A window holding {@code scores}, oldest first, as {@link #inArrivalOrder()} gave them. */
    static ScoreWindow of(int capacity, float[] scores) {
        ScoreWindow window = new ScoreWindow(capacity);
        window.add(scores, scores.length);
        return window;
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return size;
    }

    /** Adds {@code scores[0..count)} as the newest, evicting the oldest beyond the capacity. */
    void add(float[] scores, int count) {
        if (count > capacity()) {
            throw new IllegalArgumentException(count + " scores do not fit a window of " + capacity());
        }
        for (int i = 0; i < count; i++) {
            if (!(scores[i] >= 0 && scores[i] < Float.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("a score must be finite and non-negative, was " + scores[i]);
            }
        }
        makeRoom(Math.min(capacity, size + count));
        int evicted = Math.max(0, size + count - capacity);
        float[] leaving = new float[evicted];
        for (int i = 0; i < evicted; i++) {
            leaving[i] = arrivals[(oldest + i) % capacity];
        }
        oldest = (oldest + evicted) % capacity;
        Arrays.sort(leaving);
        removeSorted(leaving);
        size -= evicted;

        float[] arriving = Arrays.copyOf(scores, count);
        for (int i = 0; i < count; i++) {
            arrivals[(oldest + size + i) % capacity] = arriving[i];
        }
        Arrays.sort(arriving);
        insertSorted(arriving);
        size += count;
    }

    /**
     * The empirical {@code p}-quantile of the scores, the ⌈p·n⌉-th smallest of n (the paper's Q̂(p)): 0 where
     * {@code p ≤ 0}, the largest score where {@code p ≥ 1}.
     */
    float quantile(double p) {
        if (size == 0) {
            throw new IllegalStateException("an empty window has no quantile");
        }
        if (p <= 0) {
            return 0;
        }
        long rank = Math.min(size, Math.max(1, (long) Math.ceil(p * size)));
        return sorted[(int) rank - 1];
    }

    /** The scores oldest first. */
    float[] inArrivalOrder() {
        float[] scores = new float[size];
        for (int i = 0; i < size; i++) {
            scores[i] = arrivals[(oldest + i) % capacity];
        }
        return scores;
    }

    /**
     * Grows the arrays to hold {@code needed} scores. Below the capacity nothing was evicted yet, so the arrivals run
     * from index 0 without wrapping and a copy keeps them in place.
     */
    private void makeRoom(int needed) {
        if (needed <= arrivals.length) {
            return;
        }
        int room = (int) Math.min(capacity, Math.max(needed, 2L * arrivals.length));
        arrivals = Arrays.copyOf(arrivals, room);
        sorted = Arrays.copyOf(sorted, room);
    }

    /**
     * Removes {@code leaving} (sorted, each one of the window's scores) from the first {@code size} sorted scores. Each
     * run of kept scores between two leaving ones moves left, in one copy, by the number of leaving scores before it.
     */
    private void removeSorted(float[] leaving) {
        int previous = -1;
        for (int i = 0; i < leaving.length; i++) {
            int at = lowerBound(leaving[i], previous + 1, size);
            if (at == size || Float.compare(sorted[at], leaving[i]) != 0) {
                throw new IllegalStateException("a leaving score was not in the window");
            }
            if (i > 0) {
                System.arraycopy(sorted, previous + 1, sorted, previous + 1 - i, at - previous - 1);
            }
            previous = at;
        }
        if (leaving.length > 0) {
            System.arraycopy(sorted, previous + 1, sorted, previous + 1 - leaving.length, size - previous - 1);
        }
    }

    /**
     * Merges {@code arriving} (sorted) into the first {@code size} sorted scores in place, from the back: each run of
     * scores above an arriving one moves right, in one copy, by the number of arriving scores below it and itself.
     */
    private void insertSorted(float[] arriving) {
        int end = size;
        for (int j = arriving.length - 1; j >= 0; j--) {
            int at = upperBound(arriving[j], end);
            System.arraycopy(sorted, at, sorted, at + j + 1, end - at);
            sorted[at + j] = arriving[j];
            end = at;
        }
    }

    /** The first index in {@code [from, to)} of the sorted scores not below {@code value}. */
    private int lowerBound(float value, int from, int to) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Float.compare(sorted[middle], value) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first index in {@code [0, to)} of the sorted scores above {@code value}. */
    private int upperBound(float value, int to) {
        int low = 0;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Float.compare(sorted[middle], value) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
