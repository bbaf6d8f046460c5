package org.flowcast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.AttentionWeights;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastPart;
import org.flowcast.core.PredictionInterval;

/**
 * The {@code forecast} and {@code attention} tables: a run of forecasts whose intervals are their own (not a
 * stored calibration's), one row per origin and station with its bounds, as every run was stored before
 * {@link OriginRows}.
 */
final class StationRows {
    private static final int BATCH = 10_000;

    /** Adds forecasts as rows of one origin and station each, with the steps' bounds on every row. */
    void add(Connection c, long runId, List<Forecast> forecasts) throws SQLException {
        try (PreparedStatement values = c.prepareStatement("INSERT INTO forecast (run_id, origin_ts, station_id, flow, "
                + "lower80, upper80, lower95, upper95, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement weights = c.prepareStatement(
                     "INSERT INTO attention (run_id, origin_ts, station_id, weights) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Forecast f : forecasts) {
                OffsetDateTime origin = OffsetDateTime.ofInstant(f.origin(), ZoneOffset.UTC);
                Optional<PredictionInterval> i80 = f.interval(0.8);
                Optional<PredictionInterval> i95 = f.interval(0.95);
                int steps = f.horizonSteps();
                float[] column = new float[steps];
                for (int s = 0; s < f.stationCount(); s++) {
                    values.setLong(1, runId);
                    values.setObject(2, origin);
                    values.setInt(3, f.stationIds().get(s));
                    for (int h = 1; h <= steps; h++) {
                        column[h - 1] = f.value(h, s);
                    }
                    values.setBytes(4, PackedArrays.floats(column));
                    bound(values, 5, i80, s, steps, true);
                    bound(values, 6, i80, s, steps, false);
                    bound(values, 7, i95, s, steps, true);
                    bound(values, 8, i95, s, steps, false);
                    values.setBytes(9, f.parts().isEmpty() ? null : packedParts(f, s));
                    values.addBatch();
                    if (++pending % BATCH == 0) {
                        values.executeBatch();
                    }
                }
                if (f.attention().isPresent()) {
                    AttentionWeights a = f.attention().get();
                    for (int r = 0; r < a.rows(); r++) {
                        weights.setLong(1, runId);
                        weights.setObject(2, origin);
                        weights.setInt(3, a.perStation() ? a.rowStationIds().get(r) : 0);
                        weights.setBytes(4, PackedArrays.floats(a.weights()[r]));
                        weights.addBatch();
                    }
                }
            }
            values.executeBatch();
            weights.executeBatch();
        }
    }

    private static byte[] packedParts(Forecast f, int station) {
        int steps = f.horizonSteps();
        float[] packed = new float[f.parts().size() * steps];
        for (int p = 0; p < f.parts().size(); p++) {
            ForecastPart part = f.parts().get(p);
            for (int h = 1; h <= steps; h++) {
                packed[p * steps + h - 1] = part.value(h, station);
            }
        }
        return PackedArrays.floats(packed);
    }


    private static void bound(PreparedStatement statement, int index, Optional<PredictionInterval> interval, int station, int steps,
                              boolean lower) throws SQLException {
        if (interval.isEmpty()) {
            statement.setNull(index, Types.VARBINARY);
            return;
        }
        float[] column = new float[steps];
        for (int h = 1; h <= steps; h++) {
            column[h - 1] = lower ? interval.get().lower(h, station) : interval.get().upper(h, station);
        }
        statement.setBytes(index, PackedArrays.floats(column));
    }

}
