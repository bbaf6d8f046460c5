package org.flowcast.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The forecast runs of a database as an operator manages them ({@code flowcast runs}): each run with whether it is live
 * and the origins it holds now, and the deletion of runs with everything of them. A deletion of several runs is one
 * transaction: every run named goes, or none does.
 */
public final class RunCatalog {
    private final FlowcastDatabase database;
    private final RunRemoval removal = new RunRemoval();

    public RunCatalog(FlowcastDatabase database) {
        this.database = database;
    }

    /** Every run, by id. */
    public List<RunSummary> summaries() throws StoreException {
        return database.read("reading the forecast runs", removal::summaries);
    }

    /**
     * Deletes the runs of the given ids and everything of them in one transaction; refused, deleting nothing, where any id
     * names no run (the message names the ids there are).
     */
    public List<DeletedRun> delete(Collection<Long> runIds) throws StoreException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                List<DeletedRun> deleted = new ArrayList<>();
                for (long id : runIds) {
                    Optional<DeletedRun> run = removal.delete(c, id);
                    if (run.isEmpty()) {
                        c.rollback();
                        throw new StoreException("there is no forecast run " + id + "; " + runIds(c), null);
                    }
                    deleted.add(run.get());
                }
                c.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("deleting forecast runs failed, nothing was deleted: " + DatabaseFaults.describe(e), e);
        }
    }

    private String runIds(Connection c) throws SQLException {
        List<RunSummary> runs = removal.summaries(c);
        return runs.isEmpty() ? "the database holds no forecast run"
                : "the runs are " + String.join(", ", runs.stream().map(r -> String.valueOf(r.run().id())).toList());
    }
}
