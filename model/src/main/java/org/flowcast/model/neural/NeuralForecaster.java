package org.flowcast.model.neural;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.AttentionWeights;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastPart;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ManifestFields;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.ProvenanceJson;
import org.flowcast.model.StoredForecaster;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.TypedParameters;
import org.flowcast.model.autodiff.NumericBackend;
import org.flowcast.model.window.FlowMatrix;
import org.flowcast.model.window.WindowSpec;
import org.flowcast.model.window.Windows;
import org.flowcast.model.window.ZScore;

/**
 * A fitted neural model: its graph with trained weights, the scaler and the stations it was fitted on.
 * Forecasts are made in batches; not thread-safe.
 */
public final class NeuralForecaster implements StoredForecaster {
    private static final int BATCH = 256;

    private final NeuralArchitecture architecture;
    private final WindowSpec spec;
    private final ZScore scaler;
    private final List<Integer> stationIds;
    private final Provenance provenance;
    private final CompiledModel model;
    private final TrainingConfig config;

    NeuralForecaster(NeuralArchitecture architecture, WindowSpec spec, ZScore scaler, List<Integer> stationIds,
                     Provenance provenance, CompiledModel model, TrainingConfig config) {
        this.architecture = architecture;
        this.spec = spec;
        this.scaler = scaler;
        this.stationIds = List.copyOf(stationIds);
        this.provenance = provenance;
        this.model = model;
        this.config = config;
    }

    @Override
    public String modelName() {
        return architecture.name();
    }

    @Override
    public int horizonSteps() {
        return spec.horizon();
    }

    @Override
    public int historySteps() {
        return spec.lookback();
    }

    @Override
    public List<Integer> stationIds() {
        return stationIds;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public Forecast predict(SensorSeries history, Instant origin) {
        int index = history.indexOf(origin);
        if (index < spec.lookback() - 1) {
            throw new IllegalArgumentException(architecture.name() + " needs " + spec.lookback() + " steps of history up to "
                    + origin + ", the series gives " + (index + 1));
        }
        return predictAll(history.sliceTime(index - spec.lookback() + 1, index + 1), List.of(origin)).get(0);
    }

    @Override
    public List<Forecast> predictAll(SensorSeries history, List<Instant> origins) {
        SensorSeries aligned = Arrays.equals(history.stationIds(), stationIds.stream().mapToInt(i -> i).toArray())
                ? history : history.selectStations(stationIds);
        FlowMatrix matrix = new FlowMatrix(aligned, scaler);
        int[] indices = new int[origins.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = aligned.indexOf(origins.get(i));
            if (indices[i] < spec.lookback() - 1) {
                throw new IllegalArgumentException(architecture.name() + " needs " + spec.lookback() + " steps of history up to "
                        + origins.get(i));
            }
        }
        Windows windows = Windows.build(matrix, spec, scaler, indices);
        List<Forecast> forecasts = new ArrayList<>(indices.length);
        int n = stationIds.size();
        for (int from = 0; from < windows.count; from += BATCH) {
            int to = Math.min(windows.count, from + BATCH);
            CompiledModel.Output result = model.predict(Batch.of(windows, null, from, to, false));
            float[] predicted = result.prediction();
            float[] attention = result.attention();
            for (int i = from; i < to; i++) {
                float[][] values = new float[spec.horizon()][n];
                int base = (i - from) * spec.horizon() * n;
                for (int h = 0; h < spec.horizon(); h++) {
                    for (int s = 0; s < n; s++) {
                        values[h][s] = scaler.unscale(predicted[base + h * n + s]);
                    }
                }
                Optional<AttentionWeights> weights = Optional.empty();
                if (attention != null) {
                    float[] row = Arrays.copyOfRange(attention, (i - from) * spec.inputSteps(), (i - from + 1) * spec.inputSteps());
                    weights = Optional.of(AttentionWeights.forWindow(row));
                }
                forecasts.add(new Forecast(architecture.name(), origins.get(i), aligned.step(), stationIds, values, List.of(), weights,
                        partsOf(result.parts(), base, n)));
            }
        }
        return forecasts;
    }

    /**
     * The forecast's additive parts in flow units: the first carries the scaler's mean as well, so that the
     * parts add up to the forecast, {@code mean + std · Σ part}.
     */
    private List<ForecastPart> partsOf(Map<String, float[]> parts, int base, int n) {
        List<ForecastPart> out = new ArrayList<>(parts.size());
        boolean first = true;
        for (Map.Entry<String, float[]> part : parts.entrySet()) {
            float[][] values = new float[spec.horizon()][n];
            for (int h = 0; h < spec.horizon(); h++) {
                for (int s = 0; s < n; s++) {
                    float z = part.getValue()[base + h * n + s];
                    values[h][s] = first ? scaler.unscale(z) : (float) (z * scaler.std());
                }
            }
            out.add(new ForecastPart(part.getKey(), values));
            first = false;
        }
        return out;
    }

    @Override
    public ModelFile.Contents contents() {
        ObjectNode manifest = ModelFile.newManifest("neural");
        manifest.put("model", architecture.name());
        ObjectNode hyper = manifest.putObject("hyperparameters");
        architecture.hyperparameters().forEach(hyper::put);
        ObjectNode training = manifest.putObject("training");
        TypedParameters.toText(config).forEach(training::put);
        manifest.put("scalerMean", scaler.mean());
        manifest.put("scalerStd", scaler.std());
        stationIds.forEach(manifest.putArray("stationIds")::add);
        ProvenanceJson.write(manifest, provenance);
        return new ModelFile.Contents(manifest, model.weights());
    }

    ZScore scaler() {
        return scaler;
    }

    Map<String, FloatArray> weights() {
        return model.weights();
    }

    /**
     * A trainer that goes on training this model on new data: the same architecture, stations and scaler, its weights
     * as the start, the budget's epochs and time limit (and, where it gives one, its seed) in place of its own.
     */
    public ForecastTrainer fineTuner(TrainingConfig budget, TrainingListener listener) {
        TrainingConfig tuned = config.withEpochs(budget.maxEpochs()).withSeed(budget.seed());
        if (budget.timeBudgetSeconds() > 0) {
            tuned = tuned.withTimeBudget(Duration.ofSeconds(budget.timeBudgetSeconds()));
        }
        return new NeuralTrainer(architecture, tuned, listener, Optional.empty(), Optional.of(this));
    }

    /** The numeric backend neural models run on here (ND4J's backend and product path); starts ND4J if nothing has yet. */
    public static String numericBackend() {
        return NumericBackend.describe();
    }

    /**
     * Rebuilds a forecaster from a model file's contents and the architecture its hyperparameters describe,
     * refusing a file whose weights hold a NaN or do not have the shapes its manifest's stations and training
     * settings give, or whose stations or horizon disagree with its provenance.
     */
    public static NeuralForecaster load(Path file, ModelFile.Contents contents, NeuralArchitecture architecture) throws ModelFileException {
        ObjectNode m = contents.manifest();
        Map<String, String> trainingText = new LinkedHashMap<>();
        m.path("training").fields().forEachRemaining(e -> trainingText.put(e.getKey(), e.getValue().asText()));
        TrainingConfig config;
        WindowSpec spec;
        try {
            config = TypedParameters.override(TrainingConfig.defaults(), trainingText);
            spec = architecture.windowSpec(config.inputSteps(), config.horizon());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ManifestFields(file, m).refused("training settings", "do not make a model (" + e.getMessage() + ")");
        }
        ManifestFields fields = new ManifestFields(file, m);
        fields.requireProvenanceAgrees("training horizon", config.horizon(), "training.horizon");
        fields.requireProvenanceAgrees("training inputSteps", config.inputSteps(), "training.inputSteps");
        List<Integer> stations = fields.stationIds();
        ZScore scaler = new ZScore(fields.flow("scalerMean", false), fields.flow("scalerStd", true));
        for (Map.Entry<String, ModelFile.FloatArray> weight : contents.arrays().entrySet()) {
            long nan = weight.getValue().nanCount();
            if (nan > 0) {
                throw fields.refusedFile("the weight " + weight.getKey() + " holds " + nan + " NaN " + (nan == 1 ? "value" : "values")
                        + ", which a trained model's weights never hold");
            }
        }
        CompiledModel model = CompiledModel.compile(architecture, spec, stations.size(), config.seed());
        try {
            model.setWeights(contents.arrays());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": " + e.getMessage() + "; the file does not fit this version's " + architecture.name());
        }
        return new NeuralForecaster(architecture, spec, scaler, stations, ProvenanceJson.read(m), model, config);
    }
}
