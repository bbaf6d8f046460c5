package org.flowcast.model.neural;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.TypedParameters;
import org.flowcast.model.autodiff.NumericBackend;
import org.flowcast.model.window.FlowMatrix;
import org.flowcast.model.window.WindowSpec;
import org.flowcast.model.window.Windows;
import org.flowcast.model.window.ZScore;

/**
 * Fits any {@link NeuralArchitecture}: refuses one whose training this heap cannot hold ({@link TrainingMemory}),
 * windows the training and validation series, fits the scaler on training data only, compiles the graph from
 * the seed and runs the {@link TrainingLoop}. Origins are
 * every step of a series whose whole lookback and horizon lie inside it, so a validation series
 * starts one lookback (a week, with weekly windows) before its first origin.
 */
public final class NeuralTrainer implements ForecastTrainer {
    private final NeuralArchitecture architecture;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Optional<Path> checkpoint;
    /** The fitted model whose weights and scaler training starts from (a fine-tune); empty to start from the seed. */
    private final Optional<NeuralForecaster> warmStart;

    public NeuralTrainer(NeuralArchitecture architecture, TrainingConfig config, TrainingListener listener, Optional<Path> checkpoint) {
        this(architecture, config, listener, checkpoint, Optional.empty());
    }

    NeuralTrainer(NeuralArchitecture architecture, TrainingConfig config, TrainingListener listener, Optional<Path> checkpoint,
                  Optional<NeuralForecaster> warmStart) {
        this.architecture = architecture;
        this.config = config;
        this.listener = listener;
        this.checkpoint = checkpoint;
        this.warmStart = warmStart;
    }

    public NeuralTrainer(NeuralArchitecture architecture, TrainingConfig config) {
        this(architecture, config, TrainingListener.NONE, Optional.empty());
    }

    @Override
    public String modelName() {
        return architecture.name();
    }

    @Override
    public int lookbackSteps() {
        return windowSpec().lookback();
    }

    public WindowSpec windowSpec() {
        return architecture.windowSpec(config.inputSteps(), config.horizon());
    }

    @Override
    public Forecaster fit(SensorSeries train, SensorSeries validation) {
        if (!Arrays.equals(train.stationIds(), validation.stationIds())) {
            throw new IllegalArgumentException("training and validation series must hold the same stations in the same order");
        }
        WindowSpec spec = windowSpec();
        // before anything of the model's size is allocated: a model this heap cannot train is refused with the estimate
        TrainingMemory.of(architecture, config, train.stationCount(), origins(train, spec) + origins(validation, spec))
                .require(Runtime.getRuntime().maxMemory());
        if (warmStart.isPresent() && !warmStart.get().stationIds().equals(train.stations().stream().map(st -> st.id()).toList())) {
            throw new IllegalArgumentException("a fine-tune trains on the stations of the model it starts from, in its order");
        }
        // a fine-tune keeps the scale its weights were learnt in
        ZScore scaler = warmStart.map(NeuralForecaster::scaler).orElseGet(() -> ZScore.fit(FlowMatrix.flows(train)));
        FlowMatrix trainMatrix = new FlowMatrix(train, scaler);
        FlowMatrix validationMatrix = new FlowMatrix(validation, scaler);
        Windows trainWindows = Windows.build(trainMatrix, spec, scaler, Windows.origins(trainMatrix, spec, true));
        Windows validationWindows = Windows.build(validationMatrix, spec, scaler, Windows.origins(validationMatrix, spec, true));
        if (trainWindows.count == 0 || validationWindows.count == 0) {
            throw new IllegalArgumentException("too little data: " + architecture.name() + " needs " + spec.lookback()
                    + " steps of history plus " + spec.horizon() + " target steps in both the training series ("
                    + train.length() + " steps) and the validation series (" + validation.length() + " steps)");
        }
        if (config.trainedStep() > 0) {
            onlyStep(trainWindows, config.trainedStep());
            onlyStep(validationWindows, config.trainedStep());
        }
        CompiledModel model = CompiledModel.compile(architecture, spec, train.stationCount(), config.seed());
        warmStart.ifPresent(parent -> model.setWeights(parent.weights()));
        listener.message(String.format("%s: %,d parameters, %,d training and %,d validation windows", architecture.name(),
                model.parameterCount(), trainWindows.count, validationWindows.count));
        Map<String, String> described = describe();
        // How long to train may change between a run and its resumption; what is trained may not.
        Map<String, String> identity = new LinkedHashMap<>(described);
        identity.remove("training.maxEpochs");
        identity.remove("training.timeBudgetSeconds");
        String fingerprint = identity + "|" + train.start() + "|" + train.end() + "|" + validation.start() + "|"
                + validation.end() + "|" + Arrays.toString(train.stationIds());
        TrainingLoop.Outcome outcome;
        try {
            outcome = new TrainingLoop(model, config, listener, checkpoint, fingerprint).run(trainWindows, validationWindows, scaler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener.message(outcome.bestEpoch() < 0 ? architecture.name() + ": " + outcome.stopReason() + "; no epoch finished"
                : String.format("%s: %s; best validation MAE %.2f at epoch %d", architecture.name(), outcome.stopReason(),
                outcome.bestValidationMae(), outcome.bestEpoch() + 1));
        described.put("epochsRun", String.valueOf(outcome.epochs()));
        described.put("stopReason", outcome.stopReason());
        described.put("bestEpoch", String.valueOf(outcome.bestEpoch() + 1));
        described.put("bestValidationMae", String.format(Locale.ROOT, "%.4f", outcome.bestValidationMae()));
        described.put("validationFrom", validation.start().toString());
        described.put("validationTo", validation.end().toString());
        Provenance provenance = Provenance.of(architecture.name(), described, train, config.seed())
                .withEnvironment("numericBackend", NumericBackend.describe());
        return new NeuralForecaster(architecture, spec, scaler, train.stations().stream().map(s -> s.id()).toList(), provenance,
                model, config);
    }

    /** The windows a series gives at most: every step with a whole lookback before it and horizon after it. */
    private static long origins(SensorSeries series, WindowSpec spec) {
        return Math.max(0, series.length() - spec.lookback() - spec.horizon() + 1);
    }

    /** Masks every target but those of one horizon step, so that the loss and the validation MAE see that step alone. */
    private static void onlyStep(Windows windows, int step) {
        int width = windows.spec.horizon() * windows.stations;
        for (int w = 0; w < windows.count; w++) {
            for (int h = 0; h < windows.spec.horizon(); h++) {
                if (h != step - 1) {
                    Arrays.fill(windows.mask, w * width + h * windows.stations, w * width + (h + 1) * windows.stations, 0f);
                }
            }
        }
    }

    private Map<String, String> describe() {
        Map<String, String> map = new LinkedHashMap<>();
        architecture.hyperparameters().forEach((k, v) -> map.put("model." + k, v));
        TypedParameters.toText(config).forEach((k, v) -> map.put("training." + k, v));
        return map;
    }
}
