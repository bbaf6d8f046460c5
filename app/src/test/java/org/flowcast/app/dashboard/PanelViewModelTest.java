package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.app.dashboard.viewmodel.ColourBy;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.ForecastChartData;
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
    void theContourShowsForecastFlowAfterTheOriginOnlyWhenColouredByFlow() {
        vm.toNewestOrigin();
        vm.colourByProperty().set(ColourBy.FLOW);
        var flow = vm.contour().contourProperty().get();
        int afterOrigin = flow.originStep() + 1;
        assertThat(flow.levels()[afterOrigin][1]).isNotNaN();
        assertThat(flow.levels()[afterOrigin][0]).as("no forecast stored for station 11").isNaN();
        vm.colourByProperty().set(ColourBy.SPEED);
        assertThat(vm.contour().contourProperty().get().levels()[afterOrigin][1]).isNaN();
    }
}
