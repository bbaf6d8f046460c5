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
import org.flowcast.app.dashboard.data.LiveAccuracy;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.DistrictViewModel;
import org.flowcast.app.dashboard.viewmodel.LiveAccuracyData;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in live operation over in-memory reads: a corridor of three stations whose day of readings moves on a
 * step at a time, a live run whose origins grow with it, two runs of forecast jobs, and realised accuracy.
 */
class LiveDashboardViewModelTest {
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2023-03-06T08:00:00Z");
    private static final int STEPS = 288;
    private static final List<Station> STATIONS = List.of(
            new Station(11, 12, 5, "N", "ML", 4, 1.0, 33.7, -117.8, "A"),
            new Station(12, 12, 5, "N", "ML", 4, 2.0, 33.7, -117.8, "B"),
            new Station(13, 12, 5, "N", "ML", 4, 3.0, 33.7, -117.8, "C"));
    private static final long LIVE = 7;

    private InMemoryDashboardReads reads;
    private DashboardViewModel vm;
    /** Steps the feed has delivered beyond the first day. */
    private int delivered;

    @BeforeEach
    void open() {
        Instant firstOrigin = START.plus(STEP.multipliedBy(200));
        reads = new InMemoryDashboardReads(corridor(0))
                .withRun(new RunChoice(3, "linear-ar", 12, new TimeRange(START.plus(STEP.multipliedBy(100)),
                        START.plus(STEP.multipliedBy(150))), 3, START, "5-N"))
                .withRun(new RunChoice(5, "at-conv-lstm", 12, new TimeRange(START.plus(STEP.multipliedBy(100)),
                        START.plus(STEP.multipliedBy(150))), 3, START, "5-N"))
                .withRun(liveRun(firstOrigin, newest()))
                .withForecast(LIVE, 13, forecast(newest()))
                .withOutlook(CorridorOutlook.withoutForecast("5-N", STATIONS));
        vm = new DashboardViewModel(reads, TaskExecutor.callingThread(), "5-N", 1);
        vm.open();
    }

    /** A day of readings ending {@code later} steps after the first day's end. */
    private static CorridorData corridor(int later) {
        SensorSeries.Builder series = SensorSeries.builder(START.plus(STEP.multipliedBy(later)), STEP, STEPS, STATIONS);
        for (int t = 0; t < STEPS; t++) {
            for (int s = 0; s < STATIONS.size(); s++) {
                series.set(t, s, Channel.FLOW, 100 + 50 * s, ValueState.OBSERVED);
                series.set(t, s, Channel.SPEED, 60, ValueState.OBSERVED);
            }
        }
        return new CorridorData("5-N", series.build(), List.of());
    }

    private static RunChoice liveRun(Instant from, Instant newestOrigin) {
        return new RunChoice(LIVE, "linear-ar", 12, new TimeRange(from, newestOrigin.plus(STEP)), 3, START, "5-N", true);
    }

    /** The newest step delivered. */
    private Instant newest() {
        return START.plus(STEP.multipliedBy(STEPS - 1L + delivered));
    }

    private static StationForecast forecast(Instant origin) {
        float[] values = new float[12];
        Arrays.fill(values, 120);
        return new StationForecast(origin, values, values, values, values, values);
    }

    /** The feed delivers one more 5-minute file and the watcher forecasts from it. */
    private void deliverAStep() {
        delivered++;
        reads.withCorridor(corridor(delivered)).withRun(liveRun(START.plus(STEP.multipliedBy(200)), newest()))
                .withForecast(LIVE, 13, forecast(newest()));
    }

    private static LiveAccuracy accuracy(double dayMae) {
        return accuracy(dayMae, true);
    }

    private static LiveAccuracy accuracy(double dayMae, boolean dayWhole) {
        return new LiveAccuracy(LIVE, "5-N", "linear-ar", 10.0, Optional.of(START), new LiveAccuracy.Realised(36, 9.5, 0.75, 0.97),
                new LiveAccuracy.Realised(3456, dayMae, 0.81, 0.94), 1440, dayWhole);
    }

    @Test
    void opensOnTheLiveRunsNewestOriginAndFollowsEachNewOriginOnRefresh() {
        assertThat(vm.selectedRunProperty().get().id()).isEqualTo(LIVE);
        assertThat(vm.originTime()).isEqualTo(newest());
        assertThat(vm.followingProperty().get()).isTrue();

        deliverAStep();
        vm.refresh();
        assertThat(vm.originTime()).isEqualTo(newest());
        assertThat(vm.originTextProperty().get()).contains("Tue 7 Mar 2023 00:00");
        assertThat(vm.chartProperty().get().title()).contains("forecast from Tue 7 Mar 2023 00:00 PST by linear-ar live");
        assertThat(vm.chartProperty().get().shortForecast()).isNotEmpty();

        deliverAStep();
        vm.refresh();
        assertThat(vm.originTime()).isEqualTo(newest());
    }

    @Test
    void anOriginPickedByHandStaysAtItsTimeUntilNewestOriginFollowsAgain() {
        vm.stepOrigin(-3);
        Instant picked = vm.originTime();
        assertThat(vm.followingProperty().get()).isFalse();

        deliverAStep();
        vm.refresh();
        assertThat(vm.originTime()).as("the day's window moved on a step; the origin kept its time").isEqualTo(picked);
        assertThat(vm.lastOriginProperty().get()).isEqualTo(STEPS - 1);

        vm.toNewestOrigin();
        assertThat(vm.followingProperty().get()).isTrue();
        assertThat(vm.originTime()).isEqualTo(newest());
        deliverAStep();
        vm.refresh();
        assertThat(vm.originTime()).isEqualTo(newest());
    }

    @Test
    void aStartingOriginStopsFollowing() {
        vm.moveOriginTo(START.plus(STEP.multipliedBy(210)));
        assertThat(vm.followingProperty().get()).isFalse();
        deliverAStep();
        vm.refresh();
        assertThat(vm.originTime()).isEqualTo(START.plus(STEP.multipliedBy(210)));
    }

    @Test
    void aRefreshThatFindsNothingNewReadsNoPanelAgain() {
        int before = reads.panelReads;
        vm.refresh();
        vm.refresh();
        assertThat(reads.panelReads).isEqualTo(before);
        assertThat(vm.originTime()).isEqualTo(newest());
    }

    @Test
    void theModelBoxHoldsOneEntryPerLiveRunAndEveryRunOfTheStationsGroupedByModelNewestFirst() {
        deliverAStep();
        vm.refresh();
        deliverAStep();
        vm.refresh();
        reads.withRun(new RunChoice(9, "linear-ar", 12, new TimeRange(START, START.plus(STEP)), 3, START, "5-N"));
        vm.refresh();
        assertThat(vm.runs()).extracting(RunChoice::id).containsExactly(5L, LIVE, 9L, 3L);
        assertThat(vm.runs().get(1).label()).startsWith("linear-ar live · 12 steps · since ").endsWith("run 7");
        assertThat(vm.selectedRunProperty().get().id()).isEqualTo(LIVE);
        assertThat(vm.selectedRunProperty().get()).isSameAs(vm.runs().get(1));
    }

    @Test
    void whileFollowingALiveRunThatStartsIsShown() {
        reads = new InMemoryDashboardReads(corridor(0)).withRun(new RunChoice(3, "linear-ar", 12, new TimeRange(
                START.plus(STEP.multipliedBy(100)), START.plus(STEP.multipliedBy(150))), 3, START, "5-N"));
        vm = new DashboardViewModel(reads, TaskExecutor.callingThread(), "5-N", 1);
        vm.open();
        assertThat(vm.selectedRunProperty().get().id()).isEqualTo(3);
        deliverAStep();
        vm.refresh();
        assertThat(vm.selectedRunProperty().get().id()).isEqualTo(LIVE);
        assertThat(vm.originTime()).isEqualTo(newest());
    }

    @Test
    void showsEachLiveModelsRealisedAccuracyBesideItsErrorBeforeLiveOperation() {
        reads.withLiveAccuracy(List.of(accuracy(11.5)));
        vm.refresh();
        LiveAccuracyData data = vm.liveAccuracy().accuracyProperty().get();
        assertThat(data.rows()).singleElement().satisfies(row -> {
            assertThat(row.model()).isEqualTo("linear-ar");
            assertThat(row.referenceMae()).isEqualTo(10.0);
            assertThat(row.hourMae()).isEqualTo(9.5);
            assertThat(row.dayMae()).isEqualTo(11.5);
            assertThat(row.coverage80()).isEqualTo(0.81);
            assertThat(row.coverage95()).isEqualTo(0.94);
            assertThat(row.testMae()).as("no evaluation").isNaN();
            assertThat(row.drifted()).as("15% above: within the margin").isFalse();
        });
        assertThat(vm.driftMarkProperty().get()).isEmpty();
    }

    @Test
    void aCorridorWhoseDayMaeDriftedPastTheMarginIsMarkedHereAndInTheDistrict() {
        reads.withLiveAccuracy(List.of(accuracy(13.0)));
        vm.refresh();
        assertThat(vm.driftMarkProperty().get()).contains("drift", "linear-ar", "13.00 against 10.00", "+30%");
        assertThat(vm.liveAccuracy().accuracyProperty().get().rows().get(0).drift()).isEqualTo("+30%");
        vm.showDistrict();
        assertThat(vm.district().rows()).extracting(DistrictViewModel.Row::drift).singleElement().asString().contains("+30%");

        reads.withLiveAccuracy(List.of(accuracy(13.0, false)));
        vm.refresh();
        assertThat(vm.driftMarkProperty().get()).as("part of a day: not held to a whole day's error").isEmpty();

        reads.withLiveAccuracy(List.of(accuracy(11.9)));
        vm.refresh();
        assertThat(vm.driftMarkProperty().get()).as("19%: within the margin").isEmpty();
        assertThat(vm.district().rows()).extracting(DistrictViewModel.Row::drift).containsOnly("");
        assertThat(vm.district().summaryProperty().get()).doesNotContain("drifted");
    }

    @Test
    void theDistrictOverviewReadsTheNewestForecastsOnRefresh() {
        vm.showDistrict();
        assertThat(vm.district().rows().get(0).outlook()).contains("no stored forecast");
        RunChoice live = liveRun(START, newest());
        reads.withOutlook(new CorridorOutlook("5-S", STATIONS, Optional.of(live), Optional.of(newest()),
                Map.of(13, forecast(newest()))));
        vm.refresh();
        assertThat(vm.district().rows()).hasSize(2);
        assertThat(vm.district().rows().get(1).outlook()).contains("linear-ar live from");
    }
}
