package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.flowcast.app.DemoWorkdir;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.view.DashboardView;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.FlowcastDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every panel of the real dashboard window (headless Monocle, the demo's database) shows its text whole at 1100×700 and 1600×1000. */
@ExtendWith(ApplicationExtension.class)
class DashboardFitTest {
    private FlowcastDatabase db;
    private Stage stage;
    private DashboardViewModel vm;

    @BeforeAll
    static void runTheDemoOffTheFxThread() {
        DemoWorkdir.home();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        db = FlowcastDatabase.open(DemoWorkdir.database());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** Opens the dashboard in a window of the size given and waits until it has laid out what it read. */
    private Parent openAt(FxRobot robot, int width, int height) {
        Parent[] root = new Parent[1];
        robot.interact(() -> {
            vm = new DashboardViewModel(new DashboardSource(Workspace.of(db), DemoWorkdir.home().resolve("runs")),
                    TaskExecutor.callingThread(), null, 28);
            root[0] = new DashboardView(vm).root();
            stage.setScene(new Scene(root[0], width, height));
            stage.show();
            vm.open();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return root[0];
    }

    @Test
    void atElevenHundredBySevenHundredNoPanelCutsItsText(FxRobot robot) {
        Parent root = openAt(robot, 1100, 700);
        assertThat(CutText.in(root)).as("cut at 1100×700, corridor").isEmpty();
        robot.clickOn("#districtButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(CutText.in(root)).as("cut at 1100×700, district overview").isEmpty();
    }

    @Test
    void atTheDefaultSizeNoPanelCutsItsText(FxRobot robot) {
        Parent root = openAt(robot, DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT);
        assertThat(CutText.in(root)).as("cut at the default size, corridor").isEmpty();
        robot.clickOn("#districtButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(CutText.in(root)).as("cut at the default size, district overview").isEmpty();
    }
}
