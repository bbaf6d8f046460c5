package org.flowcast.jobs.export;

import static org.flowcast.jobs.export.ExportColumn.nullable;
import static org.flowcast.jobs.export.ExportColumn.required;

import java.util.List;
import org.flowcast.jobs.export.ExportColumn.Type;
import org.flowcast.store.OriginStepAccuracy;

/**
 * The exported realised accuracy: the columns of the {@code forecast_accuracy} view, each time also in Pacific wall-clock
 * time beside its UTC instant; one row per live run, origin and step once the step's target was observed.
 */
final class AccuracyTable {
    static final String NAME = "accuracy";
    static final List<ExportColumn> COLUMNS = List.of(
            required("corridor", Type.TEXT), required("model", Type.TEXT), required("run_id", Type.LONG),
            required("origin_ts", Type.INSTANT), required("origin_pacific", Type.LOCAL_TIME), required("step", Type.INT),
            required("target_ts", Type.INSTANT), required("target_pacific", Type.LOCAL_TIME), required("target_hour", Type.INT),
            required("scored", Type.INT), nullable("mae", Type.DOUBLE), nullable("rmse", Type.DOUBLE), nullable("mape", Type.DOUBLE),
            nullable("coverage80", Type.DOUBLE), nullable("coverage95", Type.DOUBLE));

    private AccuracyTable() {
    }

    static Object[] values(OriginStepAccuracy row) {
        return new Object[] {row.corridor(), row.model(), row.runId(), row.origin(), ForecastTable.pacific(row.origin()), row.step(),
            row.target(), ForecastTable.pacific(row.target()), row.targetHour(), row.scored(), row.mae(), row.rmse(), row.mape(),
            row.coverage80(), row.coverage95()};
    }
}
