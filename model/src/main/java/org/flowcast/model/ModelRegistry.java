package org.flowcast.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.model.neural.AttentionConvLstm;
import org.flowcast.model.neural.TemporalConvolutionNetwork;
import org.flowcast.model.neural.TransformerEncoder;
import org.flowcast.model.neural.NeuralArchitecture;
import org.flowcast.model.neural.NeuralForecaster;
import org.flowcast.model.neural.NeuralTrainer;
import org.flowcast.model.neural.RecurrentBaseline;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.statistical.HistoricalAverage;
import org.flowcast.model.statistical.LinearAutoregression;
import org.flowcast.model.statistical.Persistence;
import org.flowcast.model.statistical.SeasonalNaive;
import org.flowcast.model.statistical.StatisticalModelFiles;

/**
 * Every model Flowcast knows, by name: adding a model is one class and one line here. Each entry
 * makes a trainer from the shared {@link TrainingConfig} and the model's own parameters (text
 * overrides of its typed defaults); {@link #load} reads any model file back.
 */
public final class ModelRegistry {

    /** How a registered model is made. */
    public sealed interface Entry permits Neural, Statistical {
        String name();

        String description();

        /** The parameters {@code --param} may set, with their defaults, in the model's order. */
        Map<String, String> parameterDefaults();

        ForecastTrainer trainer(TrainingConfig config, Map<String, String> parameters, TrainingListener listener, Optional<Path> checkpoint);
    }

    /** A neural model: an architecture from its parameters, trained by the shared loop. */
    public record Neural(String name, String description, Function<Map<String, String>, NeuralArchitecture> architecture) implements Entry {
        @Override
        public Map<String, String> parameterDefaults() {
            return architecture.apply(Map.of()).hyperparameters();
        }

        @Override
        public ForecastTrainer trainer(TrainingConfig config, Map<String, String> parameters, TrainingListener listener,
                                       Optional<Path> checkpoint) {
            return new NeuralTrainer(architecture.apply(parameters), config, listener, checkpoint);
        }
    }

    /**
     * A statistical baseline, fitted in one pass. The factory receives every parameter, the defaults
     * filled in; a name not among the defaults is refused.
     */
    public record Statistical(String name, String description, Map<String, String> parameterDefaults,
                              java.util.function.BiFunction<TrainingConfig, Map<String, String>, ForecastTrainer> factory) implements Entry {
        public Statistical(String name, String description,
                           java.util.function.BiFunction<TrainingConfig, Map<String, String>, ForecastTrainer> factory) {
            this(name, description, Map.of(), factory);
        }

        @Override
        public ForecastTrainer trainer(TrainingConfig config, Map<String, String> parameters, TrainingListener listener,
                                       Optional<Path> checkpoint) {
            Map<String, String> all = new java.util.LinkedHashMap<>(parameterDefaults);
            parameters.forEach((key, value) -> {
                if (!parameterDefaults.containsKey(key)) {
                    throw new IllegalArgumentException("unknown parameter '" + key + "'; " + name
                            + (parameterDefaults.isEmpty() ? " takes none" : " takes " + parameterDefaults.keySet()));
                }
                all.put(key, value);
            });
            return factory.apply(config, all);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Neural(AttentionConvLstm.NAME, "attention-based Conv-LSTM with daily and weekly branches (Zheng et al. 2021)",
                    p -> new AttentionConvLstm(TypedParameters.override(AttentionConvLstm.Parameters.defaults(), p))),
            new Neural(RecurrentBaseline.LSTM, "stacked LSTM over the recent hour, sequence to vector",
                    p -> RecurrentBaseline.lstm(TypedParameters.override(RecurrentBaseline.Parameters.defaults(), p))),
            new Neural(RecurrentBaseline.GRU, "stacked hand-written GRU over the recent hour",
                    p -> RecurrentBaseline.gru(TypedParameters.override(RecurrentBaseline.Parameters.defaults(), p))),
            new Neural(TemporalConvolutionNetwork.NAME, "temporal convolutional network, dilations 1-8 (Bai et al. 2018)",
                    p -> new TemporalConvolutionNetwork(TypedParameters.override(TemporalConvolutionNetwork.Parameters.defaults(), p))),
            new Neural(TransformerEncoder.NAME, "2-layer Transformer encoder, 4 heads (Vaswani et al. 2017)",
                    p -> new TransformerEncoder(TypedParameters.override(TransformerEncoder.Parameters.defaults(), p))),
            new Statistical(Persistence.NAME, "repeats the last known flow", (c, p) -> Persistence.trainer(c.horizon())),
            new Statistical(SeasonalNaive.NAME, "the same slot one week (else one day) earlier", Map.of("weekly", "true"),
                    (c, p) -> SeasonalNaive.trainer(c.horizon(), weekly(p.get("weekly")))),
            new Statistical(HistoricalAverage.NAME, "mean of the same slot and day type over the training data",
                    (c, p) -> HistoricalAverage.trainer(c.horizon())),
            new Statistical(LinearAutoregression.NAME, "ridge-regressed linear AR per station on recent and periodic lags",
                    Map.of("lambda", "0.01"), (c, p) -> LinearAutoregression.trainer(c.horizon(), ridge(p.get("lambda")))));

    private ModelRegistry() {
    }

    private static boolean weekly(String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("weekly must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static double ridge(String text) {
        double lambda;
        try {
            lambda = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lambda must be a number, not '" + text + "'");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number of at least 0, not '" + text + "'");
        }
        return lambda;
    }

    public static List<Entry> all() {
        return ENTRIES;
    }

    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    public static Entry get(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown model '" + name + "'; the models are " + names()));
    }

    /** Reads a model file written by any registered model. */
    public static BatchForecaster load(Path file) throws ModelFileException {
        ModelFile.Contents contents = ModelFile.read(file);
        String kind = contents.manifest().path("kind").asText();
        String name = contents.manifest().path("model").asText();
        switch (kind) {
            case "statistical":
                return StatisticalModelFiles.load(file, contents);
            case "neural":
                Entry entry;
                try {
                    entry = get(name);
                } catch (IllegalArgumentException e) {
                    throw new ModelFileException(file + ": " + e.getMessage());
                }
                if (!(entry instanceof Neural neural)) {
                    throw new ModelFileException(file + ": " + name + " is not a neural model");
                }
                Map<String, String> hyper = new java.util.LinkedHashMap<>();
                contents.manifest().path("hyperparameters").fields().forEachRemaining(f -> hyper.put(f.getKey(), f.getValue().asText()));
                return NeuralForecaster.load(file, contents, neural.architecture().apply(hyper));
            default:
                throw new ModelFileException(file + ": a " + kind + " file, not a model; give a model file written by 'flowcast train'");
        }
    }
}
