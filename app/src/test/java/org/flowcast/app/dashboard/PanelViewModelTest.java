package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.app.dashboard.viewmodel.AttentionData;
import org.flowcast.app.dashboard.viewmodel.ColourBy;
import org.flowcast.app.dashboard.viewmodel.ContourData;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.ForecastChartData;
import org.flowcast.app.dashboard.viewmodel.StartingChoices;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.core.Channel;
import org.flowcast.core.Horizon;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's panels over an in-memory corridor of three stations and two runs: no database, no training. */
class PanelViewModelTest {
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2023-03-06T08:00:00Z");
    private static final int STEPS = 288;
    private static final List<Station> STATIONS = List.of(
            new Station(11, 12, 5, "N", "ML", 4, 1.0, 33.7, -117.8, "Quiet"),
            new Station(12, 12, 5, "N", "ML", 4, 2.0, 33.7, -117.8, "Busy"),
            new Station(13, 12, 5, "N", "ML", 4, 3.0, 33.7, -117.8, "Middle"));
    private static final Instant LAST_ORIGIN = START.plus(STEP.multipliedBy(200));
    /** The origin after which station 12 jams for an hour (Monday 12:30 Pacific). */
    private static final int PEAK = 150;

    private InMemoryDashboardReads reads;
    private DashboardViewModel vm;

    @BeforeEach
    void open() {
        SensorSeries.Builder series = SensorSeries.builder(START, STEP, STEPS, STATIONS);
        for (int t = 0; t < STEPS; t++) {
            for (int s = 0; s < 3; s++) {
                series.set(t, s, Channel.FLOW, new float[] {50, 300, 150}[s], ValueState.OBSERVED);
                boolean jammed = s == 1 && t > PEAK && t <= PEAK + 12;
                series.set(t, s, Channel.SPEED, jammed ? 20 : 60, ValueState.OBSERVED);
            }
        }
        TimeRange origins = new TimeRange(START.plus(STEP.multipliedBy(100)), LAST_ORIGIN.plus(STEP));
        reads = new InMemoryDashboardReads(new CorridorData("5-N", series.build(), List.of()))
                .withRun(new RunChoice(1, "at-conv-lstm", 24, origins, 3, START))
                .withRun(new RunChoice(2, "persistence", 24, origins, 3, START))
                .withForecast(1, 12, forecast(LAST_ORIGIN, 24, 310))
                .withForecast(2, 13, forecast(LAST_ORIGIN, 24, 150))
                .withAttention(1, 12, LAST_ORIGIN, new float[] {0.5f, 0.25f, 0.25f});
        vm = new DashboardViewModel(reads, TaskExecutor.callingThread(), null, 28);
        vm.open();
    }

    private static StationForecast forecast(Instant origin, int steps, float level) {
        float[] values = new float[steps];
        Arrays.fill(values, level);
        float[] lower = values.clone();
        float[] upper = values.clone();
        for (int h = 0; h < steps; h++) {
            lower[h] -= 10 + h;
            upper[h] += 10 + h;
        }
        return new StationForecast(origin, values, lower, upper, lower, upper);
    }

    @Test
    void opensOnTheFirstRegisteredModelsWeekdayPeakAtItsJammedStationAndGoesToTheNewestOriginOnRequest() {
        assertThat(vm.selectedRunProperty().get().model()).isEqualTo("at-conv-lstm");
        assertThat(vm.originTime()).isEqualTo(START.plus(STEP.multipliedBy(PEAK)));
        assertThat(vm.selectedStationProperty().get()).isEqualTo(12);
        vm.toNewestOrigin();
        assertThat(vm.originTime()).isEqualTo(LAST_ORIGIN);
        assertThat(vm.tiles().stations()).hasSize(3);
        assertThat(vm.emptyMessageProperty().get()).isEmpty();
    }

    @Test
    void theChartShowsShortAndLongForecastsToTwoHoursWithIntervals() {
        vm.toNewestOrigin();
        ForecastChartData chart = vm.forecast().chartProperty().get();
        assertThat(chart.shortForecast()).hasSize(Horizon.SHORT_STEPS);
        assertThat(chart.longForecast()).hasSize(24 - Horizon.SHORT_STEPS + 1);
        assertThat(chart.band80()).hasSize(24);
        assertThat(chart.title()).contains("Station 12 Busy", "by at-conv-lstm");
        assertThat(vm.forecast().attentionProperty().get().origins()).containsExactly(LAST_ORIGIN);
    }

    @Test
    void aModelWithoutAForecastAtTheOriginSaysWhereItsOriginsAre() {
        vm.chooseModel("persistence");
        assertThat(vm.forecast().chartProperty().get().message()).contains("Run 2 (persistence) has no forecast from");
        assertThat(vm.comparison().shownModelProperty().get()).isEqualTo("persistence");
    }

    @Test
    void theContourColoursTheForecastByFlowWhateverTheColouringAndItsLegendNamesEachHalfsScale() {
        vm.toNewestOrigin();
        vm.colourByProperty().set(ColourBy.FLOW);
        ContourData flow = vm.contour().contourProperty().get();
        int afterOrigin = flow.originStep() + 1;
        assertThat(flow.levels()[afterOrigin][1]).isNotNaN();
        assertThat(flow.levels()[afterOrigin][0]).as("no forecast stored for station 11").isNaN();
        assertThat(flow.legend()).extracting(ContourData.Scale::label).containsExactly("observed and forecast flow, lane use");

        vm.colourByProperty().set(ColourBy.SPEED);
        ContourData speed = vm.contour().contourProperty().get();
        assertThat(speed.levels()[afterOrigin][1]).as("the forecast half is not grey by speed").isEqualTo(flow.levels()[afterOrigin][1]);
        assertThat(speed.message()).isEmpty();
        assertThat(speed.legend()).extracting(ContourData.Scale::label)
                .containsExactly("left of the line: observed speed", "right: forecast flow, lane use");
        assertThat(speed.legend().get(0).free()).isEqualTo("65 mph");

        vm.stepOrigin(-1);
        assertThat(vm.contour().contourProperty().get().legend()).as("no forecast from this origin: one scale")
                .extracting(ContourData.Scale::label).containsExactly("observed speed");
    }

    @Test
    void theOriginsOfferedAreTheChosenRunsOnly() {
        assertThat(vm.firstOriginProperty().get()).isEqualTo(100);
        assertThat(vm.lastOriginProperty().get()).isEqualTo(200);
        vm.stepOrigin(-1_000);
        assertThat(vm.originTime()).isEqualTo(START.plus(STEP.multipliedBy(100)));
        assertThat(vm.moveOriginTo(START)).as("before the run's first origin").isFalse();
        assertThat(vm.originProperty().get()).isEqualTo(100);
        assertThat(vm.moveOriginTo(LAST_ORIGIN)).isTrue();
        assertThat(vm.originTime()).isEqualTo(LAST_ORIGIN);
        assertThat(vm.followingProperty().get()).isFalse();
    }

    @Test
    void aStartingOriginOutsideTheRunSaysWhichOriginsThereAreInPacificTimeWithItsZone() {
        List<String> problems = new StartingChoices(null, null, START, null, false).applyTo(vm);
        assertThat(problems).singleElement().asString().contains("origin 2023-03-06 00:00 PST is outside the origins offered",
                "2023-03-06 08:20 PST to 2023-03-06 16:40 PST", "run 1's", "showing 2023-03-06 08:20 PST");
    }

    @Test
    void anOriginWithoutAForecastSaysSoInEveryPanelAndTheLegendNamesNoForecast() {
        assertThat(vm.originTime()).as("the peak: no forecast stored from it").isNotEqualTo(LAST_ORIGIN);
        AttentionData attention = vm.forecast().attentionProperty().get();
        assertThat(attention.message()).contains("There is no forecast at this origin", "run 1 (at-conv-lstm) has none from",
                "PST").doesNotContain("has no attention weights");
        ForecastChartData chart = vm.forecast().chartProperty().get();
        assertThat(chart.shortLabel()).isEmpty();
        assertThat(chart.longLabel()).isEmpty();
        assertThat(vm.forecast().contributionsProperty().get().parts()).isEmpty();

        vm.toNewestOrigin();
        chart = vm.forecast().chartProperty().get();
        assertThat(chart.shortLabel()).isEqualTo("forecast ≤ 30 min");
        assertThat(chart.longLabel()).isEqualTo("forecast 35 min – 2 h");
        assertThat(vm.forecast().attentionProperty().get().message()).isEmpty();
    }

    @Test
    void aOneHourForecastsLegendEndsAtAnHour() {
        List<ForecastChartData.Point> points = new ArrayList<>();
        for (int h = 1; h <= 12; h++) {
            points.add(new ForecastChartData.Point(h, 100));
        }
        ForecastChartData hour = new ForecastChartData("", List.of(), List.of(), points.subList(0, 6), points.subList(5, 12), List.of(),
                List.of(), 0, "");
        assertThat(hour.shortLabel()).isEqualTo("forecast ≤ 30 min");
        assertThat(hour.longLabel()).isEqualTo("forecast 35–60 min");
    }

    @Test
    void theCorridorsTilesShowBeforeThePanelsAreReadAndBusyHoldsUntilTheLast() {
        DeferredExecutor deferred = new DeferredExecutor();
        DashboardViewModel opening = new DashboardViewModel(reads, deferred, null, 28);
        opening.open();
        assertThat(opening.busyProperty().get()).isTrue();
        deferred.runOne();
        assertThat(opening.tiles().stations()).as("the corridor's tiles, from its readings alone").hasSize(3);
        assertThat(opening.forecast().chartProperty().get().title()).as("the chart not read yet").isEmpty();
        assertThat(opening.busyProperty().get()).isTrue();
        deferred.runAll();
        assertThat(opening.forecast().chartProperty().get().title()).contains("Station 12");
        assertThat(opening.busyProperty().get()).isFalse();
    }

    /** Holds work until the test releases it, one read at a time. */
    private static final class DeferredExecutor implements TaskExecutor {
        private final Deque<Runnable> pending = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            pending.add(() -> TaskExecutor.callingThread().execute(work, onSuccess, onFailure));
        }

        void runOne() {
            pending.poll().run();
        }

        void runAll() {
            while (!pending.isEmpty()) {
                pending.poll().run();
            }
        }
    }
}
