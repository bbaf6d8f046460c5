package org.flowcast.jobs.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowcast.jobs.JobException;

/**
 * What a replay's SOURCE holds: Clearinghouse daily {@code station_5min} files ({@code dNN_text_station_5min_YYYY_MM_DD.txt}
 * or {@code .txt.gz}) of one district, one per day, in date order, and the district's metadata files
 * ({@code dNN_text_meta*.txt}). SOURCE is such a file or a folder searched through (hidden files left out); other files
 * are passed over.
 *
 * @param district the district
 * @param days     the daily files, one per date, in date order
 * @param metadata the metadata files of the district, in name order
 */
record ReplayFiles(int district, List<DailyFile> days, List<Path> metadata) {
    private static final Pattern DAILY = Pattern.compile("d(\\d{1,2})_text_station_5min_(\\d{4})_(\\d{2})_(\\d{2})\\.txt(\\.gz)?");
    private static final Pattern METADATA = Pattern.compile("d(\\d{1,2})_text_meta.*\\.txt");

    /** One day's file. */
    record DailyFile(Path path, LocalDate date) {
    }

    /** The files of {@code source}; a missing source, or one with no daily file, is a usage error. */
    static ReplayFiles find(Path source) throws JobException {
        if (!Files.exists(source)) {
            throw JobException.usage("SOURCE " + source + " does not exist; give a folder of PeMS daily station_5min files "
                    + "(dNN_text_station_5min_YYYY_MM_DD.txt or .txt.gz)");
        }
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(source)) {
            candidates = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new JobException("cannot read SOURCE " + source + ": " + e.getMessage(), e);
        }
        Map<Integer, Map<LocalDate, Path>> byDistrict = new TreeMap<>();
        Map<Integer, List<Path>> metadataByDistrict = new TreeMap<>();
        for (Path file : candidates) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            Matcher daily = DAILY.matcher(name);
            Matcher meta = METADATA.matcher(name);
            if (daily.matches()) {
                LocalDate date = date(daily);
                if (date == null) {
                    continue;
                }
                Path before = byDistrict.computeIfAbsent(Integer.parseInt(daily.group(1)), d -> new TreeMap<>()).put(date, file);
                if (before != null) {
                    throw JobException.usage("SOURCE holds two files of " + date + ": " + before + " and " + file
                            + "; keep one (a .txt and its .txt.gz are the same day)");
                }
            } else if (meta.matches()) {
                metadataByDistrict.computeIfAbsent(Integer.parseInt(meta.group(1)), d -> new ArrayList<>()).add(file);
            }
        }
        if (byDistrict.isEmpty()) {
            throw JobException.usage("SOURCE " + source + " holds no PeMS daily station_5min file (dNN_text_station_5min_YYYY_MM_DD.txt "
                    + "or .txt.gz)");
        }
        if (byDistrict.size() > 1) {
            throw JobException.usage("SOURCE holds daily files of districts " + new TreeSet<>(byDistrict.keySet())
                    + "; replay one district at a time (give its folder)");
        }
        int district = byDistrict.keySet().iterator().next();
        List<DailyFile> days = byDistrict.get(district).entrySet().stream().map(e -> new DailyFile(e.getValue(), e.getKey()))
                .sorted(Comparator.comparing(DailyFile::date)).toList();
        List<Path> metadata = metadataByDistrict.getOrDefault(district, List.of()).stream()
                .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        return new ReplayFiles(district, days, metadata);
    }

    private static LocalDate date(Matcher daily) {
        try {
            return LocalDate.of(Integer.parseInt(daily.group(2)), Integer.parseInt(daily.group(3)), Integer.parseInt(daily.group(4)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
