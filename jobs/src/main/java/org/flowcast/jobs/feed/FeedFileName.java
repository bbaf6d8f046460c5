package org.flowcast.jobs.feed;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a feed's 5-minute file: {@code dNN_text_station_5min_YYYY_MM_DD_HHMM.txt}, the district and the
 * interval's start in Pacific local time, e.g. {@code d12_text_station_5min_2022_01_05_0810.txt}. The time after the
 * date keeps the name from matching a Clearinghouse daily file's ({@code ..._YYYY_MM_DD.txt}), whose rows the ingest
 * holds to that one day. Within a day the names sort in time order; the second pass of the hour that occurs twice
 * when the clocks fall back (01:00–01:55 Pacific standard time) is named {@code ..._0105_pst.txt}.
 */
public final class FeedFileName {
    /** Any feed file's name; groups: district, year, month, day, hour, minute, and {@code _pst} for the repeated hour's second pass. */
    public static final Pattern PATTERN =
            Pattern.compile("d(\\d{2})_text_station_5min_(\\d{4})_(\\d{2})_(\\d{2})_(\\d{2})(\\d{2})(_pst)?\\.txt");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd_HHmm", Locale.ROOT);

    private FeedFileName() {
    }

    /** The name of the file of {@code local} in {@code district}; {@code standardTimePass} for the fall-back hour's second pass. */
    public static String of(int district, LocalDateTime local, boolean standardTimePass) {
        return String.format(Locale.ROOT, "d%02d_text_station_5min_%s%s.txt", district, STAMP.format(local),
                standardTimePass ? "_pst" : "");
    }

    /** The name a file has while it is written: a dot-file ending in {@code .part}, which watchers never read. */
    public static String partName(String name) {
        return "." + name + ".part";
    }
}
