package org.flowcast.ingest.read;

import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.Station;

/** Keeps everything a reader reports, for assertions. */
final class RecordingSink implements ReadingSink {
    final List<Reading> readings = new ArrayList<>();
    final List<Long> readingLines = new ArrayList<>();
    final List<Station> stations = new ArrayList<>();
    final List<String> rejects = new ArrayList<>();
    final List<Long> rejectLines = new ArrayList<>();
    final List<double[]> edges = new ArrayList<>();
    int rows;

    @Override
    public void reading(Reading reading, long line) {
        readings.add(reading);
        readingLines.add(line);
    }

    @Override
    public void station(Station station, boolean fromMetadata) {
        stations.add(station);
    }

    @Override
    public void edge(int fromStationId, int toStationId, double cost) {
        edges.add(new double[] {fromStationId, toStationId, cost});
    }

    @Override
    public void reject(long line, String message, String rawRow) {
        rejects.add(message);
        rejectLines.add(line);
    }

    @Override
    public void rowRead() {
        rows++;
    }
}
