package org.flowcast.core;

import java.util.Objects;

/**
 * One additive part of a forecast, as a model that is a sum of branches gives it: {@code values[h][s]} is
 * this part's share of the flow forecast {@code h + 1} steps ahead at station position {@code s}. A
 * forecast's parts add up to its values (to float rounding), except where the model's value was below zero
 * and was raised to zero ({@link Forecast#clippedValues}): there they add up to the model's own value.
 */
public record ForecastPart(String name, float[][] values) {
    public ForecastPart {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a part's name is not blank and holds no '|': '" + name + "'");
        }
        values = FloatMatrix.copyOf(values, values.length == 0 ? 0 : values[0].length, "part " + name);
    }

    public int steps() {
        return values.length;
    }

    public int stationCount() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** This part of the flow at 1-based horizon step {@code h} and station position {@code s}. */
    public float value(int h, int s) {
        return values[h - 1][s];
    }

    @Override
    public float[][] values() {
        return FloatMatrix.copyOf(values, values.length == 0 ? 0 : values[0].length, "part " + name);
    }
}
