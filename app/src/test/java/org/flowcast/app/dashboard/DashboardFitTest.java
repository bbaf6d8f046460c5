package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.flowcast.app.DemoWorkdir;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.view.DashboardView;
import org.flowcast.app.dashboard.viewmodel.ColourBy;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;
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
        assertThat(root.lookupAll(".panel")).hasSize(5).allSatisfy(node -> {
            ScrollPane panel = (ScrollPane) node;
            assertThat(panel.getContent().getLayoutBounds().getHeight())
                    .as("%s whole without scrolling at the default size", panel.getContent().getId())
                    .isLessThanOrEqualTo(panel.getViewportBounds().getHeight() + 1);
        });
        assertThat(CutText.in(root)).as("cut at the default size, corridor").isEmpty();
        robot.clickOn("#districtButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(CutText.in(root)).as("cut at the default size, district overview").isEmpty();
    }

    @Test
    void twentyStationsTilesFitWholeInAWindowOfTheDefaultWidth(FxRobot robot) {
        Parent root = openOnStations(robot, 20, DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT);
        ScrollPane strip = robot.lookup("#corridor").queryAs(ScrollPane.class);
        Bounds shown = strip.localToScene(strip.getLayoutBounds());
        assertThat(vm.stations()).hasSize(20).allSatisfy(station -> {
            Node tile = robot.lookup("#station-" + station.id()).query();
            Bounds bounds = tile.localToScene(tile.getLayoutBounds());
            assertThat(bounds.getMaxX()).as("tile %d inside the strip", station.id()).isLessThanOrEqualTo(shown.getMaxX());
            assertThat(bounds.getMaxY()).as("tile %d above the strip's edge", station.id()).isLessThanOrEqualTo(shown.getMaxY());
        });
        assertThat(vm.stations()).allSatisfy(tile -> assertThat(tile.valueText()).isEqualTo("1,200 veh/h/ln"));
        assertThat(CutText.in(root)).isEmpty();
    }

    @Test
    void aLongCorridorsStripScrollsAt1100WithoutWideningTheWindow(FxRobot robot) {
        Parent root = openOnStations(robot, 40, 1100, 700);
        assertThat(((Region) root.getChildrenUnmodifiable().get(0)).getWidth()).as("the window's content as wide as the window")
                .isEqualTo(1100);
        assertThat(CutText.in(root)).as("cut at 1100×700 with 40 stations").isEmpty();
    }

    /** Opens the dashboard on an in-memory corridor of so many stations, each at 1,200 veh/h/ln (the widest a tile shows). */
    private Parent openOnStations(FxRobot robot, int count, int width, int height) {
        List<Station> stations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stations.add(new Station(1_201_050 + i, 12, 5, "N", "ML", 4, 10.0 + i, 33.7, -117.8, "S" + i));
        }
        Instant start = Instant.parse("2023-03-06T08:00:00Z");
        SensorSeries.Builder series = SensorSeries.builder(start, Duration.ofMinutes(5), 288, stations);
        for (int t = 0; t < 288; t++) {
            for (int s = 0; s < stations.size(); s++) {
                series.set(t, s, Channel.FLOW, 400, ValueState.OBSERVED);
                series.set(t, s, Channel.SPEED, 60, ValueState.OBSERVED);
            }
        }
        // one without readings: a description as long as a real corridor's
        InMemoryDashboardReads reads = new InMemoryDashboardReads(new CorridorData("5-N", series.build(), List.of(1_201_999)));
        Parent[] root = new Parent[1];
        robot.interact(() -> {
            vm = new DashboardViewModel(reads, TaskExecutor.callingThread(), null, 28);
            root[0] = new DashboardView(vm).root();
            stage.setScene(new Scene(root[0], width, height));
            stage.show();
            vm.open();
            vm.colourByProperty().set(ColourBy.FLOW);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return root[0];
    }
}
