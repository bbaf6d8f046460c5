package org.flowcast.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    /** The lane flow columns' names for messages, made once rather than for every lane of every row. */
    private static final String[] LANE_FLOW = java.util.stream.IntStream.rangeClosed(1, (CommaFields.MAX_FIELDS - BASE_FIELDS)
            / FIELDS_PER_LANE + 1).mapToObj(lane -> "Lane " + lane + " Flow").toArray(String[]::new);

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        PacificTime clock = new PacificTime();
        FallBackHour fallBack = new FallBackHour();
        Set<Integer> described = new HashSet<>();
        CommaFields fields = new CommaFields();
        // A file holds every station at one time before the next time: each time is parsed once.
        byte[] lastTimestamp = new byte[0];
        LocalDateTime lastLocal = null;
        Instant lastInstant = null;
        String lastError = null;
        try (TextLines lines = TextSource.openLines(file)) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                sink.rowRead();
                long lineNumber = lines.number();
                try {
                    if (fields.split(lines.bytes(), lines.start(), lines.end()) < BASE_FIELDS) {
                        throw new RowException("expected at least " + BASE_FIELDS + " comma-separated fields (Timestamp, "
                                + "Station, District, Freeway, Direction, Lane Type, Station Length, Samples, % Observed, "
                                + "Total Flow, Avg Occupancy, Avg Speed), found " + fields.count());
                    }
                    if (lastLocal == null || !fields.fieldEquals(0, lastTimestamp, 0, lastTimestamp.length)) {
                        String timestamp = fields.get(0);
                        lastLocal = Fields.timestamp(timestamp);
                        lastTimestamp = timestamp.getBytes(StandardCharsets.UTF_8);
                        lastInstant = null;
                        try {
                            lastInstant = clock.toInstant(lastLocal);
                        } catch (IllegalArgumentException e) {
                            lastError = "Timestamp " + timestamp + ": " + e.getMessage();
                        }
                    }
                    if (lastInstant == null) {
                        throw new RowException(lastError);
                    }
                    Reading reading = parse(fields, lastInstant);
                    if (described.add(reading.stationId())) {
                        sink.station(describe(fields, reading.stationId()), false);
                    }
                    if (clock.isAmbiguous(lastLocal)) {
                        fallBack.hold(reading, lastLocal, lineNumber, lines.text());
                    } else {
                        sink.reading(reading, lineNumber);
                    }
                } catch (RowException e) {
                    sink.reject(lineNumber, e.getMessage(), lines.text());
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

    private static Reading parse(CommaFields fields, Instant time) throws RowException {
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
                fields.number(laneFlow, LANE_FLOW[Math.min(lane, LANE_FLOW.length - 1)]);
                lanes = lane + 1;
            }
        }
        return new Reading(station, time, flow, occupancy, speed,
                Float.isNaN(percent) ? Reading.UNKNOWN_PERCENT : Math.round(percent), lanes);
    }
}
