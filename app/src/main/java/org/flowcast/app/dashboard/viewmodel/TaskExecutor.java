package org.flowcast.app.dashboard.viewmodel;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs database and model work for a view-model and hands the result back on the thread the
 * view-model's properties belong to. The window uses a background thread; tests run work on the
 * calling thread so that they see results at once.
 */
public interface TaskExecutor {
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /** Runs work at once on the calling thread. */
    static TaskExecutor callingThread() {
        return new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
