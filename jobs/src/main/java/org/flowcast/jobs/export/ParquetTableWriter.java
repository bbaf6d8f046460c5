package org.flowcast.jobs.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * A table as a Parquet file, written by parquet-hadoop without Hadoop on the class path: a local file
 * ({@link LocalOutputFile}), a plain configuration ({@link PlainParquetConfiguration}) and gzip pages made by the JDK
 * ({@link GzipPages}). Rows are buffered one row group (at most {@value #ROW_GROUP_BYTES} bytes) at a time, so memory
 * stays bounded however many rows come. Closing without {@link #finish} still ends the file, which the caller then deletes.
 */
final class ParquetTableWriter implements TableWriter {
    static final long ROW_GROUP_BYTES = 32L << 20;

    private final ParquetWriter<Object[]> writer;
    private boolean closed;

    ParquetTableWriter(Path file, String table, List<ExportColumn> columns, Map<String, String> metadata) throws IOException {
        this.writer = new Builder(new LocalOutputFile(file), new RowWriteSupport(table, columns, metadata))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new GzipPages())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
    }

    @Override
    public void row(Object[] values) throws IOException {
        writer.write(values);
    }

    @Override
    public void finish() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    /** parquet-hadoop's builder for a write support of our own; the Hadoop-typed overload is never called. */
    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }
}
