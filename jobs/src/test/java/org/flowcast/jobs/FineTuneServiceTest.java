package org.flowcast.jobs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.FineTuning;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Champion and challenger: a model fine-tuned on the newest data replaces the one it started from only when it does better
 * on the held-back newest day.
 */
class FineTuneServiceTest {
    private static final Instant START = Instant.parse("2023-02-06T08:00:00Z");
    private static final int DAY = 288;

    @TempDir
    Path dir;

    /** Four stations of daily waves with noise; flows scaled by {@code factor} on the days {@code from} (inclusive) to {@code to}. */
    private static SensorSeries traffic(int days, double factor, int from, int to) {
        List<Station> stations = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            stations.add(Station.unknown(1000 + s));
        }
        SensorSeries.Builder b = SensorSeries.builder(START, SensorSeries.FIVE_MINUTES, days * DAY, stations);
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < days * DAY; t++) {
            double wave = 150 + 120 * Math.sin(2 * Math.PI * (t % DAY) / DAY - Math.PI / 2);
            double scale = t / DAY >= from && t / DAY < to ? factor : 1;
            for (int s = 0; s < 4; s++) {
                b.set(t, s, Channel.FLOW, (float) Math.max(1, wave * scale * (1 + 0.1 * s) + random.nextGaussian() * 8),
                        ValueState.OBSERVED);
            }
        }
        return b.build();
    }

    private static Forecaster historicalAverage(SensorSeries series) {
        TrainingConfig config = TrainingConfig.defaults();
        var trainer = ModelRegistry.get("historical-average").trainer(config, Map.of(), TrainingListener.NONE, Optional.empty());
        return ChronologicalSplit.of(series, EvaluationProtocol.LOOKBACK, 12, 0.79, 0.2).fit(trainer);
    }

    @Test
    void aChallengerFittedOnAShiftedRecentPastBeatsTheChampionOnAHeldBackDayOfTheSameShift() throws Exception {
        Forecaster champion = historicalAverage(traffic(14, 1, 0, 0));
        SensorSeries recent = traffic(28, 1.4, 14, 28).sliceTime(14 * DAY, 28 * DAY);
        FineTuneService.Challenge c = FineTuneService.challenge(champion, "a".repeat(64), recent, TrainingConfig.defaults(),
                TrainingListener.NONE);
        assertThat(c.challengerMae()).isLessThan(c.parentMae() * 0.8);
        assertThat(c.heldBack().from()).isEqualTo(recent.end().minus(Duration.ofDays(1)));
        assertThat(c.data().to()).isEqualTo(c.heldBack().from());
        assertThat(c.challenger().provenance().config()).containsEntry(FineTuning.PARENT, "a".repeat(64));
    }

    @Test
    void aChallengerFittedOnATemporaryShiftLosesToTheChampionWhenTheHeldBackDayIsBackToNormal() throws Exception {
        Forecaster champion = historicalAverage(traffic(14, 1, 0, 0));
        SensorSeries recent = traffic(28, 1.4, 14, 27).sliceTime(14 * DAY, 28 * DAY);
        FineTuneService.Challenge c = FineTuneService.challenge(champion, "b".repeat(64), recent, TrainingConfig.defaults(),
                TrainingListener.NONE);
        assertThat(c.challengerMae()).isGreaterThan(c.parentMae());
    }

    /** A database holding days 14 to 28 of {@link #traffic} as a long CSV loads them, with the shift given. */
    private Path databaseOf(SensorSeries series) throws Exception {
        StringBuilder csv = new StringBuilder("station,timestamp,flow\n");
        for (int t = 0; t < series.length(); t++) {
            for (int s = 0; s < series.stationCount(); s++) {
                csv.append(series.stations().get(s).id()).append(',').append(series.timeAt(t)).append(',')
                        .append(series.value(t, s, Channel.FLOW)).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("recent.csv"), csv);
        Path database = dir.resolve("db").resolve("flowcast");
        IngestService.ingest(database.toString(), List.of(file), IngestOptions.defaults(), IngestListener.NONE);
        return database;
    }

    static Stream<Arguments> shifts() {
        return Stream.of(Arguments.of("a shift that lasts into the held-back day", 28, true),
                Arguments.of("a shift that ended before the held-back day", 27, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shifts")
    void aFineTuneReplacesTheModelFileOnlyWhenTheChallengerWinsAndKeepsTheOldOne(String name, int shiftEnds, boolean wins)
            throws Exception {
        Path file = dir.resolve("historical-average-h12.fcm");
        historicalAverage(traffic(14, 1, 0, 0)).save(file);
        byte[] before = Files.readAllBytes(file);
        String parentSha = FineTuneService.sha256(file);
        Path database = databaseOf(traffic(28, 1.4, 14, shiftEnds).sliceTime(14 * DAY, 28 * DAY));
        FineTuneService.Outcome outcome;
        try (Workspace workspace = Workspace.open(database.toString())) {
            outcome = FineTuneService.fineTune(workspace, new FineTuneService.Request(file, TrainingConfig.defaults(), Duration.ofDays(14),
                    Optional.empty()), TrainingListener.NONE);
        }
        assertThat(outcome.replaced()).isEqualTo(wins);
        if (wins) {
            assertThat(outcome.challengerMae()).isLessThan(outcome.parentMae());
            assertThat(outcome.keptParent()).hasValueSatisfying(kept -> assertThat(kept).hasBinaryContent(before));
            assertThat(ModelRegistry.load(file).provenance().config()).containsEntry(FineTuning.PARENT, parentSha);
        } else {
            assertThat(outcome.challengerMae()).isGreaterThan(outcome.parentMae());
            assertThat(file).as("the champion stays, untouched").hasBinaryContent(before);
            assertThat(outcome.keptParent()).isEmpty();
        }
        assertThat(dir.resolve("historical-average-h12.fcm.new")).doesNotExist();
    }
}
