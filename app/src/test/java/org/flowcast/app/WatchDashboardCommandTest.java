package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast watch --dashboard} and the dashboard's {@code --refresh}, as far as they go without a display. */
class WatchDashboardCommandTest {
    @TempDir
    Path dir;

    @Test
    void watchWithTheDashboardButNoDisplayIsRefusedBeforeTheWatcherReadsAnything() throws Exception {
        Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
                "this machine has a display");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path file = Files.writeString(inbox.resolve("d99_text_station_5min_2023_02_19_0000.txt"), "02/19/2023 00:00:00,1201\n");
        Result result = FlowcastCommandTest.run("watch", inbox.toString(), "--db", dir.resolve("db/flowcast").toString(), "--dashboard");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--dashboard needs a display", "xvfb-run", "PostgreSQL");
        assertThat(file).exists();
        assertThat(inbox.resolve("done")).doesNotExist();
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void theHelpSaysThatWithPostgresTheWatcherAndAnyNumberOfDashboardsRunApart() {
        String watch = FlowcastCommandTest.run("watch", "--help").out().replaceAll("\\s+", " ");
        assertThat(watch).contains("--dashboard", "closing it stops the watcher after the step under way",
                "With PostgreSQL (--db jdbc:postgresql:...) the watcher and any number of 'flowcast dashboard' processes are separate",
                "--refresh");
        String dashboard = FlowcastCommandTest.run("dashboard", "--help").out().replaceAll("\\s+", " ");
        assertThat(dashboard).contains("--refresh", "default: 10s; 0: never", "follows the newest origin");
    }

    @Test
    void aRefreshUnderASecondIsAUsageError() {
        Result result = FlowcastCommandTest.run("dashboard", "--db", dir.resolve("flowcast").toString(), "--refresh", "500ms",
                "--snapshot", dir.resolve("d.png").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("at least 1s, or 0");
    }
}
