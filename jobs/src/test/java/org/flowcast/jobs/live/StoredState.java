package org.flowcast.jobs.live;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What a database holds after live operation, as comparable text: the readings, the live runs' origins (forecasts and
 * the half-widths issued), their scores, and their state; run ids left out, so that two databases that did the same
 * work compare equal whatever ids their runs got.
 */
final class StoredState {
    private StoredState() {
    }

    static List<String> of(Path database) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";ACCESS_MODE_DATA=r");
             Statement s = c.createStatement()) {
            dump(s, "SELECT station_id, utc_day, flow, occupancy, speed, pct_observed, flags FROM observation_day "
                    + "ORDER BY station_id, utc_day", lines);
            dump(s, "SELECT l.corridor, l.model, o.origin_ts, o.flow, o.half_widths FROM forecast_origin o JOIN live_run l "
                    + "ON l.run_id = o.run_id ORDER BY l.corridor, l.model, o.origin_ts", lines);
            dump(s, "SELECT corridor, model, origin_ts, step, target_ts, target_hour, scored, abs_error, sq_error, pct_scored, pct_error, "
                    + "inside80, inside95, width80, width95 FROM forecast_score ORDER BY corridor, model, origin_ts, step", lines);
            dump(s, "SELECT corridor, model, interval_state, processed_through, reference_mae, model_since FROM live_run "
                    + "ORDER BY corridor, model", lines);
            dump(s, "SELECT r.corridor, r.model, r.origins FROM forecast_run r JOIN live_run l ON l.run_id = r.id ORDER BY 1, 2", lines);
        }
        return lines;
    }

    private static void dump(Statement s, String sql, List<String> lines) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('|');
                }
                lines.add(row.toString());
            }
        }
        lines.add("-- " + Arrays.asList(sql.split(" ")).subList(0, 3));
    }
}
