package org.flowcast.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.TimeRange;

/**
 * The forecast runs of a database, for callers outside this module: a run is written in one transaction
 * that replaces the earlier run of its key (readers see the old run or the new one, never half), and
 * runs, forecasts and attention are read back as values. No database handle leaves it.
 */
public final class ForecastRuns {
    private final FlowcastDatabase database;
    private final ForecastStore store = new ForecastStore();

    public ForecastRuns(FlowcastDatabase database) {
        this.database = database;
    }

    /** Where a run's forecasts go, chunk by chunk. */
    @FunctionalInterface
    public interface Sink {
        void add(List<Forecast> forecasts) throws StoreException;
    }

    /** Makes a run's forecasts, handing each chunk to the sink; may fail in its own way ({@code E}: a model's fault). */
    @FunctionalInterface
    public interface Producer<E extends Exception> {
        void produce(Sink sink) throws StoreException, E;
    }

    /**
     * Writes a run: replaces the earlier run of its key with the forecasts the producer makes; nothing is
     * kept if the producer or the database fails. Returns the run's id.
     */
    public <E extends Exception> long replace(NewForecastRun run, Producer<E> producer) throws StoreException, E {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                long id = store.beginRun(c, run.key(), run.model(), run.modelFile(), run.horizon(), run.range(), run.stations(),
                        run.input(), run.calibration());
                store.nameCorridor(c, id, run.corridor());
                producer.produce(forecasts -> {
                    try {
                        store.add(c, id, forecasts, run.calibration());
                    } catch (SQLException e) {
                        throw new StoreException("writing forecasts failed, nothing was kept: " + DatabaseFaults.describe(e), e);
                    }
                });
                c.commit();
                return id;
            } catch (Exception e) {
                // the producer's own failure, a database failure or a bug: nothing of the run is kept
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("writing forecasts failed, nothing was kept: " + DatabaseFaults.describe(e), e);
        }
    }

    public List<ForecastRun> runs() throws StoreException {
        return database.read("reading forecast runs", store::runs);
    }

    /** The forecasts of a run for one station whose origins lie in a range, by origin and step. */
    public List<StoredForecast> forecasts(long runId, int stationId, TimeRange origins) throws StoreException {
        return database.read("reading forecasts of run " + runId, c -> store.forecasts(c, runId, stationId, origins));
    }

    /** The forecasts of a run for each listed station from origins in a range, read on one connection. */
    public Map<Integer, List<StoredForecast>> forecasts(long runId, List<Integer> stationIds, TimeRange origins) throws StoreException {
        return database.read("reading forecasts of run " + runId, c -> {
            List<ConformalIntervals> calibration = store.calibration(c, runId);
            Map<Integer, List<StoredForecast>> out = new LinkedHashMap<>();
            for (int id : stationIds) {
                out.put(id, store.forecasts(c, runId, id, origins, calibration));
            }
            return out;
        });
    }

    /** The additive parts of a run's forecast for one station from one origin; empty where the run has none. */
    public List<StoredPart> parts(long runId, int stationId, Instant origin) throws StoreException {
        return database.read("reading the forecast parts of run " + runId, c -> store.parts(c, runId, stationId, origin));
    }

    /** Attention weights of a run for one station at every origin in a range, in time order. */
    public SortedMap<Instant, float[]> attention(long runId, int stationId, TimeRange origins) throws StoreException {
        return database.read("reading attention of run " + runId, c -> store.attention(c, runId, stationId, origins));
    }
}
