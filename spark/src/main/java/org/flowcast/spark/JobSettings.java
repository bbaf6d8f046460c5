package org.flowcast.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.TrainingConfig;

/**
 * What the Spark job does for every corridor, as plain values that travel to the executors: the store's JDBC
 * URL, the model and the training settings of {@code flowcast train} (the same options, defaults and checks), where
 * model files go (any Hadoop-supported path), whether to write each corridor's newest forecasts back, and where to
 * write each corridor's back-test (the report of {@code flowcast evaluate}; null for none).
 */
public record JobSettings(String jdbcUrl, String model, Map<String, String> parameters, int horizon, int epochs, long seed,
                          double averageDecay, int trainSeconds, String modelsFolder, boolean forecastLatest, String reportsFolder)
        implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final double DEFAULT_AVERAGE_DECAY = 0.99;

    public JobSettings {
        parameters = new TreeMap<>(parameters);
    }

    /** The settings of a job from the shared training settings ({@code trainSeconds} 0: no budget). */
    public static JobSettings of(String jdbcUrl, String model, TrainingSettings training, String modelsFolder, boolean forecastLatest,
                                 String reportsFolder) {
        return new JobSettings(jdbcUrl, model, training.parameters(), training.horizon(), training.epochs(), training.seed(),
                training.averageDecay(), training.trainSeconds().orElse(0), modelsFolder, forecastLatest, reportsFolder);
    }

    public boolean backtest() {
        return reportsFolder != null;
    }

    /** The training settings these were made from. */
    public TrainingSettings training() {
        return new TrainingSettings(horizon, epochs, seed, averageDecay, trainSeconds > 0 ? OptionalInt.of(trainSeconds)
                : OptionalInt.empty(), parameters);
    }

    /** The training configuration {@code flowcast train} builds from the same options. */
    public TrainingConfig config() throws JobException {
        return training().config();
    }

    public EvaluationProtocol protocol() {
        return EvaluationProtocol.of(horizon);
    }

    /**
     * What a model file is made from besides its data: a file made with the same is up to date. Settings at their
     * defaults are left out, so that files made before they could be set stay up to date.
     */
    public String trainingKey() {
        return "model=" + model + " parameters=" + parameters + " horizon=" + horizon + " epochs=" + epochs + " seed=" + seed
                + (averageDecay == DEFAULT_AVERAGE_DECAY ? "" : " averageDecay=" + averageDecay)
                + (trainSeconds > 0 ? " trainSeconds=" + trainSeconds : "");
    }

    /** The model file name of a corridor, as {@code flowcast train --corridor} names it. */
    public String fileName(String corridor) {
        return ModelFiles.corridorFileName(model, horizon, corridor);
    }
}
