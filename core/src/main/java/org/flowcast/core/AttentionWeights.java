package org.flowcast.core;

import java.util.List;

/**
 * The temporal attention behind a forecast: {@code weights[r][i]} is the weight row {@code r} gave
 * to input step {@code i}, where step {@code lags - 1} is the origin and step 0 lies
 * {@code lags - 1} steps before it. Rows are stations when {@code perStation}, otherwise a single
 * row for the whole window. Each row sums to 1.
 */
public record AttentionWeights(boolean perStation, List<Integer> rowStationIds, float[][] weights) {

    public AttentionWeights {
        rowStationIds = List.copyOf(rowStationIds);
        if (weights.length == 0) {
            throw new IllegalArgumentException("attention needs at least one row");
        }
        if (perStation && rowStationIds.size() != weights.length) {
            throw new IllegalArgumentException("per-station attention needs one row per station");
        }
        weights = FloatMatrix.copyOf(weights, weights[0].length, "weights");
    }

    /** Attention shared by every station of the window. */
    public static AttentionWeights forWindow(float[] weights) {
        return new AttentionWeights(false, List.of(), new float[][] {weights});
    }

    public int rows() {
        return weights.length;
    }

    public int lags() {
        return weights[0].length;
    }

    public float weight(int row, int lag) {
        return weights[row][lag];
    }

    @Override
    public float[][] weights() {
        return FloatMatrix.copyOf(weights, lags(), "weights");
    }
}
