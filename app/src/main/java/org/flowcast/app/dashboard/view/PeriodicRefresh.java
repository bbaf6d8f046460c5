package org.flowcast.app.dashboard.view;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Asks the dashboard to read what is new every interval, on the JavaFX thread, from {@link #start} until {@link #stop};
 * an interval of zero never does. The refresh itself reads through the view-model's task executor.
 */
final class PeriodicRefresh {
    private final Timeline timeline;

    PeriodicRefresh(long everyMillis, Runnable refresh) {
        timeline = everyMillis <= 0 ? null : new Timeline(new KeyFrame(Duration.millis(everyMillis), e -> refresh.run()));
        if (timeline != null) {
            timeline.setCycleCount(Animation.INDEFINITE);
        }
    }

    void start() {
        if (timeline != null) {
            timeline.play();
        }
    }

    void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }
}
