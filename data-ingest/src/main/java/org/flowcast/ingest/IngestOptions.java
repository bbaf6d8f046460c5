package org.flowcast.ingest;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.read.NpzTensorReader;

/**
 * How files are ingested: the share of bad rows above which a file is refused whole, the station of
 * single-station web exports, what a tensor needs to be placed in time, whether to load a file
 * again although its content was loaded before, and how many rows of whole files one transaction
 * gathers before it commits (what an interrupted ingest may have to read again).
 */
public record IngestOptions(double maxRejectShare, OptionalInt exportStationId, NpzTensorReader.Options tensor, boolean force,
                            long transactionRows) {

    public static final double DEFAULT_MAX_REJECT_SHARE = 0.05;
    /** About 1.5 s of reading, and 40 to 80 MB of day blocks held until the commit. */
    public static final long DEFAULT_TRANSACTION_ROWS = 1_000_000;

    public IngestOptions {
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw new IllegalArgumentException("the share of bad rows must lie between 0 and 1, was " + maxRejectShare);
        }
        if (transactionRows < 1) {
            throw new IllegalArgumentException("a transaction holds at least one row's file, not " + transactionRows);
        }
    }

    public IngestOptions(double maxRejectShare, OptionalInt exportStationId, NpzTensorReader.Options tensor, boolean force) {
        this(maxRejectShare, exportStationId, tensor, force, DEFAULT_TRANSACTION_ROWS);
    }

    public static IngestOptions defaults() {
        return new IngestOptions(DEFAULT_MAX_REJECT_SHARE, OptionalInt.empty(),
                new NpzTensorReader.Options(Optional.empty(), SensorSeries.FIVE_MINUTES, Optional.empty(), Optional.empty()), false);
    }

    public IngestOptions withTensorStart(Instant start) {
        return new IngestOptions(maxRejectShare, exportStationId,
                new NpzTensorReader.Options(Optional.of(start), tensor.step(), tensor.stationList(), tensor.edgeList()), force,
                transactionRows);
    }

    public IngestOptions withTransactionRows(long rows) {
        return new IngestOptions(maxRejectShare, exportStationId, tensor, force, rows);
    }
}
