package org.flowcast.core;

/** Deep copies and shape checks of the rectangular {@code float[][]} that values carry between modules. */
final class FloatMatrix {
    private FloatMatrix() {
    }

    static float[][] copyOf(float[][] source, int columns, String what) {
        float[][] copy = new float[source.length][];
        for (int i = 0; i < source.length; i++) {
            if (source[i].length != columns) {
                throw new IllegalArgumentException(what + " row " + i + " has " + source[i].length
                        + " columns, expected " + columns);
            }
            copy[i] = source[i].clone();
        }
        return copy;
    }
}
