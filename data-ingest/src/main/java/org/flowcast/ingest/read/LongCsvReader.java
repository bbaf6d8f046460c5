package org.flowcast.ingest.read;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
    /** Tablesaw's words for a row of another width than the header (its rows counted from 1 after the header). */
    private static final Pattern ROW_WIDTH = Pattern.compile("Row number (\\d+) contains (\\d+) columns\\. (\\d+) expected");

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
            throw unreadable(file, e);
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
            long line = row + 2L;
            if (repeatsHeader(station.get(row), timestamp.get(row), flow.get(row), station.name(), timestamp.name(), flow.name())) {
                // two files joined into one: the second's header is no row of data
                sink.warning("line " + line + " repeats the header: skipped (were files joined together?)");
                continue;
            }
            sink.rowRead();
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

    /**
     * A CSV the parser gave up on, said in the file's terms rather than the parser's (Tablesaw's "Row number 1 contains 7
     * columns. 5 expected.", its CSV parser's settings after a byte that is not UTF-8): the line, and the likely cause.
     */
    private static FileReadException unreadable(Path file, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException coding) {
                return TextSource.explain(file, coding);
            }
        }
        String message = String.valueOf(e.getMessage());
        Matcher row = ROW_WIDTH.matcher(message);
        if (row.find()) {
            int fields = Integer.parseInt(row.group(2));
            int header = Integer.parseInt(row.group(3));
            String cause = header == 1 ? "the header is one field: are the fields separated by ';' or tabs? A long CSV separates "
                    + "them with commas and writes decimals with a point (12.5)"
                    : fields > header ? "a decimal comma (12,5)? A long CSV separates its fields with commas and writes decimals "
                    + "with a point (12.5)" : "write every field of station,timestamp,flow[,occupancy,speed] the header names";
            return new FileReadException(file, "line " + (Long.parseLong(row.group(1)) + 1) + " has " + fields + " fields where the "
                    + "header has " + header + ": " + cause, e);
        }
        int newline = message.indexOf('\n');
        return new FileReadException(file, "not a readable CSV file (" + (newline < 0 ? message : message.substring(0, newline)) + ")",
                e);
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

    private static boolean repeatsHeader(String station, String timestamp, String flow, String... header) {
        return station.trim().equalsIgnoreCase(header[0].trim()) && timestamp.trim().equalsIgnoreCase(header[1].trim())
                && flow.trim().equalsIgnoreCase(header[2].trim());
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
