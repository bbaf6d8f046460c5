package org.flowcast.store;

import java.util.List;
import java.util.Optional;

/** Which file contents a database has loaded ({@code ingest_file}), so that loading one again is a no-op. */
public final class IngestHistory {
    private final FlowcastDatabase database;
    private final IngestLog log = new IngestLog();

    public IngestHistory(FlowcastDatabase database) {
        this.database = database;
    }

    /** The file loaded earlier with this content, if any. */
    public Optional<IngestedFile> findByContent(String sha256, long sizeBytes) throws StoreException {
        return database.read("reading the ingest log", c -> log.findByContent(c, sha256, sizeBytes));
    }

    /** Every file loaded, in loading order. */
    public List<IngestedFile> all() throws StoreException {
        return database.read("reading the ingest log", log::all);
    }
}
