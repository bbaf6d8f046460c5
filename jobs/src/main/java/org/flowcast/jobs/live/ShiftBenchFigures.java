package org.flowcast.jobs.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.core.RunEnvironment;

/**
 * What a shift bench measured ({@code flowcast bench shift}), as flat rows for tables and JSON: the setup, the models'
 * training on the history, each variant's realised accuracy per model and period of target times, the updates and their
 * seconds, and the coverage of the fixed and the adaptive intervals of the models that were never updated.
 */
public record ShiftBenchFigures(Setup setup, List<Training> training, List<Realised> realised, List<Update> updates,
                                List<Coverage> coverage, List<Replay> replays, double seconds) {
    public ShiftBenchFigures {
        training = List.copyOf(training);
        realised = List.copyOf(realised);
        updates = List.copyOf(updates);
        coverage = List.copyOf(coverage);
        replays = List.copyOf(replays);
    }

    /**
     * The scenario: the shift in words (empty for none: a control run), the sample, the training settings, the corridor,
     * the history's days, the replay's 5-minute files and its timeline, and the newest days a fine-tune reads.
     */
    public record Setup(String shift, int stations, int weeks, long seed, int horizon, int epochs, String corridor, int historyDays,
                        int feedFiles, ShiftTimeline timeline, int fineTuneDays) {
    }

    /** A model trained on the history: seconds (reading, fitting, writing) and the data's span. */
    public record Training(String model, double seconds, Instant from, Instant to) {
    }

    /** A variant's model over one period of target times: the values scored, MAE and RMSE, from {@code forecast_score}. */
    public record Realised(String variant, String model, String period, Instant from, Instant to, long scored, double mae,
                           double rmse) {
    }

    /**
     * A model's update in a variant: seconds, whether the new model went live, both models' MAE on a fine-tune's
     * held-back day (NaN for a retrain), and the span of the data the new model was fitted on.
     */
    public record Update(String variant, String model, double seconds, boolean swapped, double heldBackMaeBefore,
                         double heldBackMaeAfter, Instant from, Instant to) {
    }

    /**
     * The realised coverage and mean width of one kind of interval ({@code fixed}: the model's split-conformal calibration;
     * {@code adaptive}: what the watcher issued) around a never-updated model's live forecasts over a period.
     */
    public record Coverage(String model, String period, String intervals, long scored, double coverage80, double coverage95,
                           double width80, double width95) {
    }

    /** A variant's replay: its seconds (updates included) and the 5-minute steps its watcher did. */
    public record Replay(String variant, double seconds, int steps) {
    }

    /** Writes every figure as JSON, with the code's commit and the machine it ran on (atomically: aside, then renamed). */
    public void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));
        ObjectNode root = json.createObjectNode();
        root.put("bench", "shift");
        root.put("codeCommit", FlowcastVersion.commit());
        root.putPOJO("environment", RunEnvironment.describe());
        root.put("seconds", seconds);
        root.set("setup", json.valueToTree(setup));
        root.set("training", json.valueToTree(training));
        root.set("realised", json.valueToTree(realised));
        root.set("updates", json.valueToTree(updates));
        root.set("coverage", json.valueToTree(coverage));
        root.set("replays", json.valueToTree(replays));
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        json.writeValue(partial.toFile(), root);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
