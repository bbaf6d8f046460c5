package org.flowcast.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flowcast.core.Station;

/**
 * Reads PeMS station metadata ({@code dNN_text_meta_YYYY_MM_DD.txt}): tab-separated with a header
 * {@code ID Fwy Dir District County City State_PM Abs_PM Latitude Longitude Length Type Lanes Name ...}.
 * Columns are found by name; every field but ID may be empty.
 */
public final class StationMetadataReader implements SensorFileReader {
    static final List<String> REQUIRED = List.of("ID", "Fwy", "Dir", "District", "Abs_PM", "Type", "Lanes");
    private static final CSVFormat FORMAT = CSVFormat.TDF.builder()
            .setIgnoreEmptyLines(false).setTrim(true).setQuote(null).build();

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        try (BufferedReader text = TextSource.openText(file); CSVParser parser = FORMAT.parse(text)) {
            Map<String, Integer> columns = null;
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
                    sink.station(parse(record, columns), true);
                } catch (RowException e) {
                    sink.reject(record.getRecordNumber(), e.getMessage(), String.join("\t", record.values()));
                }
            }
            if (columns == null) {
                throw new FileReadException(file, "the file is empty; expected a PeMS metadata header starting with ID, Fwy, Dir");
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

    private static String field(CSVRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name.toLowerCase(Locale.ROOT));
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private static int optionalInt(CSVRecord record, Map<String, Integer> columns, String name) throws RowException {
        String value = field(record, columns, name);
        return value.isEmpty() ? 0 : Fields.integer(value, name);
    }
}
