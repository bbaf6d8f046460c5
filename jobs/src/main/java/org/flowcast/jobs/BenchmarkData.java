package org.flowcast.jobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * The dataset of a benchmark: a folder with a {@code .npz} tensor (PEMS04/08 layout) and its station
 * list, loaded through the ordinary ingest into a throw-away database and read back in tensor
 * (corridor) order, or any folder of PeMS files.
 */
public final class BenchmarkData {
    private BenchmarkData() {
    }

    /** Whether a folder holds a benchmark tensor (read in its stations.txt order) rather than PeMS files. */
    public static boolean isTensor(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".npz"));
        }
    }

    /** The chosen stations (in the order given; default every mainline station with data) of a database, over all its data. */
    public static SensorSeries fromDatabase(String location, List<Integer> stations) throws JobException {
        try (Workspace workspace = Workspace.openExisting(location)) {
            List<Integer> ids = stations == null || stations.isEmpty() ? StationChoice.mainline(workspace, null, null) : stations;
            if (ids.isEmpty()) {
                throw new JobException(location + " holds no station data; load some with 'flowcast ingest PATH'");
            }
            return SeriesReader.read(workspace, new SeriesRequest(ids, null, null, null, null), warning -> { });
        }
    }

    private static List<Integer> stationIds(Path list) throws IOException {
        return list == null ? List.of()
                : Files.readAllLines(list).stream().map(String::trim).filter(l -> !l.isEmpty()).map(Integer::valueOf).toList();
    }

    /** The one {@code .txt} beside the tensor that lists station ids, one per line (Tustin's {@code Tustin_mainline.txt}). */
    private static Path onlyIdList(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> lists = files.filter(p -> p.getFileName().toString().endsWith(".txt")).filter(p -> {
                try {
                    return Files.readAllLines(p).stream().map(String::trim).filter(l -> !l.isEmpty()).allMatch(l -> l.matches("\\d+"));
                } catch (IOException | UncheckedIOException e) {
                    return false;
                }
            }).toList();
            return lists.size() == 1 ? lists.get(0) : null;
        }
    }

    /** A benchmark folder's series: a tensor's stations in its station list's order, or every mainline station of PeMS files. */
    public static SensorSeries load(Path folder, Instant tensorStart) throws JobException {
        try {
            return read(folder, tensorStart);
        } catch (IOException e) {
            throw new JobException("cannot read " + folder + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private static SensorSeries read(Path folder, Instant tensorStart) throws IOException, StoreException, JobException {
        Path npz;
        try (Stream<Path> files = Files.list(folder)) {
            npz = files.filter(p -> p.getFileName().toString().endsWith(".npz")).sorted().findFirst().orElse(null);
        }
        if (npz == null) {
            return CorridorLoader.load(folder);
        }
        Path stationList = folder.resolve("stations.txt");
        try (ScratchFolder scratch = new ScratchFolder("flowcast-bench");
             FlowcastDatabase db = FlowcastDatabase.open(scratch.path().resolve("bench"))) {
            FileIngestResult result = new Ingester(db, IngestOptions.defaults().withTensorStart(tensorStart), IngestListener.NONE)
                    .ingest(List.of(npz)).get(0);
            if (result.status().isFailure()) {
                throw new JobException(result.message());
            }
            List<Integer> ids = stationIds(Files.isRegularFile(stationList) ? stationList : onlyIdList(folder));
            SeriesQuery query = new SeriesQuery(db);
            TimeRange range = query.storedRange(ids).orElseThrow(() -> new JobException("no data was loaded from " + npz));
            return query.stations(ids, range);
        }
    }
}
