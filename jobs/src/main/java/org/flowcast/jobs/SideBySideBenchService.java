package org.flowcast.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.core.RunEnvironment;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.AttentionConvLstm;
import org.flowcast.model.neural.RecurrentBaseline;
import org.flowcast.model.neural.SpatialTemporalIdentity;
import org.flowcast.model.neural.TemporalConvolutionNetwork;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.neural.TransformerEncoder;

/**
 * Flowcast's training speed beside the PyTorch reference's on the same machine in one run: per model and pair, Flowcast's
 * fit then the reference's, alternating, so that both meet the same drift of the machine's speed. The ratio sets Flowcast's
 * steady samples/s (median from the third epoch on, past the JIT's warm-up) against PyTorch's median epoch.
 */
public final class SideBySideBenchService {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> TORCH_NAMES = Map.of(AttentionConvLstm.NAME, "atconvlstm",
            RecurrentBaseline.LSTM, "lstm", RecurrentBaseline.GRU, "gru", TemporalConvolutionNetwork.NAME, "tcn",
            TransformerEncoder.NAME, "transformer", SpatialTemporalIdentity.NAME, "stid");

    /** What to compare: Flowcast's benchmark request (its models those with a reference counterpart), the reference, pairs per model. */
    public record Request(ModelBenchService.Request flowcast, PyTorchReference reference, int pairs) {
    }

    /** One pair: Flowcast's figures and then the reference's, with the load average before and after each. */
    public record Pair(int pair, ModelBenchService.ModelFigures flowcast, PyTorchReference.Run torch, LoadAverage flowcastLoadBefore,
                       LoadAverage flowcastLoadAfter, LoadAverage torchLoadBefore, LoadAverage torchLoadAfter) {
    }

    /**
     * One model's comparison: medians over the pairs of Flowcast's steady samples/s (null where fewer than three epochs ran),
     * PyTorch's samples/s, their ratio, Flowcast's first-epoch share, and both pooled test MAEs; every pair's figures.
     */
    public record Comparison(String model, String torchModel, Double flowcastSteadySamplesPerSecond, double torchSamplesPerSecond,
                             Double ratio, Double flowcastFirstEpochShare, double flowcastMae, double torchMae, List<Pair> pairs) {
    }

    /** Everything the side-by-side measured, with where and on what; PyTorch's environment block as the reference wrote it. */
    public record Figures(String data, int horizon, int epochs, int patience, int pairs, long seed, String codeVersion, String codeCommit,
                          Map<String, String> environment, String numericBackend, JsonNode torchEnvironment, String measuredAt,
                          List<Comparison> models) {
        public void writeJson(Path file) throws IOException {
            JSON.writeValue(file.toFile(), this);
        }
    }

    /** What the run is doing: which side starts on which model and pair, and the reference's output lines. */
    public interface Progress {
        void started(String model, int pair, String side);

        void referenceLine(String line);
    }

    /** The reference's name for a Flowcast model; empty for one it has no counterpart of (the statistical models). */
    public static Optional<String> torchName(String model) {
        return Optional.ofNullable(TORCH_NAMES.get(model));
    }

    /** The registered models the reference has a counterpart of, in the registry's order. */
    public static List<String> comparableModels() {
        return ModelRegistry.names().stream().filter(TORCH_NAMES::containsKey).toList();
    }

    public Figures run(Request request, TrainingListener training, Progress progress) throws JobException {
        ModelBenchService.Request flowcast = request.flowcast();
        TrainingConfig config = flowcast.config();
        if (config.horizon() != 12 && config.horizon() != 24) {
            throw JobException.usage("the PyTorch reference forecasts 12 or 24 steps, not " + config.horizon());
        }
        ModelBenchService bench = new ModelBenchService();
        List<Comparison> comparisons = new ArrayList<>();
        JsonNode torchEnvironment = null;
        try (ScratchFolder scratch = new ScratchFolder("flowcast-torch")) {
            for (String model : flowcast.models()) {
                String torchModel = torchName(model).orElseThrow(() -> JobException.usage(model + " has no PyTorch counterpart"));
                List<Pair> pairs = new ArrayList<>();
                for (int pair = 1; pair <= request.pairs(); pair++) {
                    progress.started(model, pair, "Flowcast");
                    LoadAverage flowcastBefore = LoadAverage.now().orElse(null);
                    ModelBenchService.ModelFigures ours = bench.run(new ModelBenchService.Request(flowcast.data(), flowcast.series(),
                            List.of(model), flowcast.parameters(), config, flowcast.protocol()), training, m -> { }).models().get(0);
                    LoadAverage flowcastAfter = LoadAverage.now().orElse(null);
                    progress.started(torchModel, pair, "PyTorch");
                    LoadAverage torchBefore = LoadAverage.now().orElse(null);
                    PyTorchReference.Run theirs = request.reference().train(torchModel, config.horizon(), config.maxEpochs(),
                            config.patience(), config.seed(), scratch.path().resolve(torchModel + "-" + pair + ".json"),
                            progress::referenceLine);
                    pairs.add(new Pair(pair, ours, theirs, flowcastBefore, flowcastAfter, torchBefore, LoadAverage.now().orElse(null)));
                    torchEnvironment = theirs.environment();
                }
                comparisons.add(compare(model, torchModel, pairs));
            }
        } catch (IOException e) {
            throw new JobException("no scratch folder for the PyTorch reference's figures: " + e.getMessage(), e);
        }
        return new Figures(flowcast.data(), config.horizon(), config.maxEpochs(), config.patience(), request.pairs(), config.seed(),
                FlowcastVersion.current(), FlowcastVersion.commit(), RunEnvironment.describe(), ModelRegistry.numericBackend(),
                torchEnvironment, Instant.now().toString(), comparisons);
    }

    /** One model's medians over its pairs. */
    static Comparison compare(String model, String torchModel, List<Pair> pairs) {
        Double steady = median(pairs, p -> p.flowcast().steadySamplesPerSecond());
        double torch = median(pairs, p -> p.torch().samplesPerSecond());
        Double share = median(pairs, p -> p.flowcast().firstEpochShare());
        return new Comparison(model, torchModel, steady, torch, steady == null ? null : steady / torch, share,
                median(pairs, p -> p.flowcast().maeAverage()), median(pairs, p -> p.torch().maeAverage()), List.copyOf(pairs));
    }

    /** The median of a pair figure over the pairs that have it; null where none has. */
    private static Double median(List<Pair> pairs, Function<Pair, Double> figure) {
        List<Double> values = pairs.stream().map(figure).filter(Objects::nonNull).toList();
        OptionalDouble median = EpochThroughput.median(values);
        return median.isPresent() ? median.getAsDouble() : null;
    }
}
