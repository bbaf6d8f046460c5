package org.flowcast.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Forecasts and realised accuracy as plain rows, for other systems ({@code flowcast export}): every forecast of a run
 * (its packed origins decoded, bounds made again from the stored half-widths), each live run's newest forecasts (the
 * {@code forecast_values} view) and the {@code forecast_accuracy} view. Rows are handed to a {@link RowSink} one at a time
 * as they are read, each call on one connection in one read transaction, so that a run of millions of rows is never held
 * whole. Each method returns how many rows it handed on; a failure of the sink ends the read and is thrown as it is.
 */
public final class ForecastRows {
    private final FlowcastDatabase database;
    private final ForecastRowQueries queries = new ForecastRowQueries();

    public ForecastRows(FlowcastDatabase database) {
        this.database = database;
    }

    /** Every forecast of a run, by origin, station and step; none for a run that does not exist. */
    public <E extends Exception> long run(long runId, RowSink<ForecastRow, E> sink) throws StoreException, E {
        return read("reading the forecasts of run " + runId, c -> queries.run(c, runId, sink));
    }

    /** Each live run's newest forecasts, of one corridor where {@code corridor} is not null, by corridor, model, station and step. */
    public <E extends Exception> long latest(String corridor, RowSink<ForecastRow, E> sink) throws StoreException, E {
        return read("reading the newest live forecasts", c -> queries.latest(c, corridor, sink));
    }

    /**
     * Realised accuracy per live origin and step, of one corridor where {@code corridor} is not null and of targets from
     * {@code since} on where it is not null, by corridor, model, origin and step.
     */
    public <E extends Exception> long accuracy(String corridor, Instant since, RowSink<OriginStepAccuracy, E> sink)
            throws StoreException, E {
        return read("reading realised accuracy", c -> queries.accuracy(c, corridor, since, sink));
    }

    /** A read that may also fail in the sink's own way. */
    @FunctionalInterface
    private interface RowRead<E extends Exception> {
        long apply(Connection c) throws SQLException, E;
    }

    private <E extends Exception> long read(String doing, RowRead<E> work) throws StoreException, E {
        try (Connection c = database.connect()) {
            // in a transaction: PostgreSQL streams a result set through a cursor only inside one
            c.setAutoCommit(false);
            try {
                long rows = work.apply(c);
                c.commit();
                return rows;
            } catch (Exception e) {
                // the sink's failure, a database failure or a bug: the read ends, nothing was written
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(doing + " failed: " + DatabaseFaults.describe(e), e);
        }
    }
}
