package org.flowcast.jobs.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats {@code flowcast export} writes; Parquet is binary, so it goes to a file, never to the terminal. */
public enum ExportFormat {
    CSV, JSON, PARQUET;

    /** Whether the format can be written to standard output. */
    public boolean textual() {
        return this != PARQUET;
    }

    /** The format a file's name ends in ({@code .csv}, {@code .json}, {@code .parquet}), if any. */
    public static Optional<ExportFormat> ofFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (name.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
