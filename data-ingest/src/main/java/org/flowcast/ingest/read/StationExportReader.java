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
import org.apache.commons.csv.CSVParser;
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
    private static final Pattern STATION_ID = Pattern.compile("(?<!\\d)(\\d{6,7})(?!\\d)");

    private final OptionalInt stationId;

    /** @param stationId the station the file belongs to; empty to take it from the file or folder name */
    public StationExportReader(OptionalInt stationId) {
        this.stationId = stationId;
    }

    /** A station id of 6 or 7 digits in the file name, else in the folder name. */
    public static OptionalInt stationIdFromPath(Path file) {
        for (Path p = file; p != null && p.getFileName() != null; p = p.getParent()) {
            Matcher m = STATION_ID.matcher(p.getFileName().toString());
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
            if (p != file) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        int station = stationId.isPresent() ? stationId.getAsInt() : stationIdFromPath(file).orElseThrow(() ->
                new FileReadException(file, "a PeMS web export names no station inside; put the station id in "
                        + "the file or folder name (e.g. 1205320.txt) or give --station ID"));
        try (BufferedReader text = TextSource.openText(file)) {
            String headerLine = text.readLine();
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = text.readLine();
            }
            if (headerLine == null) {
                throw new FileReadException(file, "the file is empty");
            }
            char delimiter = headerLine.indexOf('\t') >= 0 ? '\t' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(false).build();
            Columns columns = Columns.of(file, format.parse(new java.io.StringReader(headerLine)).getRecords().get(0));
            PacificTime clock = new PacificTime();
            FallBackHour fallBack = new FallBackHour();
            try (CSVParser parser = format.parse(text)) {
                for (CSVRecord record : parser) {
                    if (CsvRecords.isBlank(record)) {
                        continue;
                    }
                    sink.rowRead();
                    long line = record.getRecordNumber() + 1;
                    String raw = String.join(String.valueOf(delimiter), record.values());
                    try {
                        LocalDateTime local = columns.localTime(record);
                        Reading reading = columns.parse(station, record, local, clock);
                        if (clock.isAmbiguous(local)) {
                            fallBack.hold(reading, local, line, raw);
                        } else {
                            sink.reading(reading, line);
                        }
                    } catch (RowException e) {
                        sink.reject(line, e.getMessage(), raw);
                    }
                }
            }
            fallBack.release(sink);
        } catch (IOException e) {
            throw TextSource.explain(file, e);
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

        LocalDateTime localTime(CSVRecord record) throws RowException {
            if (record.size() <= time) {
                throw new RowException("expected a '5 Minutes' time in field " + (time + 1) + ", found only " + record.size() + " fields");
            }
            return Fields.timestamp(record.get(time));
        }

        Reading parse(int station, CSVRecord record, LocalDateTime local, PacificTime clock) throws RowException {
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
            float percent = observed >= 0 ? value(record, observed, "% Observed") : Float.NaN;
            return new Reading(station, instant, totalFlow, occupancyPercent / 100f, totalSpeed,
                    Float.isNaN(percent) ? Reading.UNKNOWN_PERCENT : Math.round(Math.max(0, Math.min(100, percent))), laneFlow.count());
        }

        private static float value(CSVRecord record, int column, String name) throws RowException {
            return column < record.size() ? Fields.number(record.get(column).replace(",", ""), name) : Float.NaN;
        }
    }

    /** The non-empty values of one kind of lane column in a row, each parsed once. */
    private record LaneValues(float total, int count) {
        static LaneValues of(CSVRecord record, List<Integer> columns, String name) throws RowException {
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
