package org.flowcast.app.dashboard.viewmodel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.model.ModelRegistry;

/**
 * The model box's order and the run a corridor opens on: runs grouped by model, the models in the order they are
 * registered (a model the registry does not know last, by name), and within a model its live run first, then the newest
 * first. A corridor opens on the first registered model's live run where one is there, else on its newest run.
 */
final class RunOrder {
    private RunOrder() {
    }

    /** The runs in the model box's order. */
    static List<RunChoice> ordered(List<RunChoice> runs) {
        List<String> registered = ModelRegistry.names();
        return runs.stream().sorted(Comparator.comparingInt((RunChoice r) -> registered.contains(r.model())
                        ? registered.indexOf(r.model()) : registered.size())
                .thenComparing(RunChoice::model)
                .thenComparing(r -> !r.live())
                .thenComparing(Comparator.comparingLong(RunChoice::id).reversed()))
                .toList();
    }

    /** The run a corridor opens on, of runs in the model box's order; null where there is none. */
    static RunChoice opening(List<RunChoice> ordered) {
        return ordered.stream().filter(RunChoice::live).findFirst().orElse(ordered.isEmpty() ? null : ordered.get(0));
    }

    /**
     * The run to show once the runs were read again ({@code before} as they were, {@code now} in the model box's order):
     * the run shown, as read now; while following, a live run that started since, where the run shown is not live; where
     * the run shown is gone (a forecast job replaced it), the newest of its model; else the opening run.
     */
    static RunChoice afterRefresh(RunChoice shown, List<RunChoice> before, List<RunChoice> now, boolean following) {
        if (following && (shown == null || !shown.live())) {
            Set<Long> known = before.stream().map(RunChoice::id).collect(Collectors.toSet());
            Optional<RunChoice> started = now.stream().filter(r -> r.live() && !known.contains(r.id())).findFirst();
            if (started.isPresent()) {
                return started.get();
            }
        }
        if (shown != null) {
            Optional<RunChoice> same = now.stream().filter(r -> r.id() == shown.id()).findFirst()
                    .or(() -> now.stream().filter(r -> r.model().equals(shown.model()) && r.live() == shown.live()).findFirst())
                    .or(() -> now.stream().filter(r -> r.model().equals(shown.model())).findFirst());
            if (same.isPresent()) {
                return same.get();
            }
        }
        return opening(now);
    }
}
