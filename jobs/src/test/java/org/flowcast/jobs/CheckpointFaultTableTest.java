package org.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowcast.core.Channel;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.TrainingConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What training says when its checkpoint, the one file it reads and writes while it runs, fails, one row each: the
 * fault the trainer meets ({@code CHECKPOINT} stands for the checkpoint's path), whether the run resumes, and words of
 * the failure. Each names the checkpoint and what to do, in Flowcast's words, not a class name
 * ("java.io.IOException: No space left on device" was all a full disk said).
 */
class CheckpointFaultTableTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a full disk while a checkpoint is written", false, new IOException("No space left on device"),
                        "no space left on the device that holds the checkpoint CHECKPOINT; free some space, then continue with --resume"),
                Arguments.of("a checkpoint of another run's settings", true, new ModelFileException("CHECKPOINT: this checkpoint belongs "
                                + "to another model, data range or configuration; delete it to start afresh"),
                        "cannot resume from the checkpoint CHECKPOINT: this checkpoint belongs to another model, data range or "
                                + "configuration; rerun with the settings it was made with, or start afresh with --fresh"),
                Arguments.of("a damaged checkpoint", true, new ModelFileException("CHECKPOINT: checksum mismatch: the file is damaged"),
                        "cannot resume from the checkpoint CHECKPOINT: checksum mismatch"),
                Arguments.of("a folder that takes no checkpoint", false, new IOException("Permission denied"),
                        "the checkpoint CHECKPOINT could not be written: Permission denied; continue with --resume once that is fixed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCheckpointsFaultNamesItAndTheFix(String name, boolean resume, IOException fault, String words) throws Exception {
        Path model = dir.resolve("tcn-h12.fcm");
        Path checkpoint = model.resolveSibling("tcn-h12.fcm.checkpoint");
        if (resume) {
            Files.writeString(checkpoint, "an interrupted run's");
        }
        IOException named = fault instanceof ModelFileException
                ? new ModelFileException(fault.getMessage().replace("CHECKPOINT", checkpoint.toString())) : fault;
        ForecastTrainer failing = new ForecastTrainer() {
            @Override
            public String modelName() {
                return "tcn";
            }

            @Override
            public Forecaster fit(SensorSeries train, SensorSeries validation) {
                throw new UncheckedIOException(named);
            }
        };
        TrainService.Request request = new TrainService.Request("tcn", Map.of(), TrainingConfig.defaults(), EvaluationProtocol.of(12),
                model, resume, false);
        assertThatThrownBy(() -> new TrainService().train(new TrainService.Plan(request, failing), threeWeeks(), split -> { }))
                .isInstanceOf(JobException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(words.replace("CHECKPOINT", checkpoint.toString()))
                        .doesNotContain("java.io", "Exception"));
    }

    /** Two stations, three weeks of a flow that is always observed: enough for the protocol's split. */
    private static SensorSeries threeWeeks() {
        int steps = 3 * 7 * 288;
        SensorSeries.Builder builder = SensorSeries.builder(Instant.parse("2023-02-06T08:00:00Z"), SensorSeries.FIVE_MINUTES, steps,
                List.of(Station.unknown(1), Station.unknown(2)));
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < 2; s++) {
                builder.set(t, s, Channel.FLOW, 100 + (t % 288) / 3f + s, ValueState.OBSERVED);
            }
        }
        return builder.build();
    }
}
