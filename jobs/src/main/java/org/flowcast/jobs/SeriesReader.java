package org.flowcast.jobs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.flowcast.core.Channel;
import org.flowcast.core.Corridor;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/** Reads the series a job works on from a workspace: the stations and range a {@link SeriesRequest} chooses, or a corridor's. */
public final class SeriesReader {
    private SeriesReader() {
    }

    /**
     * The chosen stations over the chosen range; a range that starts past the data, or ends before it, is a usage
     * error. Where no station was named, a station order the metadata cannot vouch for is said to {@code warnings}, as
     * is a range mostly without readings.
     */
    public static SensorSeries read(Workspace workspace, SeriesRequest request, Consumer<String> warnings) throws JobException {
        request.validate();
        List<Integer> ids = request.stations().isEmpty()
                ? StationChoice.mainline(workspace, request.freeway(), request.direction()) : request.stations();
        if (ids.isEmpty()) {
            throw new JobException("there is no station data in the database; load some with 'flowcast ingest PATH' "
                    + "(or run 'flowcast demo')");
        }
        SensorSeries series = read(workspace, ids, request);
        if (request.stations().isEmpty()) {
            CorridorOrder.warning(series).ifPresent(warnings);
        }
        mostlyMissing(series).ifPresent(warnings);
        return series;
    }

    /** One corridor's stations, in its order, over the chosen range, named as the corridor. */
    public static SensorSeries read(Workspace workspace, SeriesRequest request, Corridor corridor) throws JobException {
        return read(workspace, corridor.stationIds(), request).withCorridor(corridor.name());
    }

    /** {@link #read(Workspace, SeriesRequest, Corridor)}, saying to {@code warnings} where the range is mostly without readings. */
    public static SensorSeries read(Workspace workspace, SeriesRequest request, Corridor corridor, Consumer<String> warnings)
            throws JobException {
        SensorSeries series = read(workspace, request, corridor);
        mostlyMissing(series).ifPresent(w -> warnings.accept("corridor " + corridor.name() + ": " + w));
        return series;
    }

    /**
     * A warning where most of a series' flow values are missing: its range stretches over time without readings (a
     * reading far from the rest of a station's), which the model trains and is validated on as missing.
     */
    static Optional<String> mostlyMissing(SensorSeries series) {
        int[] counts = series.stateCounts(Channel.FLOW);
        double missing = (double) counts[ValueState.MISSING.ordinal()] / Math.max(1, series.length() * (long) series.stationCount());
        if (missing <= CorridorCatalog.MOSTLY_EMPTY) {
            return Optional.empty();
        }
        TimeRange range = new TimeRange(series.start(), series.end());
        return Optional.of(String.format(Locale.ROOT, "%.1f%% of the range read, %s, is without readings (%d stations); "
                + "a reading far from the rest stretches it ('flowcast stations' shows each station's span): give --from "
                + "and --to around the data", 100 * missing, range.describe(), series.stationCount()));
    }

    private static SensorSeries read(Workspace workspace, List<Integer> ids, SeriesRequest request) throws JobException {
        try {
            SeriesQuery query = new SeriesQuery(workspace.database());
            TimeRange stored = query.storedRange(ids).orElseThrow(() -> new JobException("the chosen stations have no data"));
            if (request.from() != null && !request.from().isBefore(stored.to())) {
                throw JobException.usage("the start " + PemsTime.format(request.from()) + " lies past the stored data of these "
                        + "stations, which ends at " + PemsTime.format(stored.to()) + "; choose an earlier start");
            }
            if (request.to() != null && !request.to().isAfter(stored.from())) {
                throw JobException.usage("the end " + PemsTime.format(request.to()) + " lies before the stored data of these "
                        + "stations, which starts at " + PemsTime.format(stored.from()) + "; choose a later end");
            }
            TimeRange range = new TimeRange(request.from() == null ? stored.from() : request.from(),
                    request.to() == null ? stored.to() : request.to());
            return query.stations(ids, range);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }
}
