package org.flowcast.ingest;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcast.core.PemsTime;

/**
 * The times a file's rows may have: not before PeMS existed ({@link #PEMS_BEGAN}), not in the future (after now
 * plus {@link #FUTURE_MARGIN}), and, for a Clearinghouse daily file ({@code d12_text_station_5min_YYYY_MM_DD.txt}),
 * within the day its name gives, widened by {@link #DAY_MARGIN} either side. One row re-dated to 2099 stretched a
 * corridor's stored range to 2099 (and {@code fill} to 8.1 million slots). The check of a row compares epoch
 * seconds with two precomputed bounds.
 *
 * @param firstSecond the earliest epoch second a row may have
 * @param lastSecond  the latest
 * @param day         the day of a daily file's name, if it has one
 * @param now         the instant the bounds were made at
 * @param warning     what to say of the file as a whole: a name dated before PeMS or in the future
 */
record PlausibleTimes(long firstSecond, long lastSecond, Optional<LocalDate> day, Instant now, Optional<String> warning) {
    /** PeMS began collecting in the 1990s: nothing before 1990 is a PeMS reading. */
    static final Instant PEMS_BEGAN = Instant.parse("1990-01-01T00:00:00Z");
    /** A reading may run ahead of this machine's clock by this much (another machine's clock, a zone mistaken). */
    static final Duration FUTURE_MARGIN = Duration.ofDays(1);
    /**
     * A daily file's rows may lie this far outside its Pacific day: a day labelled in UTC (7–8 hours off), the
     * daylight-saving hour, a closing row at the next midnight.
     */
    static final Duration DAY_MARGIN = Duration.ofHours(12);
    private static final Pattern DAILY_FILE = Pattern.compile("d\\d{1,2}_text_station_5min_(\\d{4})_(\\d{2})_(\\d{2})\\.txt(\\.gz)?");

    /** The bounds of a file's rows, from its name and the time now. */
    static PlausibleTimes of(Path file, Instant now) {
        long first = PEMS_BEGAN.getEpochSecond();
        long last = now.plus(FUTURE_MARGIN).getEpochSecond();
        Optional<LocalDate> day = dayOf(file);
        Optional<String> warning = Optional.empty();
        if (day.isPresent()) {
            LocalDate d = day.get();
            first = Math.max(first, d.atStartOfDay(PemsTime.ZONE).toInstant().minus(DAY_MARGIN).getEpochSecond());
            last = Math.min(last, d.plusDays(1).atStartOfDay(PemsTime.ZONE).toInstant().plus(DAY_MARGIN).getEpochSecond());
            if (d.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(PEMS_BEGAN)) {
                warning = Optional.of("its name dates it " + d + ", before PeMS existed (about 1990): its rows are rejected; "
                        + "check the file's name and dates");
            } else if (d.atStartOfDay(PemsTime.ZONE).toInstant().isAfter(now.plus(FUTURE_MARGIN))) {
                warning = Optional.of("its name dates it " + d + ", in the future: its rows are rejected; check the file's "
                        + "name and this machine's clock");
            }
        }
        return new PlausibleTimes(first, last, day, now, warning);
    }

    /** Whether a row's instant lies within the bounds. */
    boolean admits(Instant time) {
        long second = time.getEpochSecond();
        return second >= firstSecond && second <= lastSecond;
    }

    /** Why a time outside the bounds is rejected (called for rejected rows only). */
    String rejection(Instant time) {
        String local = LocalDateTime.ofInstant(time, PemsTime.ZONE).toString().replace('T', ' ') + " Pacific";
        if (day.isPresent() && (time.isBefore(day.get().atStartOfDay(PemsTime.ZONE).toInstant().minus(DAY_MARGIN))
                || time.isAfter(day.get().plusDays(1).atStartOfDay(PemsTime.ZONE).toInstant().plus(DAY_MARGIN)))) {
            return "the time " + local + " lies outside the day " + day.get() + " the file's name gives (with "
                    + DAY_MARGIN.toHours() + " hours either side): a daily file holds one day; correct the row's date";
        }
        if (time.isBefore(PEMS_BEGAN)) {
            return "the time " + local + " is before 1990, before PeMS existed; correct the row's date";
        }
        return "the time " + local + " is in the future; correct the row's date (or this machine's clock)";
    }

    private static Optional<LocalDate> dayOf(Path file) {
        Path name = file.getFileName();
        Matcher m = name == null ? null : DAILY_FILE.matcher(name.toString().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
