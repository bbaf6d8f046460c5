package org.flowcast.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shift bench end to end on the smallest sample it can measure: three stations, two weeks, 20% more demand from day
 * 13 on; the eleven days before day 12 are the history, days 12 to 14 are replayed (864 steps per variant), the models
 * updated at the start of day 14. One run, shared by the tests: it is the slow part.
 */
class LiveShiftBenchTest {
    private static final String MODEL = "linear-ar";

    @TempDir
    static Path dir;

    private static ShiftBenchFigures figures;
    private static final List<String> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void runTheBenchOnce() throws JobException {
        TrainingSettings training = new TrainingSettings(12, 2, 7, 0.99, OptionalInt.empty(), Map.of());
        LiveShiftBench.Request request = new LiveShiftBench.Request(3, 2, 7, 1.2, 0, 13, 1, 1, 9, List.of(MODEL), training,
                Optional.of(dir.resolve("work")));
        figures = LiveShiftBench.run(request, PROGRESS::add);
    }

    private static ShiftBenchFigures.Coverage coverage(String period, String intervals) {
        return figures.coverage().stream().filter(c -> c.period().equals(period) && c.intervals().equals(intervals)).findFirst()
                .orElseThrow();
    }

    private static double mae(ShiftVariant variant, String period) {
        return figures.realised().stream().filter(r -> r.variant().equals(variant.label()) && r.period().equals(period)).findFirst()
                .orElseThrow().mae();
    }

    @Test
    void afterTheShiftTheAdaptiveIntervalsCoverCloserToNominalThanTheFixedOnes() {
        for (String period : List.of(ShiftTimeline.TO_UPDATE, ShiftTimeline.AFTER_UPDATE)) {
            ShiftBenchFigures.Coverage fixed = coverage(period, "fixed");
            ShiftBenchFigures.Coverage adaptive = coverage(period, "adaptive");
            // both counted over the same forecasts and values
            assertThat(adaptive.scored()).isEqualTo(fixed.scored()).isPositive();
            // 20% more demand than the calibration saw: the fixed intervals fall short of their level
            assertThat(fixed.coverage80()).as(period).isLessThan(0.75);
            assertThat(Math.abs(adaptive.coverage80() - 0.8)).as(period).isLessThan(Math.abs(fixed.coverage80() - 0.8));
            assertThat(Math.abs(adaptive.coverage95() - 0.95)).as(period).isLessThan(Math.abs(fixed.coverage95() - 0.95));
            assertThat(adaptive.width80()).as(period).isGreaterThan(fixed.width80());
        }
    }

    @Test
    void theVariantsDifferOnlyAfterTheUpdateWhereAnUpdatedModelBeatsTheOneNeverUpdated() {
        for (String period : List.of(ShiftTimeline.BEFORE, ShiftTimeline.TO_UPDATE)) {
            assertThat(mae(ShiftVariant.FINE_TUNED, period)).as(period).isEqualTo(mae(ShiftVariant.NEVER, period));
            assertThat(mae(ShiftVariant.FROM_SCRATCH, period)).as(period).isEqualTo(mae(ShiftVariant.NEVER, period));
        }
        // the shift raises the error of the model trained before it
        assertThat(mae(ShiftVariant.NEVER, ShiftTimeline.TO_UPDATE)).isGreaterThan(mae(ShiftVariant.NEVER, ShiftTimeline.BEFORE));
        assertThat(mae(ShiftVariant.FROM_SCRATCH, ShiftTimeline.AFTER_UPDATE)).isLessThan(mae(ShiftVariant.NEVER,
                ShiftTimeline.AFTER_UPDATE));
        ShiftBenchFigures.Update fineTune = figures.updates().stream().filter(u -> u.variant().equals(ShiftVariant.FINE_TUNED.label()))
                .findFirst().orElseThrow();
        // the fine-tune's verdict on its held-back day decides whether the replay after the update differs
        assertThat(mae(ShiftVariant.FINE_TUNED, ShiftTimeline.AFTER_UPDATE) == mae(ShiftVariant.NEVER, ShiftTimeline.AFTER_UPDATE))
                .isEqualTo(!fineTune.swapped());
        assertThat(PROGRESS).anyMatch(line -> line.startsWith("fine-tuned: fine-tuned " + MODEL))
                .anyMatch(line -> line.startsWith("from scratch: retrained " + MODEL));
    }

    @Test
    void theJsonHoldsEveryRowOfEveryTable() throws IOException {
        Path file = dir.resolve("bench-shift.json");
        figures.writeJson(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.get("bench").asText()).isEqualTo("shift");
        assertThat(json.get("setup").get("shift").asText()).isEqualTo(figures.setup().shift()).isNotEmpty();
        assertThat(json.get("setup").get("historyDays").asInt()).isEqualTo(11);
        assertThat(json.get("training")).hasSize(1);
        // three variants by three periods; two updates; fixed and adaptive in each period; three replays of three days
        assertThat(json.get("realised")).hasSize(9);
        assertThat(json.get("updates")).hasSize(2);
        assertThat(json.get("coverage")).hasSize(6);
        assertThat(json.get("replays")).hasSize(3);
        for (JsonNode replay : json.get("replays")) {
            assertThat(replay.get("steps").asInt()).isEqualTo(3 * 288);
        }
        for (JsonNode row : json.get("realised")) {
            assertThat(row.get("scored").asLong()).as(row.toString()).isPositive();
            assertThat(row.get("mae").asDouble()).as(row.toString()).isPositive();
        }
        for (JsonNode row : json.get("updates")) {
            assertThat(row.get("seconds").asDouble()).as(row.toString()).isPositive();
        }
        assertThat(json.get("coverage").get(0).get("coverage80").asDouble()).isEqualTo(figures.coverage().get(0).coverage80());
    }
}
