package org.flowcast.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads what an analyst saves from one station's page on the PeMS web site: a header whose time
 * column is {@code 5 Minutes}, then totals ({@code Flow (Veh/5 Minutes)}, {@code Speed (mph)},
 * {@code Occupancy (%)}, {@code % Observed}) and/or per-lane columns ({@code Lane N Flow (Veh/5 Minutes)}
 * ...), tab- or comma-separated, possibly after an unnamed index column. Columns are found by name.
 * Missing totals are computed from the lanes (flow summed, speed and occupancy averaged).
 */
public final class StationExportReader implements SensorFileReader {
    public static final String TIME_COLUMN = "5 minutes";
    private static final Pattern LANE = Pattern.compile("lane (\\d+) (flow|speed|occ)\\b.*");
    /** A name that is an id: digits only (PeMS ids have up to 8, District 10's 10105110). */
    private static final Pattern WHOLE_ID = Pattern.compile("0*([1-9]\\d{0,8})");
    /** A name such as {@code station25}, {@code Station_25} or {@code station-25}, as analysts save exports. */
    private static final Pattern STATION_NAME = Pattern.compile("(?i)(?:station|stn|vds)[ _-]?0*([1-9]\\d{0,8})");
    /** A 6- or 7-digit run inside a longer name ({@code d12_1205320.txt}); shorter runs are dates and counters. */
    private static final Pattern EMBEDDED_ID = Pattern.compile("(?<!\\d)(\\d{6,7})(?!\\d)");
    /** How many names up from the file (its own, its folder's, their parent's) may name its station. */
    private static final int NAMES_SEARCHED = 3;

    private final OptionalInt stationId;

    /** @param stationId the station the file belongs to; empty to take it from the file or folder name */
    public StationExportReader(OptionalInt stationId) {
        this.stationId = stationId;
    }

    /** Where a file's station id came from: the id and the file or folder name that holds it. */
    public record IdFromName(int id, String name) {
    }

    /**
     * The station a web export belongs to, from the nearest of its own name, its folder's and their
     * parent's that names one: a name that is an id ({@code 10105110}, {@code 1205320.txt}), a station name
     * ({@code station25}), or a 6- or 7-digit run inside a name ({@code d12_1205320.txt}).
     */
    public static java.util.Optional<IdFromName> stationIdFromName(Path file) {
        int searched = 0;
        for (Path p = file; p != null && p.getFileName() != null && searched < NAMES_SEARCHED; p = p.getParent(), searched++) {
            String name = p.getFileName().toString();
            String stem = p == file ? stem(name) : name;
            for (Pattern pattern : new Pattern[] {WHOLE_ID, STATION_NAME}) {
                Matcher m = pattern.matcher(stem);
                if (m.matches()) {
                    return java.util.Optional.of(new IdFromName(Integer.parseInt(m.group(1)), name));
                }
            }
            Matcher embedded = EMBEDDED_ID.matcher(stem);
            if (embedded.find()) {
                return java.util.Optional.of(new IdFromName(Integer.parseInt(embedded.group(1)), name));
            }
        }
        return java.util.Optional.empty();
    }

    /** The station id its name gives a file, if any ({@link #stationIdFromName}). */
    public static OptionalInt stationIdFromPath(Path file) {
        return stationIdFromName(file).map(n -> OptionalInt.of(n.id())).orElse(OptionalInt.empty());
    }

    private static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : new String[] {".txt.gz", ".csv.gz", ".tsv.gz", ".txt", ".csv", ".tsv", ".gz", ".xlsx", ".xls"}) {
            if (lower.endsWith(ending)) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        int station;
        if (stationId.isPresent()) {
            station = stationId.getAsInt();
        } else {
            IdFromName named = stationIdFromName(file).orElseThrow(() ->
                    new FileReadException(file, "a PeMS web export names no station inside, and neither its name nor its folders' "
                            + "names is a station id; name the file or its folder by the id (e.g. 1205320.txt, 10105110/, "
                            + "station25/) or give --station ID"));
            station = named.id();
            // a name that is the id needs no word; one that only holds it (station25, d12_1205320) is said
            if (!WHOLE_ID.matcher(stem(named.name())).matches()) {
                sink.warning("station " + station + " taken from the name '" + named.name() + "'");
            }
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
            Columns columns = Columns.of(file, format.parse(new java.io.StringReader(headerLine)).getRecords().get(0));
            PacificTime clock = new PacificTime();
            FallBackHour fallBack = new FallBackHour();
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
                    Row row = text.indexOf('"') < 0 && split.of(text) ? split : Row.of(format.parse(new java.io.StringReader(text))
                            .getRecords().get(0));
                    LocalDateTime local = columns.localTime(row);
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
            Map<Integer, Integer> laneFlow = new java.util.TreeMap<>();
            Map<Integer, Integer> laneSpeed = new java.util.TreeMap<>();
            Map<Integer, Integer> laneOcc = new java.util.TreeMap<>();
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

        LocalDateTime localTime(Row record) throws RowException {
            if (record.size() <= time) {
                throw new RowException("expected a '5 Minutes' time in field " + (time + 1) + ", found only " + record.size() + " fields");
            }
            return Fields.timestamp(record.get(time));
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
