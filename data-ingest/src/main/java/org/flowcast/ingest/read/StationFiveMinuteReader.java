package org.flowcast.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false).setTrim(true).build();

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        PacificTime clock = new PacificTime();
        Set<Integer> described = new HashSet<>();
        try (BufferedReader text = TextSource.openText(file); CSVParser parser = FORMAT.parse(text)) {
            for (CSVRecord record : parser) {
                if (isBlank(record)) {
                    continue;
                }
                sink.rowRead();
                try {
                    Reading reading = parse(record, clock);
                    if (described.add(reading.stationId())) {
                        sink.station(describe(record), false);
                    }
                    sink.reading(reading, record.getRecordNumber());
                } catch (RowException e) {
                    sink.reject(record.getRecordNumber(), e.getMessage(), String.join(",", record.values()));
                }
            }
        } catch (IOException e) {
            throw TextSource.explain(file, e);
        } catch (java.io.UncheckedIOException e) {
            throw TextSource.explain(file, e.getCause());
        }
    }

    // Empty lines are kept by the parser so that record numbers stay line numbers (no field spans lines here).
    static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /** What a data row says of its station: district, freeway, direction and lane type. */
    private static Station describe(CSVRecord record) {
        int id = Integer.parseInt(record.get(1).trim());
        return new Station(id, parseOrZero(record.get(2)), parseOrZero(record.get(3)),
                record.get(4), record.get(5), 0, Double.NaN, Double.NaN, Double.NaN, "");
    }

    private static int parseOrZero(String field) {
        try {
            return field.isEmpty() ? 0 : Integer.parseInt(field);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Reading parse(CSVRecord record, PacificTime clock) throws RowException {
        int size = record.size();
        if (size < BASE_FIELDS) {
            throw new RowException("expected at least " + BASE_FIELDS + " comma-separated fields (Timestamp, Station, "
                    + "District, Freeway, Direction, Lane Type, Station Length, Samples, % Observed, Total Flow, "
                    + "Avg Occupancy, Avg Speed), found " + size);
        }
        LocalDateTime local = Fields.timestamp(record.get(0));
        int station = Fields.integer(record.get(1), "Station");
        float percent = Fields.number(record.get(8), "% Observed");
        if (!Float.isNaN(percent) && (percent < 0 || percent > 100)) {
            throw new RowException("% Observed must lie between 0 and 100, was " + record.get(8));
        }
        float flow = Fields.number(record.get(9), "Total Flow");
        float occupancy = Fields.number(record.get(10), "Avg Occupancy");
        float speed = Fields.number(record.get(11), "Avg Speed");
        int lanes = 0;
        for (int lane = 0; BASE_FIELDS + lane * FIELDS_PER_LANE < size; lane++) {
            int first = BASE_FIELDS + lane * FIELDS_PER_LANE;
            if (first + 1 < size && !record.get(first + 1).isEmpty()) {
                Fields.number(record.get(first + 1), "Lane " + (lane + 1) + " Flow");
                lanes = lane + 1;
            }
        }
        Instant time;
        try {
            time = clock.toInstant(station, local);
        } catch (IllegalArgumentException e) {
            throw new RowException("Timestamp " + record.get(0) + ": " + e.getMessage());
        }
        return new Reading(station, time, flow, occupancy, speed,
                Float.isNaN(percent) ? Reading.UNKNOWN_PERCENT : Math.round(percent), lanes);
    }
}
