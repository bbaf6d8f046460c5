package org.flowcast.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flowcast.core.Station;

/**
 * Reads PeMS station metadata ({@code dNN_text_meta_YYYY_MM_DD.txt}): tab-separated with a header
 * {@code ID Fwy Dir District County City State_PM Abs_PM Latitude Longitude Length Type Lanes Name ...}.
 * Columns are found by name; every field but ID may be empty. Lanes outside 1 to {@value #MAX_LANES} (0 or empty:
 * unknown) reject the row; a second row of an id is a duplicate where it says the same, else rejected (the
 * first kept).
 */
public final class StationMetadataReader implements SensorFileReader {
    /**
     * The most lanes a station may have. PeMS mainline stations have 1 to 8 in one direction (District 12's
     * metadata: at most 8), collector-distributor roads a few more; 10 is also the lanes the capacity check assumes
     * where a station's are unknown, so no lane count read from metadata loosens it past that of an unknown station.
     */
    static final int MAX_LANES = 10;
    static final List<String> REQUIRED = List.of("ID", "Fwy", "Dir", "District", "Abs_PM", "Type", "Lanes");
    /** The directions PeMS gives a freeway; a station of another is loaded, but names no corridor. */
    private static final Set<String> CORRIDOR_DIRECTIONS = Set.of("N", "S", "E", "W");
    private static final CSVFormat FORMAT = CSVFormat.TDF.builder()
            .setIgnoreEmptyLines(false).setTrim(true).setQuote(null).build();

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        try (BufferedReader text = TextSource.openText(file); CSVParser parser = FORMAT.parse(text)) {
            Map<String, Integer> columns = null;
            Map<Integer, Described> described = new HashMap<>();
            List<String> oddDirections = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (CsvRecords.isBlank(record)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(file, record);
                    continue;
                }
                sink.rowRead();
                try {
                    Station station = parse(record, columns);
                    Described first = described.putIfAbsent(station.id(), new Described(station, record.getRecordNumber()));
                    if (first == null) {
                        sink.station(station, true);
                        if (!station.direction().isEmpty() && !CORRIDOR_DIRECTIONS.contains(station.direction())) {
                            oddDirections.add("line " + record.getRecordNumber() + ": station " + station.id() + " '"
                                    + station.direction() + "'");
                        }
                    } else if (first.station().equals(station)) {
                        sink.duplicate(record.getRecordNumber());
                    } else {
                        throw new RowException("station " + station.id() + " is described on line " + first.line()
                                + " already, and differently here (" + differences(first.station(), station)
                                + "); the first description is kept: remove the wrong row");
                    }
                } catch (RowException e) {
                    sink.reject(record.getRecordNumber(), e.getMessage(), String.join("\t", record.values()));
                }
            }
            if (columns == null) {
                throw new FileReadException(file, "the file is empty; expected a PeMS metadata header starting with ID, Fwy, Dir");
            }
            if (!oddDirections.isEmpty()) {
                sink.warning(oddDirections.size() + " station(s) have a Dir other than N, S, E or W ("
                        + String.join(", ", oddDirections.subList(0, Math.min(5, oddDirections.size())))
                        + (oddDirections.size() > 5 ? ", ..." : "") + "): they are loaded, but form no freeway corridor");
            }
        } catch (IOException e) {
            throw TextSource.explain(file, e);
        }
    }

    private static Map<String, Integer> header(Path file, CSVRecord record) throws FileReadException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.put(record.get(i).toLowerCase(Locale.ROOT), i);
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name.toLowerCase(Locale.ROOT))) {
                throw new FileReadException(file, "line 1: the metadata header lacks the column " + name
                        + "; expected tab-separated columns " + String.join(" ", REQUIRED) + " ...");
            }
        }
        return columns;
    }

    private static Station parse(CSVRecord record, Map<String, Integer> columns) throws RowException {
        int id = Fields.stationId(field(record, columns, "ID"), "ID");
        int lanes = optionalInt(record, columns, "Lanes");
        if (lanes < 0) {
            throw new RowException("Lanes must not be negative, was " + lanes);
        }
        if (lanes > MAX_LANES) {
            throw new RowException("Lanes must lie between 1 and " + MAX_LANES + " (empty or 0 where unknown), was " + lanes
                    + "; no freeway has more lanes in one direction at one station");
        }
        return new Station(id,
                optionalInt(record, columns, "District"),
                optionalInt(record, columns, "Fwy"),
                Fields.text(field(record, columns, "Dir"), "Dir", Station.MAX_DIRECTION),
                Fields.text(field(record, columns, "Type"), "Type", Station.MAX_LANE_TYPE),
                lanes,
                Fields.decimal(field(record, columns, "Abs_PM"), "Abs_PM"),
                Fields.decimal(field(record, columns, "Latitude"), "Latitude"),
                Fields.decimal(field(record, columns, "Longitude"), "Longitude"),
                Fields.text(field(record, columns, "Name"), "Name", Station.MAX_NAME));
    }

    /** A station's description and the line that gave it. */
    private record Described(Station station, long line) {
    }

    /** What two descriptions of one station say differently, as {@code Fwy 5 there, 57 here; ...}. */
    private static String differences(Station first, Station second) {
        List<String> said = new ArrayList<>();
        differ(said, "Fwy", first.freeway(), second.freeway());
        differ(said, "Dir", first.direction(), second.direction());
        differ(said, "District", first.district(), second.district());
        differ(said, "Type", first.laneType(), second.laneType());
        differ(said, "Lanes", first.lanes(), second.lanes());
        differ(said, "Abs_PM", first.absolutePostmile(), second.absolutePostmile());
        differ(said, "Latitude", first.latitude(), second.latitude());
        differ(said, "Longitude", first.longitude(), second.longitude());
        differ(said, "Name", first.name(), second.name());
        return String.join("; ", said);
    }

    private static void differ(List<String> said, String column, Object first, Object second) {
        if (!first.equals(second)) {
            said.add(column + " " + first + " there, " + second + " here");
        }
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name.toLowerCase(Locale.ROOT));
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private static int optionalInt(CSVRecord record, Map<String, Integer> columns, String name) throws RowException {
        String value = field(record, columns, name);
        return value.isEmpty() ? 0 : Fields.integer(value, name);
    }
}
