package org.flowcast.app.dashboard;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.flowcast.app.DemoWorkdir;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.view.DashboardView;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.StationTile;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.ModelRegistry;
import org.flowcast.store.FlowcastDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the real dashboard window (headless Monocle) on the demo's database. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    private FlowcastDatabase db;
    private DashboardViewModel vm;

    @BeforeAll
    static void runTheDemoOffTheFxThread() {
        DemoWorkdir.home();
    }

    @Start
    void start(Stage stage) throws Exception {
        db = FlowcastDatabase.open(DemoWorkdir.database());
        vm = new DashboardViewModel(new DashboardSource(Workspace.of(db), DemoWorkdir.home().resolve("runs")), TaskExecutor.callingThread(),
                null, 28);
        // the window's default size, where a stretched model column once squeezed every figure to "…"
        stage.setScene(new Scene(new DashboardView(vm).root(), DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT));
        stage.show();
        vm.open();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static String chartTitle(FxRobot robot) {
        return robot.lookup("#forecastChart .chart-title").queryAs(Label.class).getText();
    }

    @Test
    void theDistrictOverviewShowsTheDemoCorridorsForecastAndOpensTheCorridorOnAClick(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#districtButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#district").query().isVisible()).isTrue();
        assertThat(vm.district().rows()).singleElement().satisfies(row -> {
            assertThat(row.corridor()).isEqualTo("5-N");
            // the demo's models were trained on the corridor's stations without --corridor: their runs stand in
            assertThat(row.cells()).hasSize(5).allSatisfy(cell -> assertThat(cell.level()).isNotNaN());
        });
        robot.clickOn("#open-5-N");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#district").query().isVisible()).isFalse();
        assertThat(vm.chosenCorridorProperty().get()).isEqualTo("5-N");
        assertThat(vm.tiles().stations()).hasSize(5);
    }

    @Test
    void atTheDefaultSizeEveryComparisonColumnShowsItsHeaderAndFirstFigureInFull(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#accuracyTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(ModelRegistry.names().size());
        Bounds visible = table.localToScene(table.getLayoutBounds());
        int headers = 0;
        for (Node header : table.lookupAll(".column-header")) {
            Label label = (Label) header.lookup(".label");
            if (label == null || label.getText() == null || label.getText().isEmpty()) {
                continue;
            }
            assertThat(shownText(label)).as("header " + label.getText()).isEqualTo(label.getText());
            assertThat(header.localToScene(header.getLayoutBounds()).getMaxX()).as("header " + label.getText() + " inside the table")
                    .isLessThanOrEqualTo(visible.getMaxX());
            headers++;
        }
        assertThat(headers).as("model, the MAE group and its steps, RMSE, MAPE")
                .isGreaterThanOrEqualTo(table.getVisibleLeafColumns().size());
        int cells = 0;
        for (Node node : table.lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) node;
            if (cell.getIndex() != 0 || cell.getText() == null || cell.getText().isEmpty()) {
                continue;
            }
            assertThat(shownText(cell)).as("first value of " + cell.getTableColumn().getText()).isEqualTo(cell.getText());
            assertThat(cell.localToScene(cell.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(visible.getMaxX());
            cells++;
        }
        assertThat(cells).isEqualTo(table.getVisibleLeafColumns().size());
    }

    /** The text a label draws, which ends in "…" where its full text does not fit. */
    private static String shownText(javafx.scene.control.Labeled labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }

    @Test
    void clickingAStationTileShowsThatStationsForecast(FxRobot robot) {
        StationTile other = vm.stations().stream().filter(t -> t.id() != vm.selectedStationProperty().get()).findFirst().orElseThrow();
        robot.clickOn("#station-" + other.id());
        assertThat(vm.selectedStationProperty().get()).isEqualTo(other.id());
        assertThat(chartTitle(robot)).contains("Station " + other.id());
        Region tile = robot.lookup("#station-" + other.id()).queryAs(Region.class);
        assertThat(tile.getStyle()).contains("-fx-border-width: 3");
    }

    @Test
    void theEarlierButtonMovesTheOriginBackFiveMinutes(FxRobot robot) {
        String before = robot.lookup("#originText").queryAs(Label.class).getText();
        int origin = vm.originProperty().get();
        robot.clickOn("#earlier");
        assertThat(vm.originProperty().get()).isEqualTo(origin - 1);
        String after = robot.lookup("#originText").queryAs(Label.class).getText();
        assertThat(after).isNotEqualTo(before);
        assertThat(chartTitle(robot)).contains(after);
    }

    @Test
    void choosingAModelWithoutAttentionShowsItsForecastAndExplainsTheEmptyHeatMap(FxRobot robot) {
        assertThat(robot.lookup("#attention-0-0").tryQuery()).isPresent();
        ComboBox<RunChoice> models = robot.lookup("#model").queryComboBox();
        RunChoice persistence = models.getItems().stream().filter(r -> r.model().equals("persistence")).findFirst().orElseThrow();
        robot.clickOn("#model");
        robot.clickOn(persistence.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(models.getValue()).isEqualTo(persistence);
        assertThat(chartTitle(robot)).contains("by persistence");
        assertThat(robot.lookup("#attentionMessage").queryAs(Label.class).getText()).contains("no attention");
        assertThat(robot.lookup("#attention-0-0").tryQuery()).isEmpty();
    }

    @Test
    void whatDroveBlanksItsAxesBesideItsNoteWhereThereAreNoParts(FxRobot robot) {
        NumberAxis time = (NumberAxis) robot.lookup("#contributions .axis").queryAs(NumberAxis.class);
        assertThat(time.isTickLabelsVisible()).isTrue();
        robot.interact(() -> vm.chooseModel("lstm"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#contributionsMessage").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#contributions .axis").queryAllAs(NumberAxis.class)).isNotEmpty()
                .allSatisfy(axis -> assertThat(axis.isTickLabelsVisible()).as("no times of an earlier forecast").isFalse());
    }

    @Test
    void theOriginSliderSpansTheShownRunsOriginsOnly(FxRobot robot) {
        Slider slider = robot.lookup("#origin").queryAs(Slider.class);
        RunChoice run = vm.selectedRunProperty().get();
        assertThat(vm.originTimeAt((int) slider.getMin())).isEqualTo(run.origins().from());
        assertThat(vm.originTimeAt((int) slider.getMax())).isEqualTo(run.newestOrigin());
        assertThat(slider.getMin()).as("the demo loads days before the run's first origin").isPositive();
    }

    @Test
    void pointingAtAnAttentionCellShadesThatIntervalOnTheChart(FxRobot robot) {
        Rectangle highlight = robot.lookup("#highlight").queryAs(Rectangle.class);
        assertThat(highlight.isVisible()).isFalse();
        robot.moveTo("#attention-11-0");
        assertThat(vm.highlightedProperty().get()).isNotNull();
        assertThat(highlight.isVisible()).isTrue();
        assertThat(highlight.getWidth()).isPositive();
    }

    @Test
    void typingAStationIdInTheSearchFieldSelectsIt(FxRobot robot) {
        int last = vm.stations().get(vm.stations().size() - 1).id();
        robot.clickOn("#search").write(String.valueOf(last)).type(javafx.scene.input.KeyCode.ENTER);
        assertThat(vm.selectedStationProperty().get()).isEqualTo(last);
        assertThat(chartTitle(robot)).contains("Station " + last);
    }
}
