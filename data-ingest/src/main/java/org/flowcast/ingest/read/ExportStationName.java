package org.flowcast.ingest.read;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station a web export belongs to, from its path, as analysts keep exports: a file named by the station
 * ({@code 1205320.txt}, {@code d12_1205320.txt}), or a folder per station named by its id ({@code 10105110/},
 * {@code station25/}) holding one file per week or part ({@code 11.csv}, {@code 1.txt}). A name is an id only
 * where it looks like one in its context: a file named by a small number inside a folder that names a station is
 * a week or a part of that station, and a folder named by a small number ({@code 2022/}) holding files named by
 * stations is a year or a month. Where the file's and a folder's names give two stations, the file's own is used
 * and the choice said ({@link #note}): one station's folder never swallows another's file unsaid.
 *
 * @param id   the station
 * @param name the file or folder name that gave it
 * @param note what to tell the user of the choice, or empty where the name is plainly the id
 */
public record ExportStationName(int id, String name, Optional<String> note) {
    /** A name that is an id: digits only (PeMS ids have up to 8, District 10's 10105110). */
    private static final Pattern WHOLE_ID = Pattern.compile("0*([1-9]\\d{0,8})");
    /** A name such as {@code station25}, {@code Station_25} or {@code station-25}, as analysts save exports. */
    private static final Pattern STATION_NAME = Pattern.compile("(?i)(?:station|stn|vds)[ _-]?0*([1-9]\\d{0,8})");
    /** A 6- or 7-digit run inside a longer name ({@code d12_1205320.txt}); shorter runs are dates and counters. */
    private static final Pattern EMBEDDED_ID = Pattern.compile("(?<!\\d)(\\d{6,7})(?!\\d)");
    /**
     * The most digits of a file name that, inside a folder naming a station, is a week or part number, not another
     * station: PeMS ids have 6 to 8 digits, and week, part and year numbers at most 4.
     */
    static final int PART_NUMBER_DIGITS = 4;
    /** How many folders up from the file (its own, their parent) may name its station. */
    private static final int FOLDERS_SEARCHED = 2;

    /** What a name says: the id, and whether the name is nothing but the id (needing no word to the user). */
    private record Found(int id, String name, boolean wholeId, int digits) {
        /** A name that is nothing but a number of a week, part, month or year. */
        boolean isPartNumber() {
            return wholeId && digits <= PART_NUMBER_DIGITS;
        }
    }

    /** The station of a file from its own name and its folders' names, if any names one. */
    public static Optional<ExportStationName> of(Path file) {
        Optional<Found> own = find(stem(file.getFileName().toString()), file.getFileName().toString());
        Optional<Found> folder = Optional.empty();
        Path p = file.getParent();
        for (int searched = 0; folder.isEmpty() && p != null && p.getFileName() != null && searched < FOLDERS_SEARCHED;
             p = p.getParent(), searched++) {
            folder = find(p.getFileName().toString(), p.getFileName().toString());
        }
        if (own.isEmpty()) {
            return folder.map(ExportStationName::plain);
        }
        if (folder.isEmpty() || own.get().id() == folder.get().id()) {
            return own.map(ExportStationName::plain);
        }
        Found named = own.get();
        Found folderNamed = folder.get();
        if (named.isPartNumber()) {
            // 1205320/11.csv: the eleventh week of station 1205320, not station 11
            return Optional.of(new ExportStationName(folderNamed.id(), folderNamed.name(), folderNamed.wholeId()
                    && !folderNamed.isPartNumber() ? Optional.empty() : Optional.of("station " + folderNamed.id()
                    + " taken from the name '" + folderNamed.name() + "'; the file name '" + named.name()
                    + "' is read as a week or part number")));
        }
        if (folderNamed.isPartNumber()) {
            // 2022/1205320.txt: a year's folder
            return own.map(ExportStationName::plain);
        }
        return Optional.of(new ExportStationName(named.id(), named.name(), Optional.of("station " + named.id()
                + " taken from the name '" + named.name() + "'; the folder '" + folderNamed.name() + "' names station "
                + folderNamed.id() + ": the file's own name is used; rename the file or the folder if they should agree")));
    }

    /**
     * Whether the id is the file's own name and that a number of a week or part as much as of a station (at most
     * {@value #PART_NUMBER_DIGITS} digits), as {@code north/11.csv}.
     */
    public boolean isPartNumberOf(Path file) {
        return name.equals(file.getFileName().toString()) && find(stem(name), name).filter(Found::isPartNumber).isPresent();
    }

    /** The id a name gives, said to the user where the name is more than the id ({@code station25}). */
    private static ExportStationName plain(Found found) {
        return new ExportStationName(found.id(), found.name(), found.wholeId() ? Optional.empty()
                : Optional.of("station " + found.id() + " taken from the name '" + found.name() + "'"));
    }

    private static Optional<Found> find(String text, String name) {
        Matcher whole = WHOLE_ID.matcher(text);
        if (whole.matches()) {
            return Optional.of(new Found(Integer.parseInt(whole.group(1)), name, true, whole.group(1).length()));
        }
        Matcher station = STATION_NAME.matcher(text);
        if (station.matches()) {
            return Optional.of(new Found(Integer.parseInt(station.group(1)), name, false, station.group(1).length()));
        }
        Matcher embedded = EMBEDDED_ID.matcher(text);
        if (embedded.find()) {
            return Optional.of(new Found(Integer.parseInt(embedded.group(1)), name, false, embedded.group(1).length()));
        }
        return Optional.empty();
    }

    /** A file name without its ending ({@code .txt}, {@code .csv.gz}, ...). */
    static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ending : new String[] {".txt.gz", ".csv.gz", ".tsv.gz", ".txt", ".csv", ".tsv", ".gz", ".xlsx", ".xls"}) {
            if (lower.endsWith(ending)) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }
}
