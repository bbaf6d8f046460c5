package org.flowcast.jobs.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.flowcast.core.PemsTime;

/**
 * Splits daily {@code station_5min} files into their 5-minute intervals, a day at a time: each interval's rows, byte for
 * byte and in the file's order, grouped by their timestamp (the first field), the intervals in time order. In the hour
 * that occurs twice when the clocks fall back, a station's first row of a local time is daylight time and its second
 * standard time, as the ingest reads a daily file. Rows dated the next day (a closing row at midnight) join that day's
 * intervals; lines without a PeMS time (a header, a damaged line) are left out and counted. Only the intervals from
 * {@code from} (inclusive) to {@code to} (exclusive) are given; days wholly outside are not read.
 */
final class DailyFileSplitter implements IntervalSource {
    private static final DateTimeFormatter PEMS_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]", Locale.ROOT);
    private static final Duration DAY_MARGIN = Duration.ofDays(1);

    /** An interval's place: its local time, and 1 for the second (standard-time) pass of the fall-back hour. */
    private record Slot(LocalDateTime local, int pass) {
        Instant instant() {
            ZonedDateTime zoned = ZonedDateTime.ofLocal(local, PemsTime.ZONE, null);
            return (pass == 0 ? zoned : zoned.withLaterOffsetAtOverlap()).toInstant();
        }
    }

    private final int district;
    private final List<ReplayFiles.DailyFile> days;
    private final Optional<Instant> from;
    private final Optional<Instant> to;
    private final Deque<FeedInterval> ready = new ArrayDeque<>();
    private Map<Slot, Rows> carried = new LinkedHashMap<>();
    private int nextDay;
    private long skippedLines;

    /** The rows of one interval as they are read. */
    private static final class Rows {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
        int count;
    }

    DailyFileSplitter(ReplayFiles files, Optional<Instant> from, Optional<Instant> to) {
        this.district = files.district();
        this.from = from;
        this.to = to;
        this.days = files.days().stream().filter(this::mayHoldIntervalsInRange).toList();
    }

    private boolean mayHoldIntervalsInRange(ReplayFiles.DailyFile day) {
        Instant start = day.date().atStartOfDay(PemsTime.ZONE).toInstant();
        Instant end = day.date().plusDays(1).atStartOfDay(PemsTime.ZONE).toInstant();
        return from.map(f -> end.plus(DAY_MARGIN).isAfter(f)).orElse(true) && to.map(t -> start.minus(DAY_MARGIN).isBefore(t)).orElse(true);
    }

    @Override
    public FeedInterval next() throws IOException {
        while (ready.isEmpty() && (nextDay < days.size() || !carried.isEmpty())) {
            readDay(nextDay < days.size() ? days.get(nextDay++) : null);
        }
        return ready.poll();
    }

    @Override
    public long expected() {
        long slots = 0;
        for (ReplayFiles.DailyFile day : days) {
            Instant start = day.date().atStartOfDay(PemsTime.ZONE).toInstant();
            Instant end = day.date().plusDays(1).atStartOfDay(PemsTime.ZONE).toInstant();
            start = from.filter(start::isBefore).orElse(start);
            end = to.filter(end::isAfter).orElse(end);
            slots += Math.max(0, Duration.between(start, end).toMinutes() / 5);
        }
        return slots;
    }

    @Override
    public long skippedLines() {
        return skippedLines;
    }

    /** Reads one day's file (null: none, only what earlier days carried over) into {@link #ready}. */
    private void readDay(ReplayFiles.DailyFile day) throws IOException {
        Map<Slot, Rows> slots = carried;
        carried = new LinkedHashMap<>();
        if (day != null) {
            split(read(day), day.date(), slots);
        }
        slots.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().instant())).forEach(e -> {
            Instant time = e.getKey().instant();
            boolean inRange = from.map(f -> !time.isBefore(f)).orElse(true) && to.map(time::isBefore).orElse(true);
            if (inRange) {
                ready.add(new FeedInterval(district, time, e.getKey().local(), e.getValue().bytes.toByteArray(), e.getValue().count));
            }
        });
    }

    private static byte[] read(ReplayFiles.DailyFile day) throws IOException {
        // a day of a district is tens of megabytes unpacked: read whole, it is split in one pass
        try (InputStream raw = Files.newInputStream(day.path());
             InputStream in = day.path().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot read " + day.path() + ": " + e.getMessage(), e);
        }
    }

    private void split(byte[] text, LocalDate date, Map<Slot, Rows> slots) {
        Map<String, Integer> repeats = new HashMap<>();
        String lastStamp = null;
        LocalDateTime lastLocal = null;
        int start = 0;
        while (start < text.length) {
            int newline = indexOf(text, (byte) '\n', start, text.length);
            int end = newline < 0 ? text.length : newline;
            int comma = indexOf(text, (byte) ',', start, end);
            if (isBlank(text, start, end)) {
                start = end + 1;
                continue;
            }
            String stamp = comma < 0 ? null : new String(text, start, comma - start, StandardCharsets.US_ASCII).strip();
            LocalDateTime local = stamp == null ? null : stamp.equals(lastStamp) ? lastLocal : parse(stamp);
            lastStamp = stamp;
            lastLocal = local;
            if (local == null) {
                skippedLines++;
                start = end + 1;
                continue;
            }
            int pass = 0;
            if (PemsTime.ZONE.getRules().getValidOffsets(local).size() == 2) {
                int stationEnd = indexOf(text, (byte) ',', comma + 1, end);
                String station = new String(text, comma + 1, (stationEnd < 0 ? end : stationEnd) - comma - 1, StandardCharsets.US_ASCII);
                pass = Math.min(1, repeats.merge(station + "@" + local, 1, Integer::sum) - 1);
            }
            Slot slot = new Slot(local, pass);
            Rows rows = (local.toLocalDate().isAfter(date) ? carried : slots).computeIfAbsent(slot, s -> new Rows());
            rows.bytes.write(text, start, end - start);
            rows.bytes.write('\n');
            rows.count++;
            start = end + 1;
        }
    }

    private static LocalDateTime parse(String stamp) {
        try {
            return LocalDateTime.parse(stamp, PEMS_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int indexOf(byte[] text, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
