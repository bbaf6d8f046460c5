package org.flowcast.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.flowcast.core.Station;

/**
 * Reads PeMS Clearinghouse {@code station_5min} files ({@code .txt} or {@code .txt.gz}): no header,
 * comma-separated, 12 base fields (Timestamp, Station, District, Freeway, Direction, Lane Type,
 * Station Length, Samples, % Observed, Total Flow, Avg Occupancy, Avg Speed) and then 5 fields per
 * lane. Any field after Station may be empty; per-lane fields only count the lanes that report.
 */
public final class StationFiveMinuteReader implements SensorFileReader {
    static final int BASE_FIELDS = 12;
    static final int FIELDS_PER_LANE = 5;

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        PacificTime clock = new PacificTime();
        FallBackHour fallBack = new FallBackHour();
        Set<Integer> described = new HashSet<>();
        CommaFields fields = new CommaFields();
        String lastTimestamp = null;
        LocalDateTime lastLocal = null;
        long lineNumber = 0;
        try (BufferedReader text = TextSource.openText(file)) {
            for (String line = text.readLine(); line != null; line = text.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                sink.rowRead();
                try {
                    if (fields.split(line) < BASE_FIELDS) {
                        throw new RowException("expected at least " + BASE_FIELDS + " comma-separated fields (Timestamp, "
                                + "Station, District, Freeway, Direction, Lane Type, Station Length, Samples, % Observed, "
                                + "Total Flow, Avg Occupancy, Avg Speed), found " + fields.count());
                    }
                    // A file holds every station at one time before the next time: parse each time once.
                    String timestamp = fields.get(0);
                    LocalDateTime local = timestamp.equals(lastTimestamp) ? lastLocal : Fields.timestamp(timestamp);
                    lastTimestamp = timestamp;
                    lastLocal = local;
                    Reading reading = parse(fields, local, clock);
                    if (described.add(reading.stationId())) {
                        sink.station(describe(fields, reading.stationId()), false);
                    }
                    if (clock.isAmbiguous(local)) {
                        fallBack.hold(reading, local, lineNumber, line);
                    } else {
                        sink.reading(reading, lineNumber);
                    }
                } catch (RowException e) {
                    sink.reject(lineNumber, e.getMessage(), line);
                }
            }
            fallBack.release(sink);
        } catch (IOException e) {
            throw TextSource.explain(file, e);
        } catch (UncheckedIOException e) {
            throw TextSource.explain(file, e.getCause());
        }
    }

    /** What a data row says of its station: district, freeway, direction and lane type. */
    private static Station describe(CommaFields fields, int id) {
        return new Station(id, parseOrZero(fields, 2), parseOrZero(fields, 3),
                fields.get(4), fields.get(5), 0, Double.NaN, Double.NaN, Double.NaN, "");
    }

    private static int parseOrZero(CommaFields fields, int field) {
        try {
            return fields.isEmpty(field) ? 0 : fields.integer(field, "");
        } catch (RowException e) {
            return 0;
        }
    }

    private static Reading parse(CommaFields fields, LocalDateTime local, PacificTime clock) throws RowException {
        int station = Fields.positiveStationId(fields.integer(1, "Station"), "Station");
        fields.requireAtMost(4, "Direction", Station.MAX_DIRECTION);
        fields.requireAtMost(5, "Lane Type", Station.MAX_LANE_TYPE);
        float percent = fields.number(8, "% Observed");
        if (!Float.isNaN(percent) && (percent < 0 || percent > 100)) {
            throw new RowException("% Observed must lie between 0 and 100, was " + fields.get(8));
        }
        float flow = fields.number(9, "Total Flow");
        float occupancy = fields.number(10, "Avg Occupancy");
        float speed = fields.number(11, "Avg Speed");
        int lanes = 0;
        for (int lane = 0; BASE_FIELDS + lane * FIELDS_PER_LANE + 1 < fields.count(); lane++) {
            int laneFlow = BASE_FIELDS + lane * FIELDS_PER_LANE + 1;
            if (!fields.isEmpty(laneFlow)) {
                fields.number(laneFlow, "Lane " + (lane + 1) + " Flow");
                lanes = lane + 1;
            }
        }
        Instant time;
        try {
            time = clock.toInstant(local);
        } catch (IllegalArgumentException e) {
            throw new RowException("Timestamp " + fields.get(0) + ": " + e.getMessage());
        }
        return new Reading(station, time, flow, occupancy, speed,
                Float.isNaN(percent) ? Reading.UNKNOWN_PERCENT : Math.round(percent), lanes);
    }
}
