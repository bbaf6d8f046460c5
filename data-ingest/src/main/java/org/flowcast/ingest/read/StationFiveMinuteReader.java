package org.flowcast.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.IntStream;
import org.flowcast.core.Station;

/**
 * Reads PeMS Clearinghouse {@code station_5min} files ({@code .txt} or {@code .txt.gz}): no header,
 * comma-separated, 12 base fields (Timestamp, Station, District, Freeway, Direction, Lane Type,
 * Station Length, Samples, % Observed, Total Flow, Avg Occupancy, Avg Speed) and then 5 fields per
 * lane. Any field after Station may be empty; per-lane fields only count the lanes that report. A row whose
 * fields lay out no whole number of lanes, or other lanes than the station's earlier rows, or whose timestamp is
 * in another layout than the file's first, is rejected; a header line first is skipped with a warning.
 */
public final class StationFiveMinuteReader implements SensorFileReader {
    static final int BASE_FIELDS = 12;
    static final int FIELDS_PER_LANE = 5;
    /** The most lanes a row's fields may lay out (the splitter holds no more fields). */
    static final int MAX_LANES = (CommaFields.MAX_FIELDS - BASE_FIELDS) / FIELDS_PER_LANE;
    /** The lane flow columns' names for messages, made once rather than for every lane of every row. */
    private static final String[] LANE_FLOW = IntStream.rangeClosed(1, MAX_LANES + 1)
            .mapToObj(lane -> "Lane " + lane + " Flow").toArray(String[]::new);

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        PacificTime clock = new PacificTime();
        FallBackHour fallBack = new FallBackHour();
        FileTimestamps timestamps = new FileTimestamps();
        LaneLayouts layouts = new LaneLayouts();
        CommaFields fields = new CommaFields();
        // A file holds every station at one time before the next time: each time is parsed once.
        byte[] lastTimestamp = new byte[0];
        LocalDateTime lastLocal = null;
        Instant lastInstant = null;
        String lastError = null;
        boolean firstLine = true;
        try (TextLines lines = TextSource.openLines(file)) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                if (firstLine) {
                    firstLine = false;
                    if (isHeader(lines)) {
                        sink.warning("line " + lines.number() + " is a header (" + abbreviate(lines.text()) + "): skipped; "
                                + "station_5min files have none, their columns are read by position");
                        continue;
                    }
                }
                sink.rowRead();
                long lineNumber = lines.number();
                try {
                    int laneCount = laneCount(fields.split(lines.bytes(), lines.start(), lines.end()));
                    if (lastLocal == null || !fields.fieldEquals(0, lastTimestamp, 0, lastTimestamp.length)) {
                        String timestamp = fields.get(0);
                        lastLocal = timestamps.parse(timestamp, "Timestamp");
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
                    checkLayout(layouts, reading.stationId(), laneCount, lineNumber, fields, sink);
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

    /**
     * The lanes a row's fields lay out: 12 fields and 5 per lane. Any other count is a row whose fields are shifted
     * (a Total Flow written {@code 1,5} reads as a flow of 1 and an occupancy of 5), and the row's error.
     */
    private static int laneCount(int fieldCount) throws RowException {
        if (fieldCount < BASE_FIELDS) {
            throw new RowException("expected at least " + BASE_FIELDS + " comma-separated fields (Timestamp, "
                    + "Station, District, Freeway, Direction, Lane Type, Station Length, Samples, % Observed, "
                    + "Total Flow, Avg Occupancy, Avg Speed), found " + fieldCount);
        }
        if (fieldCount > CommaFields.MAX_FIELDS) {
            throw new RowException("holds more than " + CommaFields.MAX_FIELDS + " comma-separated fields, the "
                    + BASE_FIELDS + " of a station_5min row and 5 for each of " + MAX_LANES + " lanes");
        }
        if ((fieldCount - BASE_FIELDS) % FIELDS_PER_LANE != 0) {
            throw new RowException("holds " + fieldCount + " fields, which lay out no whole number of lanes: a station_5min "
                    + "row has " + BASE_FIELDS + " fields and " + FIELDS_PER_LANE + " per lane (12, 17, 22, 27, ...); a "
                    + "number written with a comma (1,5) or a stray comma shifts every field after it; correct the row");
        }
        return (fieldCount - BASE_FIELDS) / FIELDS_PER_LANE;
    }

    /**
     * Describes a station at its first row, and holds its rows with lane fields to the lanes of the first of them:
     * a station's lanes do not change within a day's file. Rows of totals only (12 fields) fit any layout.
     */
    private static void checkLayout(LaneLayouts layouts, int station, int laneCount, long line, CommaFields fields,
                                    ReadingSink sink) throws RowException {
        int slot = layouts.slot(station);
        if (slot < 0) {
            slot = -slot - 1;
            sink.station(describe(fields, station), false);
        }
        if (laneCount == 0) {
            return;
        }
        int laidOut = layouts.lanes(slot);
        if (laidOut == LaneLayouts.NOT_LAID_OUT) {
            layouts.layOut(slot, laneCount, line);
            sink.laneLayout(station, laneCount, line);
        } else if (laidOut != laneCount) {
            throw new RowException("station " + station + " has the fields of " + laneCount + " lane(s) here but " + laidOut
                    + " on line " + layouts.line(slot) + "; a station's rows keep one layout within a file, so a field "
                    + "was added or lost: correct the row");
        }
    }

    /** Whether the line is a header: its first field a name, {@code Timestamp} (PeMS's column name), not a time. */
    private static boolean isHeader(TextLines lines) {
        String text = lines.text().stripLeading();
        return text.regionMatches(true, 0, "timestamp", 0, "timestamp".length());
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
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
