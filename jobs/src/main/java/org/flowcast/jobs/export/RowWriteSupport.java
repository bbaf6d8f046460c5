package org.flowcast.jobs.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Hands parquet-hadoop's writer the rows of an exported table: the Parquet schema made from its columns (text as UTF-8
 * strings, instants as UTC timestamps, Pacific times as local timestamps, both in milliseconds; an empty value as a
 * missing optional field) and each row's values, field by field.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final List<ExportColumn> columns;
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    RowWriteSupport(String table, List<ExportColumn> columns, Map<String, String> metadata) {
        this.columns = List.copyOf(columns);
        this.schema = schema(table, columns);
        this.metadata = Map.copyOf(metadata);
    }

    static MessageType schema(String table, List<ExportColumn> columns) {
        List<Type> fields = new ArrayList<>();
        for (ExportColumn column : columns) {
            Types.PrimitiveBuilder<PrimitiveType> field = Types.primitive(primitive(column.type()),
                    column.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED);
            LogicalTypeAnnotation logical = switch (column.type()) {
                case TEXT -> LogicalTypeAnnotation.stringType();
                case INSTANT -> LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS);
                case LOCAL_TIME -> LogicalTypeAnnotation.timestampType(false, TimeUnit.MILLIS);
                default -> null;
            };
            fields.add((logical == null ? field : field.as(logical)).named(column.name()));
        }
        return new MessageType(table, fields);
    }

    private static PrimitiveTypeName primitive(ExportColumn.Type type) {
        return switch (type) {
            case TEXT -> PrimitiveTypeName.BINARY;
            case INT -> PrimitiveTypeName.INT32;
            case FLOAT -> PrimitiveTypeName.FLOAT;
            case DOUBLE -> PrimitiveTypeName.DOUBLE;
            case LONG, INSTANT, LOCAL_TIME -> PrimitiveTypeName.INT64;
        };
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        // the Hadoop-free path (PlainParquetConfiguration): the one taken
        return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] values) {
        consumer.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            ExportColumn column = columns.get(i);
            if (ExportColumn.empty(values[i])) {
                if (!column.nullable()) {
                    throw new IllegalArgumentException("the column " + column.name() + " needs a value");
                }
                continue;
            }
            consumer.startField(column.name(), i);
            add(column.type(), values[i]);
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }

    private void add(ExportColumn.Type type, Object value) {
        switch (type) {
            case TEXT -> consumer.addBinary(Binary.fromString((String) value));
            case INT -> consumer.addInteger((Integer) value);
            case LONG -> consumer.addLong((Long) value);
            case FLOAT -> consumer.addFloat((Float) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case INSTANT -> consumer.addLong(((Instant) value).toEpochMilli());
            // a local timestamp counts milliseconds from 1970-01-01T00:00 on the wall clock
            case LOCAL_TIME -> consumer.addLong(((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli());
            default -> throw new IllegalStateException("no Parquet value for " + type);
        }
    }
}
