package org.flowcast.jobs.live;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.AdaptiveIntervalSettings;

/**
 * How a watcher runs: the inbox it reads, the corridors it keeps forecasting ({@code all}, or names) and the corridor file
 * defining them, the folder of the corridors' model files and the one model to run (all the corridor has where empty),
 * how long a file's size must hold still before it is read, how often the inbox is looked at, how many missed 5-minute
 * steps a restart catches up (each in order; further back, only the newest), how long a live run keeps its origins and
 * its scores, the adaptive intervals' step size, and whether to stop once the inbox is empty (a test, a cron job).
 */
public record WatchSettings(Path inbox, List<String> corridors, Optional<Path> corridorFile, Path modelsFolder, Optional<String> model,
                            Duration settle, Duration poll, int catchUpSteps, Duration keepOrigins, Duration keepScores, double gamma,
                            boolean once, Drift drift) {
    /**
     * When a corridor's model has drifted and what to do then: its realised MAE over {@code window} above its MAE before
     * live operation by more than {@code margin} (0.2: 20%) is drift, said once; with {@code retrain}, the model is then
     * fine-tuned in the background on the {@code recent} newest days within {@code budget}, and replaces the old one only
     * if it does better on the newest, held-back day.
     */
    public record Drift(Duration window, double margin, boolean retrain, Duration recent, Duration budget) {
        public static final Drift DEFAULT = new Drift(Duration.ofHours(24), 0.2, false, Duration.ofDays(14), Duration.ofMinutes(2));
    }

    public WatchSettings {
        corridors = List.copyOf(corridors);
    }

    /** Every corridor, its model files in {@code modelsFolder}, the defaults of {@code flowcast watch}. */
    public static WatchSettings defaults(Path inbox, Path modelsFolder) {
        return new WatchSettings(inbox, List.of("all"), Optional.empty(), modelsFolder, Optional.empty(), Duration.ofMillis(250),
                Duration.ofMillis(200), 288, Duration.ofDays(14), Duration.ofDays(365), 0.005, false, Drift.DEFAULT);
    }

    /**
     * The adaptive intervals' settings: the step size γ, a window of two days of origins (not a week: the window is
     * rebuilt from the store when a watcher starts), used once it holds a day.
     */
    public AdaptiveIntervalSettings intervalSettings() {
        return new AdaptiveIntervalSettings(gamma, 2 * 288, 288);
    }

    public WatchSettings withOnce(boolean stopWhenEmpty) {
        return new WatchSettings(inbox, corridors, corridorFile, modelsFolder, model, settle, poll, catchUpSteps, keepOrigins, keepScores,
                gamma, stopWhenEmpty, drift);
    }
}
