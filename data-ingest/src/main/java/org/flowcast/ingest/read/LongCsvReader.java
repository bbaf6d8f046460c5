package org.flowcast.ingest.read;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads users' own data as a long CSV with a header {@code station,timestamp,flow[,occupancy,speed]}
 * (any column order; names case-insensitive). A timestamp with an offset or {@code Z} is taken as
 * given; one without is Pacific local time, as in PeMS files, in the layout of the file's first such row
 * ({@link FileTimestamps}).
 */
public final class LongCsvReader implements SensorFileReader {
    static final List<String> REQUIRED = List.of("station", "timestamp", "flow");
    private static final List<String> KNOWN = List.of("station", "timestamp", "flow", "occupancy", "speed");
    private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        Table table;
        try (BufferedReader text = TextSource.openText(file)) {
            // Every column as text: a bad number should reject its row, not the file.
            table = Table.read().usingOptions(CsvReadOptions.builder(text)
                    .columnTypes(name -> ColumnType.STRING).missingValueIndicator("").tableName(file.toString()));
        } catch (IOException e) {
            throw TextSource.explain(file, e);
        } catch (RuntimeException e) {
            throw new FileReadException(file, "not a readable CSV file (" + e.getMessage() + ")", e);
        }
        StringColumn station = column(file, table, "station", true);
        StringColumn timestamp = column(file, table, "timestamp", true);
        StringColumn flow = column(file, table, "flow", true);
        StringColumn occupancy = column(file, table, "occupancy", false);
        StringColumn speed = column(file, table, "speed", false);
        List<String> ignored = table.columnNames().stream()
                .filter(name -> !KNOWN.contains(name.trim().toLowerCase(Locale.ROOT))).toList();
        if (!ignored.isEmpty()) {
            sink.warning("the column(s) " + ignored + " are not read: a long CSV has station, timestamp, flow and "
                    + "optionally occupancy and speed; check the spelling");
        }
        PacificTime clock = new PacificTime();
        FallBackHour fallBack = new FallBackHour();
        FileTimestamps timestamps = new FileTimestamps();
        for (int row = 0; row < table.rowCount(); row++) {
            sink.rowRead();
            long line = row + 2L;
            String raw = station.get(row) + "," + timestamp.get(row) + "," + flow.get(row);
            try {
                int id = Fields.stationId(station.get(row), "station");
                String time = timestamp.get(row).trim();
                // a time with an offset names its instant; only local times are held to the file's layout
                LocalDateTime local = hasOffset(time) ? null : timestamps.parse(time, "timestamp");
                Reading reading = new Reading(id, local == null ? withOffset(time) : pacific(clock, local, time),
                        Fields.number(flow.get(row), "flow"),
                        occupancy == null ? Float.NaN : Fields.number(occupancy.get(row), "occupancy"),
                        speed == null ? Float.NaN : Fields.number(speed.get(row), "speed"),
                        Reading.UNKNOWN_PERCENT, 0);
                if (local != null && clock.isAmbiguous(local)) {
                    fallBack.hold(reading, local, line, raw);
                } else {
                    sink.reading(reading, line);
                }
            } catch (RowException e) {
                sink.reject(line, e.getMessage(), raw);
            }
        }
        fallBack.release(sink);
    }

    private static StringColumn column(Path file, Table table, String name, boolean required) throws FileReadException {
        for (String candidate : table.columnNames()) {
            if (candidate.trim().toLowerCase(Locale.ROOT).equals(name)) {
                return table.stringColumn(candidate);
            }
        }
        if (required) {
            throw new FileReadException(file, "line 1: the header lacks the column '" + name
                    + "'; expected station,timestamp,flow[,occupancy,speed]");
        }
        return null;
    }

    private static boolean hasOffset(String time) {
        return time.endsWith("Z") || OFFSET.matcher(time).matches();
    }

    private static Instant withOffset(String time) throws RowException {
        try {
            return OffsetDateTime.parse(time.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowException("timestamp is not an ISO-8601 time: '" + time + "'");
        }
    }

    private static Instant pacific(PacificTime clock, LocalDateTime local, String time) throws RowException {
        try {
            return clock.toInstant(local);
        } catch (IllegalArgumentException e) {
            throw new RowException("timestamp " + time + ": " + e.getMessage());
        }
    }
}
