package org.flowcast.app.cli;

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
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.SeriesQuery;
import org.flowcast.ingest.store.StoreException;

/**
 * Loads a folder of PeMS files (metadata and station_5min, tensors left out) into a throw-away
 * database and returns every mainline station with data as one series, for checks that compare datasets.
 */
final class CorridorLoader {
    private CorridorLoader() {
    }

    static SensorSeries load(Path folder) throws IOException, StoreException {
        List<Path> files = InputFiles.expand(List.of(folder.toString())).stream()
                .filter(p -> !p.getFileName().toString().endsWith(".npz")).toList();
        try (ScratchFolder scratch = new ScratchFolder("flowcast-compare");
             FlowcastDatabase db = FlowcastDatabase.open(scratch.path().resolve("compare"))) {
            List<FileIngestResult> results = new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(files);
            for (FileIngestResult r : results) {
                if (r.status().isFailure()) {
                    throw new CommandFailure(r.message());
                }
            }
            // mainline stations, and those of unknown lane type (a web export without metadata)
            List<Integer> stations = org.flowcast.app.service.StationChoice.mainline(db, null, null);
            if (stations.isEmpty()) {
                throw new CommandFailure(folder + " holds no mainline station data (station_5min files, web exports, .npz or "
                        + "long CSV)");
            }
            SeriesQuery query = new SeriesQuery(db);
            TimeRange range = query.storedRange(stations).orElseThrow();
            return query.stations(stations, range);
        }
    }
}
