package org.flowcast.ingest.read;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;

/**
 * Reads benchmark tensors in the PEMS04/PEMS08 {@code .npz} layout: key {@code data}, shape
 * {@code [T, N, C]} with channels flow, occupancy, speed (further channels are ignored). A tensor
 * has no times or station ids, so the start instant is an option and the station list comes from a
 * file (one id per line, tensor order); an edge list {@code from,to,cost} beside it is read as well.
 */
public final class NpzTensorReader implements SensorFileReader {

    /** Where the tensor's times and stations come from. */
    public record Options(Optional<Instant> start, Duration step, Optional<Path> stationList, Optional<Path> edgeList) {
    }

    private final Options options;

    public NpzTensorReader(Options options) {
        this.options = options;
    }

    @Override
    public void read(Path file, ReadingSink sink) throws IOException, FileReadException {
        Instant start = options.start().orElseThrow(() -> new FileReadException(file,
                "a .npz tensor holds no timestamps; give the Pacific local time of its first step, e.g. --start 2022-01-01T00:00"));
        if (!options.step().equals(SensorSeries.FIVE_MINUTES)) {
            throw new FileReadException(file, "only 5-minute tensors are supported, --step was " + options.step());
        }
        NpyArray tensor = readData(file);
        if (tensor.shape().length != 3 || tensor.shape()[2] < 1) {
            throw new FileReadException(file, "expected 'data' of shape [time, station, channel], found "
                    + Arrays.toString(tensor.shape()));
        }
        int steps = tensor.shape()[0];
        int stations = tensor.shape()[1];
        int channels = tensor.shape()[2];
        Path listFile = options.stationList().orElseGet(() -> findStationList(file, stations).orElse(null));
        if (listFile == null) {
            Path beside = file.toAbsolutePath().getParent().resolve("stations.txt");
            if (Files.isRegularFile(beside)) {
                throw new FileReadException(file, beside + " lists " + countIds(beside) + " station id(s) but the tensor has "
                        + stations + " stations; give --station-list with one station id per line in tensor order");
            }
            throw new FileReadException(file, "no station list found for its " + stations + " stations; give --station-list "
                    + "with one station id per line in tensor order (e.g. stations.txt)");
        }
        int[] ids = readStationList(listFile, stations);
        for (int id : ids) {
            sink.station(Station.unknown(id), false);
        }
        Optional<Path> edges = options.edgeList().or(() -> findEdgeList(file));
        if (edges.isPresent()) {
            readEdges(edges.get(), ids, sink);
        }
        double[] v = tensor.values();
        for (int t = 0; t < steps; t++) {
            Instant time = start.plus(options.step().multipliedBy(t));
            for (int s = 0; s < stations; s++) {
                int base = (t * stations + s) * channels;
                sink.rowRead();
                sink.reading(new Reading(ids[s], time, (float) v[base],
                        channels > 1 ? (float) v[base + 1] : Float.NaN,
                        channels > 2 ? (float) v[base + 2] : Float.NaN, Reading.UNKNOWN_PERCENT, 0),
                        (long) t * stations + s + 1);
            }
        }
    }

    private static NpyArray readData(Path file) throws IOException, FileReadException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("data.npy");
            if (entry == null) {
                throw new FileReadException(file, "no array named 'data' in this .npz (it holds "
                        + zip.stream().map(ZipEntry::getName).toList() + ")");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return NpyArray.read(in, entry.getSize());
            }
        } catch (ZipException e) {
            throw new FileReadException(file, "not a readable .npz archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new FileReadException(file, e.getMessage(), e);
        }
    }

    /** A {@code .txt} beside the tensor with exactly one id per station, preferring {@code stations.txt}. */
    static Optional<Path> findStationList(Path file, int stations) {
        Path folder = file.toAbsolutePath().getParent();
        Path preferred = folder.resolve("stations.txt");
        if (Files.isRegularFile(preferred) && countIds(preferred) == stations) {
            return Optional.of(preferred);
        }
        try (Stream<Path> siblings = Files.list(folder)) {
            return siblings.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> countIds(p) == stations).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long countIds(Path list) {
        try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
            return lines.map(String::trim).filter(l -> !l.isEmpty()).filter(l -> l.replace("\uFEFF", "").matches("[+-]?\\d+")).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static int[] readStationList(Path list, int stations) throws IOException, FileReadException {
        List<Integer> ids = new ArrayList<>();
        Map<Integer, Integer> lineOf = new HashMap<>();
        int lineNumber = 0;
        try (BufferedReader reader = TextSource.openText(list)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int id;
                try {
                    id = Fields.stationId(line, "the id");
                } catch (RowException e) {
                    throw new FileReadException(list, "line " + lineNumber + ": " + e.getMessage());
                }
                Integer earlier = lineOf.putIfAbsent(id, lineNumber);
                if (earlier != null) {
                    // two columns of one station: one would overwrite the other's readings as "duplicates"
                    throw new FileReadException(list, "station " + id + " is listed twice, on lines " + earlier + " and "
                            + lineNumber + "; each column of the tensor is one station: correct the list");
                }
                ids.add(id);
            }
        }
        if (ids.size() != stations) {
            throw new FileReadException(list, "lists " + ids.size() + " stations but the tensor has " + stations);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code distance.csv} or a {@code .csv} of the tensor's name beside it. */
    static Optional<Path> findEdgeList(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceFirst("\\.npz$", "");
        for (Path candidate : List.of(folder.resolve("distance.csv"), folder.resolve(base + ".csv"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void readEdges(Path edges, int[] ids, ReadingSink sink) throws IOException, FileReadException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = TextSource.openText(edges);
             CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).build().parse(reader)) {
            for (CSVRecord record : parser) {
                if (record.size() < 3 || record.get(0).isEmpty()) {
                    continue;
                }
                if (record.getRecordNumber() == 1 && !record.get(0).matches("\\d+")) {
                    continue;
                }
                try {
                    rows.add(new double[] {Integer.parseInt(record.get(0)), Integer.parseInt(record.get(1)),
                        Double.parseDouble(record.get(2))});
                } catch (NumberFormatException e) {
                    throw new FileReadException(edges, "line " + record.getRecordNumber()
                            + ": expected from,to,cost with station indices and a number");
                }
            }
        }
        // Indices are 0-based in PEMS04/08, 1-based in some exports: one that equals N settles it.
        int min = rows.stream().mapToInt(r -> (int) Math.min(r[0], r[1])).min().orElse(0);
        int max = rows.stream().mapToInt(r -> (int) Math.max(r[0], r[1])).max().orElse(0);
        int offset = min >= 1 && max == ids.length ? 1 : 0;
        for (double[] row : rows) {
            int from = (int) row[0] - offset;
            int to = (int) row[1] - offset;
            if (from < 0 || to < 0 || from >= ids.length || to >= ids.length) {
                throw new FileReadException(edges, "edge " + (int) row[0] + "," + (int) row[1]
                        + " names a station index outside the tensor's " + ids.length + " stations");
            }
            sink.edge(ids[from], ids[to], row[2]);
        }
    }
}
