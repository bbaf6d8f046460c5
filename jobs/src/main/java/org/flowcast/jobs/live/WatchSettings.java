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
                            boolean once) {
    public WatchSettings {
        corridors = List.copyOf(corridors);
    }

    /** Every corridor, its model files in {@code modelsFolder}, the defaults of {@code flowcast watch}. */
    public static WatchSettings defaults(Path inbox, Path modelsFolder) {
        return new WatchSettings(inbox, List.of("all"), Optional.empty(), modelsFolder, Optional.empty(), Duration.ofMillis(250),
                Duration.ofMillis(200), 288, Duration.ofDays(14), Duration.ofDays(365), 0.005, false);
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
                gamma, stopWhenEmpty);
    }
}
