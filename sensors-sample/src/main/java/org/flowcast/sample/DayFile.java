package org.flowcast.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** One day's {@code dNN_text_station_5min_YYYY_MM_DD.txt.gz}, written under a temporary name until finished. */
final class DayFile {
    static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd", Locale.ROOT);

    final LocalDate date;
    final Writer writer;
    private final Path target;
    private final Path temporary;

    /** @param fast whether to compress at gzip's fastest level (the district's gigabytes) rather than its default */
    DayFile(Path folder, int district, LocalDate date, boolean fast) throws IOException {
        this.date = date;
        this.target = folder.resolve(String.format(Locale.ROOT, "d%02d_text_station_5min_%s.txt.gz", district, FILE_DATE.format(date)));
        this.temporary = folder.resolve(target.getFileName() + ".part");
        OutputStream raw = Files.newOutputStream(temporary);
        OutputStream gzip = fast ? new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        } : new GZIPOutputStream(raw, 1 << 16);
        this.writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
    }

    Path finish() throws IOException {
        writer.close();
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    void abandon() {
        try {
            writer.close();
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // nothing more to do: the temporary file is left for the next run to overwrite
        }
    }
}
