package org.flowcast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's forecast from one origin: {@code values[h][s]} is the flow predicted {@code h + 1}
 * steps after {@code origin} at the station {@code stationIds.get(s)}. Intervals, attention
 * weights and the additive parts the values are the sum of are optional. {@code clippedValues} counts the
 * values the model gave below zero that were raised to zero flow ({@link #clippedAtZero}); where a value was
 * raised, its parts still add up to the model's own value. Arrays are copied in and out, so an instance
 * never changes.
 */
public record Forecast(
        String model,
        Instant origin,
        Duration step,
        List<Integer> stationIds,
        float[][] values,
        List<PredictionInterval> intervals,
        Optional<AttentionWeights> attention,
        List<ForecastPart> parts,
        int clippedValues) {

    public Forecast {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(step, "step");
        stationIds = List.copyOf(stationIds);
        values = FloatMatrix.copyOf(values, stationIds.size(), "values");
        intervals = List.copyOf(intervals);
        for (PredictionInterval interval : intervals) {
            if (interval.horizonSteps() != values.length || interval.stationCount() != stationIds.size()) {
                throw new IllegalArgumentException("interval shape does not match the forecast");
            }
        }
        attention = Objects.requireNonNull(attention, "attention");
        if (clippedValues < 0) {
            throw new IllegalArgumentException("a count of clipped values is not negative: " + clippedValues);
        }
        parts = List.copyOf(parts);
        for (ForecastPart part : parts) {
            // by its shape, not values(), which copies the matrix
            if (part.steps() != values.length || (values.length > 0 && part.stationCount() != stationIds.size())) {
                throw new IllegalArgumentException("part '" + part.name() + "' does not match the forecast's shape");
            }
        }
    }

    /** A forecast as a model gives it, before any value is clipped. */
    public Forecast(String model, Instant origin, Duration step, List<Integer> stationIds, float[][] values,
                    List<PredictionInterval> intervals, Optional<AttentionWeights> attention, List<ForecastPart> parts) {
        this(model, origin, step, stationIds, values, intervals, attention, parts, 0);
    }

    /** A forecast without parts. */
    public Forecast(String model, Instant origin, Duration step, List<Integer> stationIds, float[][] values,
                    List<PredictionInterval> intervals, Optional<AttentionWeights> attention) {
        this(model, origin, step, stationIds, values, intervals, attention, List.of());
    }

    /** A point forecast without intervals or attention. */
    public Forecast(String model, Instant origin, Duration step, List<Integer> stationIds, float[][] values) {
        this(model, origin, step, stationIds, values, List.of(), Optional.empty());
    }

    public int horizonSteps() {
        return values.length;
    }

    public int stationCount() {
        return stationIds.size();
    }

    /** The flow forecast for 1-based horizon step {@code h} at station position {@code s}. */
    public float value(int h, int s) {
        return values[h - 1][s];
    }

    /** The instant a 1-based horizon step forecasts. */
    public Instant targetTime(int h) {
        return origin.plus(step.multipliedBy(h));
    }

    @Override
    public float[][] values() {
        return FloatMatrix.copyOf(values, stationIds.size(), "values");
    }

    public Optional<PredictionInterval> interval(double level) {
        return intervals.stream().filter(i -> Math.abs(i.level() - level) < 1e-9).findFirst();
    }

    public Forecast withIntervals(List<PredictionInterval> newIntervals) {
        return new Forecast(model, origin, step, stationIds, values, newIntervals, attention, parts, clippedValues);
    }

    public Forecast withParts(List<ForecastPart> newParts) {
        return new Forecast(model, origin, step, stationIds, values, intervals, attention, newParts, clippedValues);
    }

    /**
     * This forecast with every flow below zero raised to zero (no road carries a negative flow), the values
     * raised added to {@link #clippedValues}; interval bounds below zero are raised alike. Against a truth that
     * is never negative, a raised value is never further from it than the model's own, so no error measured
     * on clipped forecasts is larger than on the model's. NaN is left as it is, for the caller to refuse.
     */
    public Forecast clippedAtZero() {
        int raised = 0;
        float[][] clipped = new float[values.length][];
        for (int h = 0; h < values.length; h++) {
            clipped[h] = values[h].clone();
            for (int s = 0; s < clipped[h].length; s++) {
                if (clipped[h][s] < 0) {
                    clipped[h][s] = 0;
                    raised++;
                }
            }
        }
        if (raised == 0 && intervals.stream().allMatch(PredictionInterval::notBelowZero)) {
            return this;
        }
        List<PredictionInterval> bounds = intervals.stream().map(PredictionInterval::raisedToZero).toList();
        return new Forecast(model, origin, step, stationIds, clipped, bounds, attention, parts, clippedValues + raised);
    }
}
