package org.flowcast.jobs.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Compresses Parquet pages with the JDK's gzip, for writing only. parquet-hadoop reaches its own codecs through
 * Hadoop's classes (org.apache.hadoop.conf.Configurable, CompressionCodec), which would bring some 50 MB of Hadoop
 * jars into the application; Parquet's GZIP codec is a plain gzip stream (RFC 1952), which {@link GZIPOutputStream}
 * writes and every Parquet reader reads.
 */
final class GzipPages implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.GZIP) {
            throw new IllegalArgumentException("only GZIP pages are written here, not " + codec);
        }
        return new Compressor();
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("flowcast writes Parquet; it reads none");
    }

    @Override
    public void release() {
        // nothing held
    }

    private static final class Compressor implements BytesInputCompressor {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public BytesInput compress(BytesInput page) throws IOException {
            buffer.reset();
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
                page.writeAllTo(gzip);
            }
            // a copy: the writer keeps the page until its row group is written
            return BytesInput.from(buffer.toByteArray());
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.GZIP;
        }

        @Override
        public void release() {
            // nothing held
        }
    }
}
