package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.view.DashboardView;
import org.flowcast.app.dashboard.viewmodel.DashboardText;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.live.LiveDistrict;
import org.flowcast.jobs.live.WatchService;
import org.flowcast.jobs.live.WatchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard window (headless Monocle) on a real H2 database that a watcher writes: an hour of a live feed watched
 * before the window opens, then one more 5-minute file committed between two refreshes.
 */
@ExtendWith(ApplicationExtension.class)
class LiveDashboardWindowTest {
    private static Path folder;
    private static Workspace workspace;
    private static WatchService watcher;
    private DashboardViewModel vm;

    @BeforeAll
    static void watchTheFirstHour() throws Exception {
        folder = Files.createTempDirectory("flowcast-live-window");
        workspace = Workspace.open(LiveDistrict.databaseCopy(folder.resolve("db")).toString());
        Path inbox = folder.resolve("inbox");
        LiveDistrict.deliver(LiveDistrict.feed().subList(0, 12), inbox);
        watcher = new WatchService(workspace, WatchSettings.defaults(inbox, LiveDistrict.models()).withOnce(true), new Quiet(),
                Clock.systemUTC());
        watcher.run(() -> false);
    }

    @AfterAll
    static void close() throws Exception {
        watcher.close();
        workspace.close();
    }

    @Start
    void start(Stage stage) {
        vm = new DashboardViewModel(new DashboardSource(workspace, folder.resolve("runs")), TaskExecutor.callingThread(), "5-N", 28);
        stage.setScene(new Scene(new DashboardView(vm).root(), DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT));
        stage.show();
        vm.open();
    }

    @Test
    void theOriginLabelMovesToTheNewOriginWhenALiveStepIsCommittedBetweenTwoRefreshes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label origin = robot.lookup("#originText").queryAs(Label.class);
        ComboBox<RunChoice> models = robot.lookup("#model").queryComboBox();
        RunChoice live = models.getValue();
        assertThat(live.live()).isTrue();
        assertThat(live.label()).startsWith("linear-ar live");
        Instant first = live.newestOrigin();
        assertThat(origin.getText()).isEqualTo(DashboardText.when(first));

        robot.interact(vm::refresh);
        assertThat(origin.getText()).as("nothing new yet").isEqualTo(DashboardText.when(first));

        LiveDistrict.deliver(List.of(LiveDistrict.feed().get(12)), folder.resolve("inbox"));
        watcher.run(() -> false);
        robot.interact(vm::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        Instant next = first.plus(Duration.ofMinutes(5));
        assertThat(origin.getText()).isEqualTo(DashboardText.when(next));
        assertThat(models.getItems()).as("one entry for the live run").filteredOn(RunChoice::live).singleElement()
                .extracting(RunChoice::newestOrigin).isEqualTo(next);
        assertThat(robot.lookup("#liveAccuracy").query().isVisible()).isTrue();
        assertThat(robot.lookup("#live-linear-ar-hourMae").queryAs(Label.class).getText()).matches("\\d+\\.\\d\\d");
        assertThat(robot.lookup("#following").queryAs(Label.class).getText()).isEqualTo("following new origins");
    }

    /** A watcher that says nothing. */
    private static final class Quiet implements WatchService.Listener {
        @Override
        public void file(FileIngestResult result) {
        }

        @Override
        public void step(WatchService.StepReport report) {
        }

        @Override
        public void note(String message) {
        }
    }
}
