package org.flowcast.jobs.export;

import static org.flowcast.jobs.export.ExportColumn.nullable;
import static org.flowcast.jobs.export.ExportColumn.required;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.export.ExportColumn.Type;
import org.flowcast.store.ForecastRow;

/**
 * The exported forecasts: the columns of the {@code forecast_values} view, each time also in Pacific wall-clock time (as
 * PeMS writes times) beside its UTC instant; one row per station, origin and step.
 */
final class ForecastTable {
    static final String NAME = "forecasts";
    static final List<ExportColumn> COLUMNS = List.of(
            required("corridor", Type.TEXT), required("model", Type.TEXT), required("run_id", Type.LONG),
            required("station_id", Type.INT), required("origin_ts", Type.INSTANT), required("origin_pacific", Type.LOCAL_TIME),
            required("target_ts", Type.INSTANT), required("target_pacific", Type.LOCAL_TIME), required("step", Type.INT),
            required("flow", Type.FLOAT), nullable("lower80", Type.FLOAT), nullable("upper80", Type.FLOAT),
            nullable("lower95", Type.FLOAT), nullable("upper95", Type.FLOAT));

    private ForecastTable() {
    }

    static Object[] values(ForecastRow row) {
        return new Object[] {row.corridor(), row.model(), row.runId(), row.stationId(), row.origin(), pacific(row.origin()),
            row.target(), pacific(row.target()), row.step(), row.flow(), row.lower80(), row.upper80(), row.lower95(), row.upper95()};
    }

    static LocalDateTime pacific(Instant time) {
        return LocalDateTime.ofInstant(time, PemsTime.ZONE);
    }
}
