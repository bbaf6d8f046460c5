package org.flowcast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Provenance;
import org.flowcast.model.neural.NeuralForecaster;
import org.flowcast.model.neural.TrainingListener;

/**
 * Continued training of a fitted model on newer data: a neural model goes on from its weights (and keeps its scaler) for
 * the budget's epochs or time; a statistical model, fitted in one pass, is fitted again with its own parameters. The new
 * model's provenance names its parent: the parent file's SHA-256, the data range the parent was fitted on, and the chain
 * of parents before it.
 */
public final class FineTuning {
    /** Provenance keys of a fine-tuned model. */
    public static final String PARENT = "fineTune.parent";
    public static final String PARENT_DATA = "fineTune.parentData";
    public static final String LINEAGE = "fineTune.lineage";

    private FineTuning() {
    }

    /** A trainer that continues {@code parent}'s training within {@code budget}'s epochs and time. */
    public static ForecastTrainer trainer(Forecaster parent, TrainingConfig budget, TrainingListener listener) {
        Forecaster bare = parent instanceof CalibratedForecaster c ? c.model() : parent;
        if (bare instanceof NeuralForecaster neural) {
            return neural.fineTuner(budget, listener);
        }
        ModelRegistry.Entry entry = ModelRegistry.get(parent.modelName());
        if (entry instanceof ModelRegistry.Statistical<?>) {
            Map<String, String> parameters = new LinkedHashMap<>();
            Map<String, String> recorded = parent.provenance().config();
            entry.parameterDefaults().keySet().stream().filter(recorded::containsKey).forEach(k -> parameters.put(k, recorded.get(k)));
            return entry.trainer(budget.withHorizon(parent.horizonSteps()), parameters, listener, Optional.empty());
        }
        throw new IllegalArgumentException(parent.modelName() + " cannot be fine-tuned: it is neither a neural nor a statistical model "
                + "of this version");
    }

    /** The fine-tuned model with its parent recorded in its provenance (and so in the file it saves). */
    public static StoredForecaster withParent(StoredForecaster child, Forecaster parent, String parentSha256) {
        Provenance p = parent.provenance();
        Map<String, String> config = new LinkedHashMap<>(child.provenance().config());
        config.put(PARENT, parentSha256);
        config.put(PARENT_DATA, p.dataFrom() + "/" + p.dataTo());
        String before = p.config().getOrDefault(LINEAGE, "");
        config.put(LINEAGE, before.isEmpty() ? parentSha256 : before + "," + parentSha256);
        return new LineageForecaster(child, child.provenance().withConfig(config));
    }
}
