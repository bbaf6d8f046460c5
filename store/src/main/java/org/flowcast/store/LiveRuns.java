package org.flowcast.store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.PemsTime;
import org.flowcast.core.TimeRange;

/**
 * The live runs of a database, for the watcher and the readers of what it writes: one run per corridor and model whose
 * origins accumulate as data arrives, each 5-minute step's work (scores, interval state, forecast) committed as one, and
 * the realised accuracy they add up to. A step done twice (after a restart) writes the same rows once.
 */
public final class LiveRuns {
    private final FlowcastDatabase database;
    private final LiveStore store = new LiveStore();

    public LiveRuns(FlowcastDatabase database) {
        this.database = database;
    }

    /**
     * The live run of a corridor and model, started where there is none, its work counted done through {@code startAfter}
     * (the newest data before live operation began: it goes on from the step after), or through nothing where that is
     * empty. A run whose stations differ from {@code stationIds} (the corridor changed) is retired, kept as history, and a
     * new one started; one whose model file changed (a fine-tuned model swapped in) goes on, recording the new file.
     */
    public LiveRun open(String corridor, String model, String modelFile, int horizon, List<Integer> stationIds,
                        Optional<Instant> startAfter) throws StoreException {
        return transaction("starting the live run of " + corridor + " " + model, c -> {
            Optional<LiveRun> found = store.find(c, corridor, model);
            if (found.isPresent() && found.get().stationIds().equals(stationIds) && found.get().horizon() == horizon) {
                if (!found.get().modelFile().equals(modelFile)) {
                    store.setModelFile(c, found.get().runId(), modelFile);
                }
                return store.find(c, corridor, model).orElseThrow();
            }
            if (found.isPresent()) {
                store.retire(c, found.get().runId());
            }
            store.create(c, corridor, model, modelFile, horizon, stationIds, startAfter);
            return store.find(c, corridor, model).orElseThrow();
        });
    }

    /** Records the error a run's drift is judged against (the model's MAE before live operation, or after its fine-tune). */
    public void setReference(long runId, double mae) throws StoreException {
        transaction("recording a live run's reference error", c -> {
            store.setReference(c, runId, mae);
            return null;
        });
    }

    /**
     * Records that a fine-tuned model forecasts a run from origin {@code since} on, with {@code mae} its error before
     * (on its held-back day); the old model's interval state is dropped, in the same transaction.
     */
    public void swapModel(long runId, Instant since, double mae) throws StoreException {
        transaction("recording a live run's new model", c -> {
            store.swapModel(c, runId, since, mae);
            return null;
        });
    }

    /** Every live run, by corridor and model. */
    public List<LiveRun> all() throws StoreException {
        return database.read("reading the live runs", store::all);
    }

    /** Commits one step's work for a run (see {@link LiveStep}): all of it, or nothing. */
    public void commit(LiveRun run, LiveStep step) throws StoreException {
        transaction("writing live step " + PemsTime.format(step.step()) + " of " + run.corridor() + " " + run.model(), c -> {
            store.write(c, run, step);
            return null;
        });
    }

    /** A live run's stored forecast from an origin, where one is stored. */
    public Optional<StoredOrigin> origin(long runId, Instant origin) throws StoreException {
        return database.read("reading a live forecast", c -> store.origin(c, runId, origin));
    }

    /** A live run's stored forecasts from the origins in a range, by origin. */
    public SortedMap<Instant, StoredOrigin> origins(long runId, TimeRange range) throws StoreException {
        return database.read("reading live forecasts", c -> store.origins(c, runId, range));
    }

    /** Realised accuracy by corridor, model and step over the targets in a window; of one corridor where it is not null. */
    public List<AccuracyRow> accuracy(String corridor, TimeRange window) throws StoreException {
        return database.read("reading realised accuracy", c -> store.accuracy(c, corridor, window, false));
    }

    /** {@link #accuracy}, by hour of day (Pacific) of the targets as well. */
    public List<AccuracyRow> accuracyByHour(String corridor, TimeRange window) throws StoreException {
        return database.read("reading realised accuracy", c -> store.accuracy(c, corridor, window, true));
    }

    /** What a prune deleted. */
    public record Pruned(long origins, long scores) {
    }

    /** Deletes live runs' origins before one time and scores of targets before another. */
    public Pruned prune(Instant originsBefore, Instant scoresBefore) throws StoreException {
        long[] counts = transaction("pruning live runs", c -> store.prune(c, originsBefore, scoresBefore));
        return new Pruned(counts[0], counts[1]);
    }

    private <T> T transaction(String doing, FlowcastDatabase.ConnectionWork<T> work) throws StoreException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(doing + " failed: " + DatabaseFaults.describe(e), e);
        }
    }
}
