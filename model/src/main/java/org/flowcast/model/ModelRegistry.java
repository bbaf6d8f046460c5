package org.flowcast.model;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.model.neural.AttentionConvLstm;
import org.flowcast.model.neural.NeuralArchitecture;
import org.flowcast.model.neural.NeuralForecaster;
import org.flowcast.model.neural.NeuralTrainer;
import org.flowcast.model.neural.RecurrentBaseline;
import org.flowcast.model.neural.SpatialTemporalIdentity;
import org.flowcast.model.neural.TemporalConvolutionNetwork;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.neural.TrainingMemory;
import org.flowcast.model.neural.TransformerEncoder;
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

        /** The model's typed parameters with their default values. */
        Record defaults();

        /** The parameters {@code --param} may set, with their defaults, in the model's order. */
        default Map<String, String> parameterDefaults() {
            return TypedParameters.toText(defaults());
        }

        /**
         * Checks text overrides of the model's parameters without training anything.
         *
         * @throws IllegalArgumentException naming the model and what it takes, for an unknown name or a malformed value
         */
        default void checkParameters(Map<String, String> parameters) {
            TypedParameters.override(name(), defaults(), parameters);
        }

        ForecastTrainer trainer(TrainingConfig config, Map<String, String> parameters, TrainingListener listener,
                Optional<Path> checkpoint);

        /** Whether reports treat it as a baseline (the best baseline is what the other models are tested against). */
        boolean baseline();
    }

    /**
     * A neural model: an architecture from its typed parameters, trained by the shared loop. {@code olderFiles}
     * gives parameters added after model files were first written the value a file that lacks them was trained with.
     */
    public record Neural<R extends Record>(String name, String description, R defaults, Function<R, NeuralArchitecture> factory,
                                           Map<String, String> olderFiles) implements Entry {
        public Neural(String name, String description, R defaults, Function<R, NeuralArchitecture> factory) {
            this(name, description, defaults, factory, Map.of());
        }

        /** The architecture with the given parameters overriding the defaults. */
        public NeuralArchitecture architecture(Map<String, String> parameters) {
            return factory.apply(TypedParameters.override(name, defaults, parameters));
        }

        /**
         * What training it with these parameters on {@code stations} stations and {@code origins} training and
         * validation windows would hold in the heap; {@link TrainingMemory#require} refuses what the heap cannot.
         */
        public TrainingMemory trainingMemory(Map<String, String> parameters, TrainingConfig config, int stations, long origins) {
            return TrainingMemory.of(architecture(parameters), config, stations, origins);
        }

        @Override
        public ForecastTrainer trainer(TrainingConfig config, Map<String, String> parameters, TrainingListener listener,
                                       Optional<Path> checkpoint) {
            return new NeuralTrainer(architecture(parameters), config, listener, checkpoint);
        }

        /** The neural models are compared among themselves, not treated as baselines. */
        @Override
        public boolean baseline() {
            return false;
        }
    }

    /** A statistical baseline, fitted in one pass, from its typed parameters; {@code loader} reads its model file back. */
    public record Statistical<R extends Record>(String name, String description, R defaults,
                                                BiFunction<TrainingConfig, R, ForecastTrainer> factory,
                                                StatisticalModelFiles.Loader loader) implements Entry {
        @Override
        public ForecastTrainer trainer(TrainingConfig config, Map<String, String> parameters, TrainingListener listener,
                                       Optional<Path> checkpoint) {
            return factory.apply(config, TypedParameters.override(name, defaults, parameters));
        }

        @Override
        public boolean baseline() {
            return true;
        }
    }

    /** The parameters of a model that has none. */
    public record NoParameters() {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Neural<>(AttentionConvLstm.NAME,
                    "attention-based Conv-LSTM with daily and weekly branches (Zheng et al. 2021), seasonal and linear skips",
                    AttentionConvLstm.Parameters.defaults(), AttentionConvLstm::new, Map.of("linearSkip", "false", "neighbourSkip",
                            "false")),
            new Neural<>(RecurrentBaseline.LSTM, "stacked LSTM over the recent hour, sequence to vector",
                    RecurrentBaseline.Parameters.defaults(), RecurrentBaseline::lstm),
            new Neural<>(RecurrentBaseline.GRU, "stacked hand-written GRU over the recent hour",
                    RecurrentBaseline.Parameters.defaults(), RecurrentBaseline::gru),
            new Neural<>(TemporalConvolutionNetwork.NAME, "temporal convolutional network, dilations 1-8 (Bai et al. 2018)",
                    TemporalConvolutionNetwork.Parameters.defaults(), TemporalConvolutionNetwork::new),
            new Neural<>(TransformerEncoder.NAME, "2-layer Transformer encoder, 4 heads (Vaswani et al. 2017)",
                    TransformerEncoder.Parameters.defaults(), TransformerEncoder::new),
            new Neural<>(SpatialTemporalIdentity.NAME,
                    "STID: a shared MLP with station, time-of-day and day-of-week identities (Shao et al. 2022)",
                    SpatialTemporalIdentity.Parameters.defaults(), SpatialTemporalIdentity::new),
            new Statistical<>(Persistence.NAME, "repeats the last known flow", new NoParameters(), (c,
                    p) -> Persistence.trainer(c.horizon()),
                    Persistence::load),
            new Statistical<>(SeasonalNaive.NAME, "the same slot one week (else one day) earlier", SeasonalNaive.Parameters.defaults(),
                    (c, p) -> SeasonalNaive.trainer(c.horizon(), p.weekly()), SeasonalNaive::load),
            new Statistical<>(HistoricalAverage.NAME, "mean of the same slot and day type over the training data", new NoParameters(),
                    (c, p) -> HistoricalAverage.trainer(c.horizon()), HistoricalAverage::load),
            new Statistical<>(LinearAutoregression.NAME, "ridge-regressed linear AR per station on recent and periodic lags",
                    LinearAutoregression.Parameters.defaults(), (c, p) -> LinearAutoregression.trainer(c.horizon(), p.lambda()),
                    LinearAutoregression::load));

    private ModelRegistry() {
    }

    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The numeric backend the neural models run on here (ND4J's backend and product path); starts ND4J. */
    public static String numericBackend() {
        return NeuralForecaster.numericBackend();
    }

    /** Whether the named model is a baseline; false for a name the registry does not know. */
    public static boolean isBaseline(String name) {
        return ENTRIES.stream().anyMatch(e -> e.name().equals(name) && e.baseline());
    }

    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    public static Entry get(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown model '" + name + "'; the models are " + names()));
    }

    private static Entry entry(Path file, String name, List<Entry> entries) throws ModelFileException {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() ->
                new ModelFileException(file + ": unknown model '" + name + "'; the models are "
                        + entries.stream().map(Entry::name).toList()));
    }

    /** Reads a model file written by any registered model, with the calibration it carries. */
    public static Forecaster load(Path file) throws ModelFileException {
        return load(file, ENTRIES);
    }

    /** {@link #load} with the given entries registered (a test registers a toy model this way). */
    static Forecaster load(Path file, List<Entry> entries) throws ModelFileException {
        ModelFile.Contents contents = ModelFile.read(file);
        StoredForecaster model = model(file, contents, entries);
        return CalibratedForecaster.of(model, CalibrationJson.read(file, contents.manifest(), model.horizonSteps()));
    }

    private static StoredForecaster model(Path file, ModelFile.Contents contents, List<Entry> entries) throws ModelFileException {
        String kind = contents.manifest().path("kind").asText();
        String name = contents.manifest().path("model").asText();
        switch (kind) {
            case "statistical":
                Entry baseline = entry(file, name, entries);
                if (!(baseline instanceof Statistical<?> statistical)) {
                    throw new ModelFileException(file + ": " + name + " is not a statistical model");
                }
                return StatisticalModelFiles.load(file, contents, statistical.loader());
            case "neural":
                Entry entry = entry(file, name, entries);
                if (!(entry instanceof Neural<?> neural)) {
                    throw new ModelFileException(file + ": " + name + " is not a neural model");
                }
                Map<String, String> hyper = new LinkedHashMap<>();
                contents.manifest().path("hyperparameters").fields().forEachRemaining(f -> hyper.put(f.getKey(), f.getValue().asText()));
                neural.olderFiles().forEach(hyper::putIfAbsent);
                NeuralArchitecture architecture;
                try {
                    architecture = neural.architecture(hyper);
                } catch (IllegalArgumentException e) {
                    throw new ManifestFields(file, contents.manifest()).refused("hyperparameters", "do not make a " + name + ": "
                            + e.getMessage());
                }
                return NeuralForecaster.load(file, contents, architecture);
            default:
                throw new ModelFileException(file + ": a " + kind + " file, not a model; give a model file written by 'flowcast train'");
        }
    }
}
