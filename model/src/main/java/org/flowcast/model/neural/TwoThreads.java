package org.flowcast.model.neural;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The model's two threads: the caller and one daemon worker. Work is split in two fixed parts whatever
 * the machine, and runs on both threads only where it has two cores, so that results never depend on
 * the number of cores.
 */
final class TwoThreads {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flowcast-model-worker");
        t.setDaemon(true);
        return t;
    });

    /** Element-wise work on {@code values[from, to)}, half {@code half} (0 or 1), of the {@code array}-th of several arrays. */
    interface Range {
        void run(int array, int half, int from, int to);
    }

    private TwoThreads() {
    }

    /** Both results (either may be null), in order; the second is computed on the worker while the caller computes the first. */
    static <T> List<T> both(Supplier<T> first, Supplier<T> second) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            T one = first.get();
            return Arrays.asList(one, second.get());
        }
        Future<T> other = WORKER.submit(second::get);
        T mine = first.get();
        try {
            return Arrays.asList(mine, other.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs {@code range} on the first half of every array on the caller and on the second half on the
     * worker: for element-wise work over parameters, whose sizes differ too much to split them by array.
     */
    static void halves(int[] lengths, Range range) {
        both(() -> {
            for (int k = 0; k < lengths.length; k++) {
                range.run(k, 0, 0, lengths[k] / 2);
            }
            return null;
        }, () -> {
            for (int k = 0; k < lengths.length; k++) {
                range.run(k, 1, lengths[k] / 2, lengths[k]);
            }
            return null;
        });
    }
}
