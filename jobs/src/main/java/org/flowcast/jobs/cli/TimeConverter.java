package org.flowcast.jobs.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.flowcast.core.PemsTime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a time from the command line: {@code 2022-01-03} (midnight) or {@code 2022-01-03T08:00} in Pacific local time,
 * as PeMS files are; with an offset or {@code Z}; or as Flowcast prints times, {@code 2022-01-03 08:00 PST} (PST and PDT
 * are the offsets -08:00 and -07:00, which also tells apart the two passes of the hour the clocks fall back).
 */
public final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim().replace(' ', 'T');
        try {
            String upper = text.toUpperCase(Locale.ROOT);
            if (upper.endsWith("TPST") || upper.endsWith("TPDT")) {
                ZoneOffset offset = ZoneOffset.ofHours(upper.endsWith("PST") ? -8 : -7);
                return LocalDateTime.parse(text.substring(0, text.length() - 4)).atOffset(offset).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (!text.contains("T")) {
                return LocalDate.parse(text).atStartOfDay(PemsTime.ZONE).toInstant();
            }
            return LocalDateTime.parse(text).atZone(PemsTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time; write 2022-01-03, 2022-01-03T08:00 "
                    + "(Pacific time), 2022-01-03 08:00 PST or 2022-01-03T16:00Z");
        }
    }
}
