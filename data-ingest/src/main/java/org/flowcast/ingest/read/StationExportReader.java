package org.flowcast.ingest.read;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads what an analyst saves from one station's page on the PeMS web site: a header whose time
 * column is {@code 5 Minutes}, then totals ({@code Flow (Veh/5 Minutes)}, {@code Speed (mph)},
 * {@code Occupancy (%)}, {@code % Observed}) and/or per-lane columns ({@code Lane N Flow (Veh/5 Minutes)}
 * ...), tab- or comma-separated, possibly after an unnamed index column. Columns are found by name.
 * Missing totals are computed from the lanes (flow summed, speed and occupancy averaged). Times as
 * {@link FileTimestamps} reads them, in one layout per file.
 */
public final class StationExportReader implements SensorFileReader {
    public static final String TIME_COLUMN = "5 minutes";
    private static final Pattern LANE = Pattern.compile("lane (\\d+) (flow|speed|occ)\\b.*");
    private final OptionalInt stationId;

    /**
     * @param stationId the station the file belongs to; empty to take it from the file's or its folders' names
     *                  ({@link ExportStationName})
     */
    public StationExportReader(OptionalInt stationId) {
        this.stationId = stationId;
    }

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        int station;
        if (stationId.isPresent()) {
            station = stationId.getAsInt();
        } else {
            ExportStationName named = ExportStationName.of(file).orElseThrow(() ->
                    new FileReadException(file, "a PeMS web export names no station inside, and neither its name nor its folders' "
                            + "names is a station id; name the file or its folder by the id (e.g. 1205320.txt, 10105110/, "
                            + "station25/) or give --station ID"));
            station = named.id();
            named.note().ifPresent(sink::warning);
        }
        try (BufferedReader reader = TextSource.openText(file)) {
            String headerLine = reader.readLine();
            int headerAt = 1;
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = reader.readLine();
                headerAt++;
            }
            if (headerLine == null) {
                throw new FileReadException(file, "the file is empty");
            }
            char delimiter = headerLine.indexOf('\t') >= 0 ? '\t' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(false).build();
            Columns columns = Columns.of(file, format.parse(new StringReader(headerLine)).getRecords().get(0));
            PacificTime clock = new PacificTime();
            FallBackHour fallBack = new FallBackHour();
            FileTimestamps timestamps = new FileTimestamps();
            Row.Split split = new Row.Split(delimiter);
            long line = headerAt;
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                sink.rowRead();
                try {
                    // a line with quotes (a re-saved file's "1,234") goes through Commons CSV, every other through the splitter
                    Row row = text.indexOf('"') < 0 && split.of(text) ? split : Row.of(format.parse(new StringReader(text))
                            .getRecords().get(0));
                    LocalDateTime local = columns.localTime(row, timestamps);
                    Reading reading = columns.parse(station, row, local, clock);
                    if (clock.isAmbiguous(local)) {
                        fallBack.hold(reading, local, line, text);
                    } else {
                        sink.reading(reading, line);
                    }
                } catch (RowException e) {
                    sink.reject(line, e.getMessage(), text);
                }
            }
            fallBack.release(sink);
        } catch (IOException e) {
            throw TextSource.explain(file, e);
        }
    }

    /**
     * One row's fields: from the splitter, or from Commons CSV for a line the splitter cannot take.
     * Numbers may carry thousands separators, as spreadsheets save them.
     */
    private interface Row {
        int size();

        String get(int field);

        float number(int field, String column) throws RowException;

        static Row of(CSVRecord record) {
            return new Row() {
                @Override
                public int size() {
                    return record.size();
                }

                @Override
                public String get(int field) {
                    return record.get(field);
                }

                @Override
                public float number(int field, String column) throws RowException {
                    return Fields.number(record.get(field).replace(",", ""), column);
                }
            };
        }

        /** The splitter as a row, reused line after line. */
        final class Split implements Row {
            private final CommaFields fields;

            Split(char delimiter) {
                this.fields = new CommaFields(delimiter);
            }

            /** Splits a line; false where it has more fields than the splitter holds. */
            boolean of(String text) {
                return fields.split(text) <= CommaFields.MAX_FIELDS;
            }

            @Override
            public int size() {
                return fields.count();
            }

            @Override
            public String get(int field) {
                return fields.get(field);
            }

            @Override
            public float number(int field, String column) throws RowException {
                if (fields.isEmpty(field)) {
                    return Float.NaN;
                }
                try {
                    return fields.number(field, column);
                } catch (RowException e) {
                    String text = fields.get(field);
                    if (text.indexOf(',') < 0) {
                        throw e;
                    }
                    return Fields.number(text.replace(",", ""), column);
                }
            }
        }
    }

    /** Column positions found in the header. */
    private record Columns(int time, int flow, int speed, int occupancy, int observed,
                           List<Integer> laneFlows, List<Integer> laneSpeeds, List<Integer> laneOccupancies) {

        static Columns of(Path file, CSVRecord header) throws FileReadException {
            Map<String, Integer> byName = new HashMap<>();
            Map<Integer, Integer> laneFlow = new TreeMap<>();
            Map<Integer, Integer> laneSpeed = new TreeMap<>();
            Map<Integer, Integer> laneOcc = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).trim().toLowerCase(Locale.ROOT);
                byName.putIfAbsent(name, i);
                Matcher lane = LANE.matcher(name);
                if (lane.matches()) {
                    int n = Integer.parseInt(lane.group(1));
                    switch (lane.group(2)) {
                        case "flow" -> laneFlow.put(n, i);
                        case "speed" -> laneSpeed.put(n, i);
                        default -> laneOcc.put(n, i);
                    }
                }
            }
            Integer time = byName.get(TIME_COLUMN);
            if (time == null) {
                throw new FileReadException(file, "line 1: no '5 Minutes' column; a PeMS station export starts with "
                        + "a header such as '5 Minutes, Flow (Veh/5 Minutes), Speed (mph), ...'");
            }
            int flow = find(byName, "flow (veh/5 minutes)", "total flow (veh/5 minutes)", "flow");
            if (flow < 0 && laneFlow.isEmpty()) {
                throw new FileReadException(file, "line 1: no flow column; expected 'Flow (Veh/5 Minutes)' or "
                        + "'Lane N Flow (Veh/5 Minutes)'");
            }
            return new Columns(time, flow,
                    find(byName, "speed (mph)", "avg speed (mph)", "speed"),
                    find(byName, "occupancy (%)", "avg occupancy (%)", "occ (%)", "occupancy"),
                    find(byName, "% observed", "% obs"),
                    new ArrayList<>(laneFlow.values()), new ArrayList<>(laneSpeed.values()), new ArrayList<>(laneOcc.values()));
        }

        private static int find(Map<String, Integer> byName, String... names) {
            for (String name : names) {
                Integer i = byName.get(name);
                if (i != null) {
                    return i;
                }
            }
            return -1;
        }

        LocalDateTime localTime(Row record, FileTimestamps timestamps) throws RowException {
            if (record.size() <= time) {
                throw new RowException("expected a '5 Minutes' time in field " + (time + 1) + ", found only " + record.size() + " fields");
            }
            return timestamps.parse(record.get(time), "5 Minutes");
        }

        Reading parse(int station, Row record, LocalDateTime local, PacificTime clock) throws RowException {
            Instant instant;
            try {
                instant = clock.toInstant(local);
            } catch (IllegalArgumentException e) {
                throw new RowException("5 Minutes " + record.get(time) + ": " + e.getMessage());
            }
            LaneValues laneFlow = LaneValues.of(record, laneFlows, "Lane Flow");
            float totalFlow = flow >= 0 ? value(record, flow, "Flow (Veh/5 Minutes)") : laneFlow.sum();
            float totalSpeed = speed >= 0 ? value(record, speed, "Speed (mph)") : LaneValues.of(record, laneSpeeds, "Lane Speed").mean();
            float occupancyPercent = occupancy >= 0 ? value(record, occupancy, "Occupancy (%)")
                    : LaneValues.of(record, laneOccupancies, "Lane Occ").mean();
            // a bad share observed says nothing against the flow: the row keeps its values, its share is unknown
            float percent;
            try {
                percent = observed >= 0 ? value(record, observed, "% Observed") : Float.NaN;
            } catch (RowException e) {
                percent = Float.NaN;
            }
            return new Reading(station, instant, totalFlow, occupancyPercent / 100f, totalSpeed,
                    Float.isNaN(percent) ? Reading.UNKNOWN_PERCENT : Math.round(Math.max(0, Math.min(100, percent))), laneFlow.count());
        }

        private static float value(Row record, int column, String name) throws RowException {
            return column < record.size() ? record.number(column, name) : Float.NaN;
        }
    }

    /** The non-empty values of one kind of lane column in a row, each parsed once. */
    private record LaneValues(float total, int count) {
        static LaneValues of(Row record, List<Integer> columns, String name) throws RowException {
            float total = 0;
            int count = 0;
            for (int column : columns) {
                float v = Columns.value(record, column, name);
                if (!Float.isNaN(v)) {
                    total += v;
                    count++;
                }
            }
            return new LaneValues(total, count);
        }

        float sum() {
            return count == 0 ? Float.NaN : total;
        }

        float mean() {
            return count == 0 ? Float.NaN : total / count;
        }
    }
}
