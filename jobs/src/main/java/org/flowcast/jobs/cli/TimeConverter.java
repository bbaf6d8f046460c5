package org.flowcast.jobs.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.flowcast.core.PemsTime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a time from the command line: {@code 2022-01-03} (midnight) or {@code 2022-01-03T08:00} in
 * Pacific local time, as PeMS files are; or with an offset or {@code Z}.
 */
public final class TimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim().replace(' ', 'T');
        try {
            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (!text.contains("T")) {
                return LocalDate.parse(text).atStartOfDay(PemsTime.ZONE).toInstant();
            }
            return LocalDateTime.parse(text).atZone(PemsTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time; write 2022-01-03, 2022-01-03T08:00 "
                    + "(Pacific time) or 2022-01-03T16:00Z");
        }
    }
}
