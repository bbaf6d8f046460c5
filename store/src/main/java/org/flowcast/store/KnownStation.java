package org.flowcast.store;

/** What an ingest needs to know of a stored station: whether metadata described it, and its lanes (0: unknown). */
public record KnownStation(boolean inMetadata, int lanes) {
}
