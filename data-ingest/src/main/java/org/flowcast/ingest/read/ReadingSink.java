package org.flowcast.ingest.read;

import org.flowcast.core.Station;

/** Receives what a reader finds in a file, in file order: readings, stations, and rows it had to reject. */
public interface ReadingSink {

    /** A reading found at a 1-based line of the file (for tensors: the 1-based value index). */
    void reading(Reading reading, long line);

    /**
     * A station the file describes: fully, in a metadata file ({@code fromMetadata}), or only in
     * part, as a data file names its district, freeway and direction.
     */
    default void station(Station station, boolean fromMetadata) {
    }

    /** A neighbour relation between two stations with a cost (distance in miles). */
    default void edge(int fromStationId, int toStationId, double cost) {
    }

    /** A row that could not be read; {@code line} is 1-based, or 0 where the format has no lines. */
    void reject(long line, String message, String rawRow);

    /** Something the file holds that is not read, though no row is wrong (a column of no known name). */
    default void warning(String message) {
    }

    /** A row that repeats one read before exactly (a metadata row given twice): counted as a duplicate. */
    default void duplicate(long line) {
    }

    /**
     * The lanes a data file's rows lay out for a station ({@code station_5min}: 5 fields per lane), from its first
     * row with lane fields at {@code line}; checked against the station's metadata when that is known.
     */
    default void laneLayout(int stationId, int lanes, long line) {
    }

    /** Counts a row that was read, whether accepted or rejected, for the reject-share limit and progress. */
    default void rowRead() {
    }
}
