package org.flowcast.app.dashboard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flowcast.app.DemoWorkdir;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.viewmodel.AttentionData;
import org.flowcast.app.dashboard.viewmodel.ColourBy;
import org.flowcast.app.dashboard.viewmodel.ComparisonData;
import org.flowcast.app.dashboard.viewmodel.ContourData;
import org.flowcast.app.dashboard.viewmodel.ContourViewModel;
import org.flowcast.app.dashboard.viewmodel.ContributionData;
import org.flowcast.app.dashboard.viewmodel.DashboardText;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.ForecastChartData;
import org.flowcast.app.dashboard.viewmodel.StationForecastViewModel;
import org.flowcast.app.dashboard.viewmodel.StationTile;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.core.Channel;
import org.flowcast.core.Horizon;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.jobs.Workspace;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoredForecast;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's view-model on the demo's real H2 database, without a window. */
class DashboardViewModelTest {
    private static final Duration STEP = Duration.ofMinutes(5);

    private FlowcastDatabase db;
    private DashboardViewModel vm;

    @BeforeEach
    void open() throws Exception {
        db = FlowcastDatabase.open(DemoWorkdir.database());
        vm = new DashboardViewModel(new DashboardSource(Workspace.of(db), DemoWorkdir.home().resolve("runs")), TaskExecutor.callingThread(),
                null, 28);
        vm.open();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void opensOnAWeekdayPeakOriginAtItsMostCongestedStationWithTheTwoHourForecastSplitIntoShortAndLong() throws Exception {
        assertThat(vm.emptyMessageProperty().get()).isEmpty();
        RunChoice run = vm.selectedRunProperty().get();
        assertThat(run.model()).isEqualTo("at-conv-lstm");
        assertThat(vm.stations()).hasSize(5);
        assertThat(vm.stations()).extracting(StationTile::postmile).isSorted();

        // a weekday origin of the run after which the corridor was slower than after the run's typical weekday origin
        Instant origin = vm.originTime();
        assertThat(origin).isBetween(run.origins().from(), run.origins().to());
        assertThat(origin.atZone(PemsTime.ZONE).getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        SensorSeries speeds = new SeriesQuery(db).stations(vm.stations().stream().map(StationTile::id).toList(), run.origins());
        double chosen = meanSpeedAhead(speeds, speeds.indexOf(origin), -1);
        double weekdays = 0;
        int count = 0;
        for (int t = 0; t + 12 < speeds.length(); t++) {
            DayOfWeek day = speeds.timeAt(t).atZone(PemsTime.ZONE).getDayOfWeek();
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                weekdays += meanSpeedAhead(speeds, t, -1);
                count++;
            }
        }
        assertThat(chosen).as("mean corridor speed in the hour after the chosen origin").isLessThan(weekdays / count - 10);
        // and the station shown is the slowest then
        int shown = speeds.stationIndex(vm.selectedStationProperty().get());
        for (int s = 0; s < speeds.stationCount(); s++) {
            assertThat(meanSpeedAhead(speeds, speeds.indexOf(origin), shown)).isLessThanOrEqualTo(meanSpeedAhead(speeds,
                    speeds.indexOf(origin), s) + 1e-9);
        }

        ForecastChartData chart = vm.chartProperty().get();
        assertThat(chart.message()).isEmpty();
        assertThat(chart.shortForecast()).hasSize(Horizon.SHORT_STEPS);
        assertThat(chart.longForecast()).as("35 min to 2 h, joined to the last short step")
                .hasSize(24 - Horizon.SHORT_STEPS + 1);
        assertThat(chart.longForecast().get(0)).isEqualTo(chart.shortForecast().get(Horizon.SHORT_STEPS - 1));
        assertThat(chart.band80()).hasSize(24);
        assertThat(chart.band95()).allSatisfy(b -> assertThat(b.upper()).isGreaterThanOrEqualTo(b.lower()));
        assertThat(chart.observedBefore()).isNotEmpty().allSatisfy(p -> assertThat(p.x()).isLessThanOrEqualTo(chart.originX()));

        vm.toNewestOrigin();
        assertThat(vm.originTime()).isEqualTo(run.origins().to().minus(STEP));

        AttentionData attention = vm.attentionProperty().get();
        assertThat(attention.origins()).hasSize(StationForecastViewModel.ATTENTION_ROWS).last().isEqualTo(vm.originTime());
        for (float[] row : attention.weights()) {
            double sum = 0;
            for (float w : row) {
                sum += w;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        }
    }

    /** Mean speed over the hour after step t, of one station (or of every station: -1). */
    private static double meanSpeedAhead(SensorSeries series, int t, int station) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k <= 12 && t + k < series.length(); k++) {
            for (int s = 0; s < series.stationCount(); s++) {
                if ((station < 0 || s == station) && series.state(t + k, s, Channel.SPEED) != ValueState.MISSING) {
                    sum += series.value(t + k, s, Channel.SPEED);
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void theConvLstmsForecastIsShownAsItsPartsWhichAddUpToIt() throws Exception {
        ContributionData drove = vm.contributionsProperty().get();
        assertThat(drove.message()).isEmpty();
        assertThat(drove.parts()).extracting(ContributionData.Line::name).containsExactly("recurrent head", "seasonal skip", "linear skip");
        ForecastChartData chart = vm.chartProperty().get();
        List<ForecastChartData.Point> forecast = new ArrayList<>(chart.shortForecast());
        forecast.addAll(chart.longForecast().subList(1, chart.longForecast().size()));
        assertThat(drove.forecast().points()).containsExactlyElementsOf(forecast);
        for (int h = 0; h < forecast.size(); h++) {
            double sum = 0;
            for (ContributionData.Line part : drove.parts()) {
                assertThat(part.points().get(h).x()).isEqualTo(forecast.get(h).x());
                sum += part.points().get(h).y();
            }
            assertThat(sum).as("the parts at step %d", h + 1).isCloseTo(forecast.get(h).y(), within(1e-3 + 1e-5 * forecast.get(h).y()));
        }

        assertThat(vm.chooseModel("lstm")).isTrue();
        assertThat(vm.contributionsProperty().get().parts()).isEmpty();
        assertThat(vm.contributionsProperty().get().message()).contains("lstm", "not kept as a sum of parts");
    }

    @Test
    void switchingStationShowsThatStationsReadingsAndStoredForecast() throws Exception {
        int other = vm.stations().stream().mapToInt(StationTile::id).filter(id -> id != vm.selectedStationProperty().get()).findFirst()
                .orElseThrow();
        vm.selectedStationProperty().set(other);

        ForecastChartData chart = vm.chartProperty().get();
        assertThat(chart.title()).contains("Station " + other);
        Instant origin = vm.originTime();
        SensorSeries stored = new SeriesQuery(db).stations(List.of(other), new TimeRange(origin, origin.plus(STEP)));
        ForecastChartData.Point last = chart.observedBefore().get(chart.observedBefore().size() - 1);
        assertThat(last.x()).isEqualTo(origin.getEpochSecond() / 60.0);
        assertThat(last.y()).isEqualTo(stored.value(0, 0, Channel.FLOW));
        {
            List<StoredForecast> values = new ForecastRuns(db).forecasts(vm.selectedRunProperty().get().id(), other,
                    new TimeRange(origin, origin.plus(STEP)));
            assertThat(chart.shortForecast()).extracting(ForecastChartData.Point::y)
                    .containsExactlyElementsOf(values.subList(0, Horizon.SHORT_STEPS).stream().map(v -> (double) v.value()).toList());
        }
    }

    @Test
    void steppingTheOriginMovesTheForecastAndTheAttentionRows() {
        Instant before = vm.originTime();
        double originX = vm.chartProperty().get().originX();
        vm.stepOrigin(-12);
        assertThat(vm.originTime()).isEqualTo(before.minus(Duration.ofHours(1)));
        assertThat(vm.chartProperty().get().originX()).isEqualTo(originX - 60);
        assertThat(vm.attentionProperty().get().origins()).last().isEqualTo(vm.originTime());
        vm.stepOrigin(1_000_000);
        assertThat(vm.originProperty().get()).isEqualTo(vm.lastOriginProperty().get());
    }

    @Test
    void anOriginOutsideTheRunExplainsWhereItsForecastsAre() {
        vm.originProperty().set(0);
        ForecastChartData chart = vm.chartProperty().get();
        assertThat(chart.shortForecast()).isEmpty();
        assertThat(chart.message()).contains("has no forecast from", "its origins run from");
    }

    @Test
    void pointingAtAnAttentionCellHighlightsThePastIntervalItWeighsAndSaysItsWeightAgainstTheUniform() {
        Instant origin = vm.originTime();
        vm.pointAt(StationForecastViewModel.ATTENTION_ROWS - 1, 0);
        assertThat(vm.highlightedProperty().get()).isEqualTo(new TimeRange(origin.minus(STEP.multipliedBy(11)),
                origin.minus(STEP.multipliedBy(10))));
        AttentionData attention = vm.attentionProperty().get();
        float weight = attention.weights()[StationForecastViewModel.ATTENTION_ROWS - 1][0];
        assertThat(attention.uniform()).isEqualTo(1.0 / 12);
        assertThat(attention.relativeToUniform(StationForecastViewModel.ATTENTION_ROWS - 1, 0)).isCloseTo(weight * 12.0, within(1e-6));
        assertThat(vm.forecast().pointedProperty().get()).contains(String.format(Locale.ROOT, "weight %.3f", weight),
                "the uniform 1/12", DashboardText.clock(origin.minus(STEP.multipliedBy(11))));
        vm.forecast().clearPointer();
        assertThat(vm.highlightedProperty().get()).isNull();
        assertThat(vm.forecast().pointedProperty().get()).isEmpty();
    }

    @Test
    void aModelWithoutAttentionShowsWhyInsteadOfAHeatMap() {
        assertThat(vm.chooseModel("persistence")).isTrue();
        assertThat(vm.attentionProperty().get().origins()).isEmpty();
        assertThat(vm.attentionProperty().get().message()).contains("persistence", "no attention");
        assertThat(vm.chartProperty().get().shortForecast()).hasSize(Horizon.SHORT_STEPS);
        assertThat(vm.shownModelProperty().get()).isEqualTo("persistence");
        assertThat(vm.chooseModel("no-such-model")).isFalse();
    }

    @Test
    void searchFindsAStationByIdOrSaysNothingMatched() {
        int last = vm.stations().get(vm.stations().size() - 1).id();
        assertThat(vm.search(" " + last + " ")).isTrue();
        assertThat(vm.selectedStationProperty().get()).isEqualTo(last);
        assertThat(vm.search("zzz-not-a-station")).isFalse();
        assertThat(vm.statusProperty().get()).contains("No station matches 'zzz-not-a-station'");
        assertThat(vm.selectedStationProperty().get()).isEqualTo(last);
    }

    @Test
    void contourShowsForecastFlowRightOfTheOriginWhateverTheColouring() {
        ContourData bySpeed = vm.contourProperty().get();
        assertThat(bySpeed.steps()).isEqualTo(ContourViewModel.CONTOUR_HISTORY + 1 + 24);
        for (double level : bySpeed.levels()[bySpeed.originStep() + 1]) {
            assertThat(level).as("the forecast's flow, not grey").isBetween(0.0, 1.0);
        }
        assertThat(bySpeed.legend()).hasSize(2);

        vm.colourByProperty().set(ColourBy.FLOW);
        ContourData byFlow = vm.contourProperty().get();
        assertThat(byFlow.colourBy()).isEqualTo(ColourBy.FLOW);
        for (int t = byFlow.originStep() + 1; t < byFlow.steps(); t++) {
            for (double level : byFlow.levels()[t]) {
                assertThat(level).isBetween(0.0, 1.0);
            }
        }
        assertThat(vm.stations()).allSatisfy(tile -> assertThat(tile.valueText()).containsAnyOf("veh/h/ln", "no data"));
    }

    @Test
    void comparisonShowsEveryEvaluatedModelWithTheBestOfEachColumn() throws IOException {
        EvaluationSummary summary = ReportWriter.readRun(DemoWorkdir.home().resolve("runs/demo"));
        ComparisonData comparison = vm.comparisonProperty().get();
        assertThat(comparison.rows()).extracting(ComparisonData.Row::model)
                .containsExactlyElementsOf(summary.models().stream().map(EvaluationSummary.ModelSummary::model).toList());
        int average = comparison.columns().indexOf("MAE avg");
        double best = summary.models().stream().mapToDouble(EvaluationSummary.ModelSummary::maeAverage).min().orElseThrow();
        assertThat(comparison.rows().get(comparison.best()[average]).values().get(average)).isEqualTo(best);
        assertThat(comparison.maeByStep().get("at-conv-lstm")).hasSize(24);
        assertThat(comparison.source()).as("when it was evaluated, in Pacific time with its zone, to the minute")
                .containsPattern("evaluated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d P[SD]T$");
    }

    @Test
    void aResultOvertakenByANewerChoiceIsDropped() throws Exception {
        DeferredExecutor deferred = new DeferredExecutor();
        DashboardViewModel slow = new DashboardViewModel(new DashboardSource(Workspace.of(db), null), deferred, null, 28);
        slow.open();
        deferred.runAll();
        List<Integer> ids = slow.stations().stream().map(StationTile::id).toList();
        slow.selectedStationProperty().set(ids.get(0));
        slow.selectedStationProperty().set(ids.get(1));
        deferred.runNewestFirst();
        assertThat(slow.chartProperty().get().title()).contains("Station " + ids.get(1));
    }

    @Test
    void anEmptyDatabaseSaysWhatToDo(@TempDir Path dir) throws Exception {
        try (FlowcastDatabase empty = FlowcastDatabase.open(dir.resolve("empty"))) {
            DashboardViewModel fresh = new DashboardViewModel(new DashboardSource(Workspace.of(empty), dir.resolve("runs")),
                    TaskExecutor.callingThread(), null, 28);
            fresh.open();
            assertThat(fresh.emptyMessageProperty().get()).contains("flowcast ingest", "flowcast demo");
            assertThat(fresh.comparisonProperty().get().message()).contains("No evaluation found", "flowcast evaluate");
            assertThat(fresh.stations()).isEmpty();
            fresh.stepOrigin(3);
            assertThat(fresh.search("1")).isFalse();
        }
    }

    @Test
    void aStationWithoutReadingsIsHiddenAndSearchingForItSaysWhy(@TempDir Path dir) throws Exception {
        Path sample = DemoWorkdir.home().resolve("sample");
        Path files = Files.createDirectories(dir.resolve("files"));
        int silent;
        List<Path> days;
        try (Stream<Path> list = Files.list(sample)) {
            days = list.filter(p -> p.getFileName().toString().endsWith(".txt.gz")).sorted().limit(2).toList();
        }
        try (Stream<Path> list = Files.list(sample)) {
            for (Path meta : list.filter(p -> p.getFileName().toString().contains("meta")).toList()) {
                Files.copy(meta, files.resolve(meta.getFileName()));
            }
        }
        silent = Integer.parseInt(Gzip.lines(days.get(0)).get(0).split(",")[1]);
        for (Path day : days) {
            String name = day.getFileName().toString().replace(".gz", "");
            Files.write(files.resolve(name), Gzip.lines(day).stream().filter(l -> Integer.parseInt(l.split(",")[1]) != silent).toList());
        }
        try (FlowcastDatabase partial = FlowcastDatabase.open(dir.resolve("partial"))) {
            new Ingester(partial, IngestOptions.defaults(), IngestListener.NONE).ingest(InputFiles.expand(List.of(files.toString())));
            DashboardViewModel model = new DashboardViewModel(new DashboardSource(Workspace.of(partial), null),
                    TaskExecutor.callingThread(), null, 28);
            model.open();
            assertThat(model.stations()).extracting(StationTile::id).isNotEmpty().doesNotContain(silent);
            assertThat(model.corridorTextProperty().get()).contains("1 without readings hidden");
            assertThat(model.search(String.valueOf(silent))).isFalse();
            assertThat(model.statusProperty().get()).contains("Station " + silent + " has no readings between");
            model.originProperty().set(model.lastOriginProperty().get());
            assertThat(model.chartProperty().get().shortForecast()).isEmpty();
            assertThat(model.attentionProperty().get().message()).contains("No forecasts in the database");
        }
    }

    /** Holds work until the test releases it, to play results arriving late or out of order. */
    private static final class DeferredExecutor implements TaskExecutor {
        private final Deque<Runnable> pending = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            pending.add(() -> TaskExecutor.callingThread().execute(work, onSuccess, onFailure));
        }

        void runAll() {
            while (!pending.isEmpty()) {
                pending.poll().run();
            }
        }

        void runNewestFirst() {
            while (!pending.isEmpty()) {
                pending.pollLast().run();
            }
        }
    }
}
