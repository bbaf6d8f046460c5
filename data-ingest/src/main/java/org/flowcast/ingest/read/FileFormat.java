package org.flowcast.ingest.read;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The file formats Flowcast reads, told apart by content (and, for tensors, the zip magic number);
 * file names only break ties. Companion files of a tensor (station and edge lists) are recognised
 * so that a folder can be ingested whole.
 */
public enum FileFormat {
    STATION_5MIN("PeMS station_5min"),
    STATION_METADATA("PeMS station metadata"),
    STATION_EXPORT("PeMS station web export"),
    NPZ_TENSOR("benchmark tensor (.npz)"),
    LONG_CSV("long CSV"),
    /** A station or edge list read together with the tensor beside it. */
    TENSOR_COMPANION("tensor station/edge list");

    private static final Pattern FIVE_MIN_ROW = Pattern.compile("^\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}(:\\d{2})?,\\s*\\d+,.*");
    private static final Pattern ID_LIST = Pattern.compile("^\\d+\\s*$");
    private static final Pattern EDGE_HEADER = Pattern.compile("^from\\s*,\\s*to\\s*,\\s*(cost|distance).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG_CSV_HEADER = Pattern.compile(".*\\bstation\\b.*", Pattern.CASE_INSENSITIVE);

    private final String label;

    FileFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What a file holds; a {@link FileReadException} says why it cannot be read or is of no known format. */
    public static FileFormat detect(Path file) throws IOException, FileReadException {
        if (!Files.exists(file)) {
            throw new FileReadException(file, "no such file or folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileReadException(file, "not a regular file");
        }
        if (Files.size(file) == 0) {
            throw new FileReadException(file, "the file is empty");
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            if (name.endsWith(".npz")) {
                return NPZ_TENSOR;
            }
            throw new FileReadException(file, "a zip archive that is not a .npz tensor; unpack it and ingest its files");
        }
        byte[] head = TextSource.head(file, 8192);
        for (byte b : head) {
            if (b == 0) {
                throw new FileReadException(file, "a binary file of unknown format; expected a PeMS text file, "
                        + "a .npz tensor or a CSV");
            }
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(5).toList();
        String firstLine = lines.isEmpty() ? "" : lines.get(0);
        if (firstLine.isEmpty()) {
            throw new FileReadException(file, "the file holds only blank lines");
        }
        if (FIVE_MIN_ROW.matcher(firstLine).matches()) {
            return STATION_5MIN;
        }
        String lower = firstLine.toLowerCase(Locale.ROOT);
        if (lower.startsWith("id\t") && lower.contains("fwy")) {
            return STATION_METADATA;
        }
        if (lower.contains(StationExportReader.TIME_COLUMN)) {
            return STATION_EXPORT;
        }
        // a header or a damaged first line before station_5min rows (12 fields or more: a long CSV's US-time rows
        // have fewer): the reader skips the header, or rejects the line as the bad row it is
        if (lines.stream().skip(1).anyMatch(FileFormat::isFiveMinuteRow)) {
            return STATION_5MIN;
        }
        if (EDGE_HEADER.matcher(firstLine).matches() || ID_LIST.matcher(firstLine).matches()) {
            return TENSOR_COMPANION;
        }
        if (LONG_CSV_HEADER.matcher(lower).matches() && lower.contains("timestamp") && lower.contains("flow")) {
            return LONG_CSV;
        }
        throw new FileReadException(file, "unknown format (first line: '" + abbreviate(firstLine) + "'); expected a PeMS "
                + "station_5min file, PeMS station metadata, a PeMS station export, a .npz tensor or a CSV with the "
                + "header station,timestamp,flow");
    }

    private static boolean isFiveMinuteRow(String line) {
        return FIVE_MIN_ROW.matcher(line).matches() && line.split(",", -1).length >= StationFiveMinuteReader.BASE_FIELDS;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
