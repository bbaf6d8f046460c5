package org.flowcast.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.TrainingConfig;

/**
 * What the Spark job does for every corridor, as plain values that travel to the executors: the store's JDBC
 * URL, the model and its parameters, horizon, epochs and seed (the same defaults as {@code flowcast train}), where
 * model files go (any Hadoop-supported path), whether to write each corridor's newest forecasts back, and where to
 * write each corridor's back-test (the report of {@code flowcast evaluate}; null for none).
 */
public record JobSettings(String jdbcUrl, String model, Map<String, String> parameters, int horizon, int epochs, long seed,
                          String modelsFolder, boolean forecastLatest, String reportsFolder) implements Serializable {
    private static final long serialVersionUID = 1L;

    public JobSettings {
        parameters = new TreeMap<>(parameters);
    }

    public boolean backtest() {
        return reportsFolder != null;
    }

    /** The training configuration {@code flowcast train} builds from the same options. */
    public TrainingConfig config() {
        return TrainingConfig.defaults().withHorizon(horizon).withEpochs(epochs).withSeed(seed);
    }

    public EvaluationProtocol protocol() {
        return EvaluationProtocol.of(horizon);
    }

    /** What a model file is made from besides its data: a file made with the same is up to date. */
    public String trainingKey() {
        return "model=" + model + " parameters=" + parameters + " horizon=" + horizon + " epochs=" + epochs + " seed=" + seed;
    }

    /** The model file name of a corridor, as {@code flowcast train --corridor} names it. */
    public String fileName(String corridor) {
        return model + "-h" + horizon + "-" + corridor + ".fcm";
    }
}
