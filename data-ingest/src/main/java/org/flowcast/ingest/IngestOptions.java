package org.flowcast.ingest;

import java.util.Optional;
import java.util.OptionalInt;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.read.NpzTensorReader;

/**
 * How files are ingested: the share of bad rows above which a file is refused whole, the station of
 * single-station web exports, what a tensor needs to be placed in time, and whether to load a file
 * again although its content was loaded before.
 */
public record IngestOptions(double maxRejectShare, OptionalInt exportStationId, NpzTensorReader.Options tensor, boolean force) {

    public static final double DEFAULT_MAX_REJECT_SHARE = 0.05;

    public IngestOptions {
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw new IllegalArgumentException("the share of bad rows must lie between 0 and 1, was " + maxRejectShare);
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(DEFAULT_MAX_REJECT_SHARE, OptionalInt.empty(),
                new NpzTensorReader.Options(Optional.empty(), SensorSeries.FIVE_MINUTES, Optional.empty(), Optional.empty()), false);
    }

    public IngestOptions withTensorStart(java.time.Instant start) {
        return new IngestOptions(maxRejectShare, exportStationId,
                new NpzTensorReader.Options(Optional.of(start), tensor.step(), tensor.stationList(), tensor.edgeList()), force);
    }
}
