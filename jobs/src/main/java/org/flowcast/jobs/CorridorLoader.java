package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * Loads a folder of PeMS files (metadata and station_5min, tensors left out) into a throw-away
 * database and returns every mainline station with data as one series, for checks that compare datasets.
 */
public final class CorridorLoader {
    private CorridorLoader() {
    }

    /** Every mainline station with data of the files in {@code folder}, as one series. */
    public static SensorSeries load(Path folder) throws JobException {
        try (ScratchFolder scratch = new ScratchFolder("flowcast-compare");
             Workspace workspace = Workspace.open(scratch.path().resolve("compare").toString())) {
            FlowcastDatabase db = workspace.database();
            List<Path> files = InputFiles.expand(List.of(folder.toString())).stream()
                    .filter(p -> !p.getFileName().toString().endsWith(".npz")).toList();
            List<FileIngestResult> results = new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(files);
            for (FileIngestResult r : results) {
                if (r.status().isFailure()) {
                    throw new JobException(r.message());
                }
            }
            // mainline stations, and those of unknown lane type (a web export without metadata)
            List<Integer> stations = StationChoice.mainline(workspace, null, null);
            if (stations.isEmpty()) {
                throw new JobException(folder + " holds no mainline station data (station_5min files, web exports, .npz or "
                        + "long CSV)");
            }
            SeriesQuery query = new SeriesQuery(db);
            TimeRange range = query.storedRange(stations).orElseThrow();
            return query.stations(stations, range);
        } catch (IOException e) {
            throw new JobException("cannot read " + folder + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }
}
