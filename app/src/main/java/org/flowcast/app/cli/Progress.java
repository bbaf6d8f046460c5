package org.flowcast.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr for long work, shown only where a person watches (an interactive
 * terminal), so that logs and CI output stay clean.
 */
public final class Progress {
    private Progress() {
    }

    public static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /** A bar, or null where none is shown. */
    public static ProgressBar bar(String task, long max, String unit) {
        if (!interactive()) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed()
                .setMaxRenderedLength(110).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .continuousUpdate().build();
    }
}
