package org.flowcast.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.flowcast.core.PemsTime;
import org.flowcast.store.ForecastRow;
import org.flowcast.store.OriginStepAccuracy;

/**
 * Exported tables read back, each format with a reader of its own kind (Commons CSV, Jackson, parquet-hadoop's reader),
 * as rows of text keyed by column (null where a value is absent), and those rows as the store's values again; every
 * Pacific column is checked against its UTC instant on the way.
 */
final class ExportedFiles {
    private ExportedFiles() {
    }

    static List<Map<String, String>> read(ExportFormat format, String text, Path file) throws IOException {
        return switch (format) {
            case CSV -> csv(text != null ? text : Files.readString(file));
            case JSON -> json(text != null ? text : Files.readString(file));
            case PARQUET -> parquet(file);
        };
    }

    static List<Map<String, String>> csv(String text) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                record.toMap().forEach((k, v) -> row.put(k, v.isEmpty() ? null : v));
                rows.add(row);
            }
        }
        return rows;
    }

    static List<Map<String, String>> json(String text) throws IOException {
        JsonNode array = new ObjectMapper().readTree(text);
        assertThat(array.isArray()).isTrue();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode object : array) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (field.getKey().matches("flow|lower.*|upper.*|mae|rmse|mape|coverage.*|step|station_id|run_id|scored")) {
                    assertThat(value.isNumber() || value.isNull()).as(field.getKey() + " as a JSON number").isTrue();
                }
                row.put(field.getKey(), value.isNull() ? null : value.asText());
            }
            rows.add(row);
        }
        return rows;
    }

    /** A Parquet file read with parquet-hadoop's own reader (it needs Hadoop's classes, which only the tests have). */
    static List<Map<String, String>> parquet(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (Type field : schema.getFields()) {
                        row.put(field.getName(), group.getFieldRepetitionCount(field.getName()) == 0 ? null
                                : text(group, field.asPrimitiveType()));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String text(Group group, PrimitiveType field) {
        String name = field.getName();
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        return switch (field.getPrimitiveTypeName()) {
            case BINARY -> group.getString(name, 0);
            case INT32 -> String.valueOf(group.getInteger(name, 0));
            case FLOAT -> String.valueOf(group.getFloat(name, 0));
            case DOUBLE -> String.valueOf(group.getDouble(name, 0));
            case INT64 -> logical instanceof TimestampLogicalTypeAnnotation timestamp
                    ? timestamp.isAdjustedToUTC() ? Instant.ofEpochMilli(group.getLong(name, 0)).toString()
                    : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofEpochSecond(group.getLong(name, 0) / 1000, 0,
                            ZoneOffset.UTC))
                    : String.valueOf(group.getLong(name, 0));
            default -> throw new AssertionError("an unexpected Parquet type " + field);
        };
    }

    static List<ForecastRow> forecastRows(List<Map<String, String>> rows) {
        return rows.stream().map(r -> new ForecastRow(Long.parseLong(r.get("run_id")), r.get("corridor"), r.get("model"),
                Integer.parseInt(r.get("station_id")), time(r, "origin"), Integer.parseInt(r.get("step")), time(r, "target"),
                Float.parseFloat(r.get("flow")), figure(r.get("lower80")), figure(r.get("upper80")), figure(r.get("lower95")),
                figure(r.get("upper95")))).toList();
    }

    static List<OriginStepAccuracy> accuracyRows(List<Map<String, String>> rows) {
        return rows.stream().map(r -> new OriginStepAccuracy(r.get("corridor"), r.get("model"), Long.parseLong(r.get("run_id")),
                time(r, "origin"), Integer.parseInt(r.get("step")), time(r, "target"), Integer.parseInt(r.get("target_hour")),
                Integer.parseInt(r.get("scored")), number(r.get("mae")), number(r.get("rmse")), number(r.get("mape")),
                number(r.get("coverage80")), number(r.get("coverage95")))).toList();
    }

    /** A time column, checked against its Pacific wall-clock column. */
    private static Instant time(Map<String, String> row, String prefix) {
        Instant instant = Instant.parse(row.get(prefix + "_ts"));
        assertThat(row.get(prefix + "_pacific")).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                LocalDateTime.ofInstant(instant, PemsTime.ZONE)));
        return instant;
    }

    private static float figure(String text) {
        return text == null ? Float.NaN : Float.parseFloat(text);
    }

    private static double number(String text) {
        return text == null ? Double.NaN : Double.parseDouble(text);
    }
}
