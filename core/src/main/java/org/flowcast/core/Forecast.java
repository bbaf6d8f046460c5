package org.flowcast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model's forecast from one origin: {@code values[h][s]} is the flow predicted {@code h + 1}
 * steps after {@code origin} at the station {@code stationIds.get(s)}. Intervals, attention
 * weights and the additive parts the values are the sum of are optional. Arrays are copied in and out,
 * so an instance never changes.
 */
public record Forecast(
        String model,
        Instant origin,
        Duration step,
        List<Integer> stationIds,
        float[][] values,
        List<PredictionInterval> intervals,
        Optional<AttentionWeights> attention,
        List<ForecastPart> parts) {

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
        parts = List.copyOf(parts);
        for (ForecastPart part : parts) {
            // by its shape, not values(), which copies the matrix
            if (part.steps() != values.length || (values.length > 0 && part.stationCount() != stationIds.size())) {
                throw new IllegalArgumentException("part '" + part.name() + "' does not match the forecast's shape");
            }
        }
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
        return new Forecast(model, origin, step, stationIds, values, newIntervals, attention, parts);
    }

    public Forecast withParts(List<ForecastPart> newParts) {
        return new Forecast(model, origin, step, stationIds, values, intervals, attention, newParts);
    }
}
