package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.CorridorOutlook;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.DistrictViewModel;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.app.dashboard.viewmodel.TrafficLevel.Condition;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The district overview and the corridor switch over in-memory reads: two corridors, one with a stored forecast. */
class DistrictViewModelTest {
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2023-03-06T08:00:00Z");
    private static final Instant ORIGIN = START.plus(STEP.multipliedBy(100));
    private static final List<Station> NORTH = List.of(station(11, "N", 1.0), station(12, "N", 2.0), station(13, "N", 3.0));
    private static final List<Station> SOUTH = List.of(station(21, "S", 1.0), station(22, "S", 2.0));

    private InMemoryDashboardReads reads;
    private DashboardViewModel vm;

    private static Station station(int id, String direction, double postmile) {
        return new Station(id, 12, 5, direction, "ML", 4, postmile, 33.7, -117.8, "S" + id);
    }

    /** A 24-step forecast of {@code low} vehicles per 5 minutes, rising to {@code peak} at step 20 only. */
    private static StationForecast forecast(float low, float peak) {
        float[] values = new float[24];
        Arrays.fill(values, low);
        values[19] = peak;
        return new StationForecast(ORIGIN, values, values, values, values, values);
    }

    @BeforeEach
    void open() {
        SensorSeries.Builder series = SensorSeries.builder(START, STEP, 288, NORTH);
        for (int t = 0; t < 288; t++) {
            for (int s = 0; s < NORTH.size(); s++) {
                series.set(t, s, Channel.FLOW, 200, ValueState.OBSERVED);
                series.set(t, s, Channel.SPEED, 60, ValueState.OBSERVED);
            }
        }
        TimeRange origins = new TimeRange(ORIGIN, ORIGIN.plus(STEP));
        RunChoice north = new RunChoice(1, "linear-ar", 24, origins, 3, START, "5-N");
        // 4 lanes carry 8,000 veh/h at nominal capacity: 600 in 5 minutes is 90% of it, 50 is 7.5%
        reads = new InMemoryDashboardReads(new CorridorData("5-N", series.build(), List.of()))
                .withRun(north)
                .withRun(new RunChoice(2, "linear-ar", 24, origins, 2, START, "5-S"))
                .withRun(new RunChoice(3, "persistence", 24, origins, 3, START))
                .withOutlook(new CorridorOutlook("5-N", NORTH, Optional.of(north), Optional.of(ORIGIN),
                        Map.of(11, forecast(50, 50), 12, forecast(50, 600))))
                .withOutlook(CorridorOutlook.withoutForecast("5-S", SOUTH));
        vm = new DashboardViewModel(reads, TaskExecutor.callingThread(), null, 28);
        vm.open();
    }

    @Test
    void coloursEachStationByTheHighestCongestionForecastOverTheNextTwoHours() {
        vm.showDistrict();
        assertThat(vm.districtShownProperty().get()).isTrue();
        List<DistrictViewModel.Row> rows = vm.district().rows();
        assertThat(rows).extracting(DistrictViewModel.Row::corridor).containsExactly("5-N", "5-S");
        DistrictViewModel.Row north = rows.get(0);
        assertThat(north.cells()).extracting(DistrictViewModel.Cell::condition)
                .as("free all along; a jam at step 20 only; no forecast").containsExactly(Condition.FREE, Condition.CONGESTED,
                        Condition.UNKNOWN);
        assertThat(north.cells().get(1).level()).as("600 in 5 minutes on 4 lanes").isEqualTo(0.9);
        assertThat(north.congested()).isEqualTo(1);
        assertThat(north.outlook()).contains("linear-ar from", "1 near capacity, 0 busy");
        DistrictViewModel.Row south = rows.get(1);
        assertThat(south.cells()).extracting(DistrictViewModel.Cell::condition).containsOnly(Condition.UNKNOWN);
        assertThat(south.outlook()).contains("no stored forecast", "flowcast forecast --corridor 5-S --latest");
        assertThat(vm.district().summaryProperty().get()).contains("2 corridors, 1 with stored forecasts",
                "1 with a station forecast near capacity in the next 2 hours");
    }

    @Test
    void aOneHourRunSaysTheNextHourNotTwo() {
        RunChoice hour = new RunChoice(4, "linear-ar", 12, new TimeRange(ORIGIN, ORIGIN.plus(STEP)), 3, START, "5-N");
        float[] values = new float[12];
        Arrays.fill(values, 50);
        StationForecast shortForecast = new StationForecast(ORIGIN, values, values, values, values, values);
        InMemoryDashboardReads oneHour = new InMemoryDashboardReads(reads.corridor("5-N", 28).orElseThrow()).withRun(hour)
                .withOutlook(new CorridorOutlook("5-N", NORTH, Optional.of(hour), Optional.of(ORIGIN), Map.of(11, shortForecast)));
        DashboardViewModel model = new DashboardViewModel(oneHour, TaskExecutor.callingThread(), null, 28);
        model.open();
        model.showDistrict();
        DistrictViewModel.Row row = model.district().rows().get(0);
        assertThat(row.ahead()).isEqualTo("the next hour");
        assertThat(row.outlook()).endsWith("in the next hour");
        assertThat(model.district().summaryProperty().get()).contains("near capacity in the next hour").doesNotContain("2 hours");
    }

    @Test
    void offersEveryCorridorAndOnlyTheShownCorridorsOwnRuns() {
        assertThat(vm.corridors()).containsExactly("5-N", "5-S");
        assertThat(vm.chosenCorridorProperty().get()).isEqualTo("5-N");
        assertThat(vm.runs()).as("5-S's run forecasts other stations, and so does the run of no corridor (no forecast of 5-N's)")
                .extracting(RunChoice::id).containsExactly(1L);
    }

    @Test
    void choosingACorridorLoadsItAndLeavesTheOverview() {
        vm.showDistrict();
        vm.chosenCorridorProperty().set("5-S");
        assertThat(reads.lastCorridorAsked).isEqualTo("5-S");
        assertThat(vm.districtShownProperty().get()).isFalse();
        vm.showDistrict();
        vm.showCorridor("5-N");
        assertThat(reads.lastCorridorAsked).isEqualTo("5-N");
        assertThat(vm.districtShownProperty().get()).isFalse();
    }
}
