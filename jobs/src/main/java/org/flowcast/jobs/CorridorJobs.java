package org.flowcast.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flowcast.core.Corridor;

/**
 * Runs one piece of work per corridor, one corridor at a time (so that memory holds one corridor's data,
 * whatever the district), and keeps going past a corridor that fails: its failure is recorded with its
 * message and the next corridor starts.
 */
public final class CorridorJobs {
    /** The work for one corridor; returns a one-line account of what it did. */
    @FunctionalInterface
    public interface Job {
        String run(Corridor corridor) throws Exception;
    }

    /** How one corridor's work ended. */
    public record Result(Corridor corridor, boolean succeeded, String account, double seconds) {
    }

    private CorridorJobs() {
    }

    /**
     * Runs {@code job} for each corridor in order; {@code starting} hears of each corridor before its work
     * and {@code finished} of its result after it.
     */
    public static List<Result> run(List<Corridor> corridors, Job job, Consumer<Corridor> starting, Consumer<Result> finished) {
        List<Result> results = new ArrayList<>();
        for (Corridor corridor : corridors) {
            starting.accept(corridor);
            long began = System.nanoTime();
            Result result;
            try {
                result = new Result(corridor, true, job.run(corridor), seconds(began));
            } catch (Exception | OutOfMemoryError e) {
                // one corridor's failure (too little data, a bad station, a model that diverged) must not stop the district
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                result = new Result(corridor, false, message, seconds(began));
            }
            results.add(result);
            finished.accept(result);
        }
        return List.copyOf(results);
    }

    public static boolean anyFailed(List<Result> results) {
        return results.stream().anyMatch(r -> !r.succeeded());
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
