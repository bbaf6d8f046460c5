package org.flowcast.model.neural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.window.WindowSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An architecture's graph with the placeholders, outputs and loss every neural model shares: inputs
 * {@code recent}, {@code daily}, {@code weekly}; labels {@code target} and {@code mask}; the masked
 * MAE {@code loss} on z-scored flow. Owns the SameDiff instance; not thread-safe.
 */
public final class CompiledModel {
    static final String RECENT = "recent";
    static final String DAILY = "daily";
    static final String WEEKLY = "weekly";
    static final String TARGET = "target";
    static final String MASK = "mask";
    static final String LOSS = "loss";

    final SameDiff sd;
    final WindowSpec spec;
    final String prediction;
    final String attention;
    final List<String> parameters;

    private CompiledModel(SameDiff sd, WindowSpec spec, String prediction, String attention, List<String> parameters) {
        this.sd = sd;
        this.spec = spec;
        this.prediction = prediction;
        this.attention = attention;
        this.parameters = parameters;
    }

    /** Builds the graph; draws initial weights from ND4J's generator, which the caller seeds. */
    public static CompiledModel compile(NeuralArchitecture architecture, WindowSpec spec, int stations, DataType type) {
        SameDiff sd = SameDiff.create();
        int features = spec.recentFeatures(stations);
        SDVariable recent = sd.placeHolder(RECENT, type, -1, spec.inputSteps(), features);
        SDVariable daily = spec.daily() ? sd.placeHolder(DAILY, type, -1, spec.periodicSteps(), stations) : null;
        SDVariable weekly = spec.weekly() ? sd.placeHolder(WEEKLY, type, -1, spec.periodicSteps(), stations) : null;
        GraphInputs inputs = new GraphInputs(sd, recent, daily, weekly, stations, spec.inputSteps(), spec.horizon());
        GraphOutputs outputs = architecture.build(inputs, new Weights(sd, type));
        SDVariable prediction = outputs.prediction().rename("prediction");
        SDVariable target = sd.placeHolder(TARGET, type, -1, (long) stations * spec.horizon());
        SDVariable mask = sd.placeHolder(MASK, type, -1, (long) stations * spec.horizon());
        SDVariable absolute = sd.math().abs(prediction.sub(target)).mul(mask);
        absolute.sum().div(mask.sum().add(1.0)).rename(LOSS);
        sd.setLossVariables(LOSS);
        String attention = outputs.attention() == null ? null : outputs.attention().rename("attention").name();
        List<String> parameters = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                parameters.add(v.name());
            }
        }
        return new CompiledModel(sd, spec, prediction.name(), attention, parameters);
    }

    public long parameterCount() {
        long count = 0;
        for (String name : parameters) {
            count += sd.getArrForVarName(name).length();
        }
        return count;
    }

    INDArray parameter(String name) {
        return sd.getArrForVarName(name);
    }

    /** Copies of the current weights, for files and for restoring the best epoch. */
    Map<String, FloatArray> weights() {
        Map<String, FloatArray> weights = new LinkedHashMap<>();
        for (String name : parameters) {
            INDArray array = sd.getArrForVarName(name);
            weights.put(name, new FloatArray(array.shape(), array.castTo(DataType.FLOAT).dup('c').data().asFloat()));
        }
        return weights;
    }

    void setWeights(Map<String, FloatArray> weights) {
        for (String name : parameters) {
            FloatArray stored = weights.get(name);
            if (stored == null) {
                throw new IllegalArgumentException("the weights lack " + name);
            }
            INDArray current = sd.getArrForVarName(name);
            if (!java.util.Arrays.equals(current.shape(), stored.shape())) {
                throw new IllegalArgumentException("weight " + name + " has shape " + java.util.Arrays.toString(stored.shape())
                        + " where the graph has " + java.util.Arrays.toString(current.shape()));
            }
            current.assign(Nd4j.create(stored.values(), stored.shape(), 'c').castTo(current.dataType()));
        }
    }

    boolean hasAttention() {
        return attention != null;
    }
}
