package org.flowcast.model.neural;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcast.model.window.WindowSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The attention-based Conv-LSTM after Zheng, Lin, Feng and Chen (IEEE T-ITS, 2021), predicting every
 * station and horizon step in one pass. With B the batch, P input steps, H horizon steps, N stations:
 * <pre>
 * recent [B, P, N+8] ── flows [B, P, N] ─ reshape [B·P, N, 1]
 *     conv1d k3 → 16, ReLU → conv1d k3 → 32, ReLU  (across neighbouring stations, corridor order)
 *     (channels last: [B·P, N, 16], [B·P, N, 32])
 *     reshape [B·P, 32·N] → dense 64, ReLU → concat time features [B, P, 8] → [B, P, 72]
 *     LSTM 64 → LSTM 64 → states h [B, P, 64], last state h_P [B, 64]
 *     temporal attention a_i = softmax_i(h_i · W h_P) → weights [B, P], context [B, 64]
 * daily  [B, P+H, N] → Bi-LSTM 32 per direction → final states [B, 64]
 * weekly [B, P+H, N] → Bi-LSTM 32 per direction → final states [B, 64]
 *     (the four directions run as one grouped LSTM, weights [4, N, 128] and [4, 32, 128])
 * head: concat [context, h_P, daily, weekly] [B, 256] → dense → prediction [B, H·N]
 * </pre>
 * The periodic windows hold the same span (input and target steps) one day and one week earlier,
 * which keeps the error nearly flat as the horizon grows. Attention is per window.
 */
public final class AttentionConvLstm implements NeuralArchitecture {

    /** Typed hyperparameters with the defaults of the reference protocol. */
    public record Parameters(int conv1Filters, int conv2Filters, int projection, int lstmLayers, int hidden, int periodicHidden,
                             boolean daily, boolean weekly) {
        public static Parameters defaults() {
            return new Parameters(16, 32, 64, 2, 64, 32, true, true);
        }
    }

    public static final String NAME = "at-conv-lstm";
    private final Parameters p;

    public AttentionConvLstm(Parameters parameters) {
        this.p = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WindowSpec windowSpec(int inputSteps, int horizon) {
        return new WindowSpec(inputSteps, horizon, p.daily(), p.weekly());
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        SameDiff sd = in.sd();
        int n = in.stations();
        int steps = in.inputSteps();
        SDVariable flows = Layers.features(in.recent(), 0, n);
        SDVariable time = Layers.features(in.recent(), n, in.features());
        SDVariable perStep = sd.reshape(flows, -1, n, 1);
        SDVariable conv = sd.nn().relu(Layers.convolveNeighbours(w, "conv1", perStep, n, 1, p.conv1Filters(), 3), 0);
        conv = sd.nn().relu(Layers.convolveNeighbours(w, "conv2", conv, n, p.conv1Filters(), p.conv2Filters(), 3), 0);
        SDVariable projected = sd.nn().relu(Layers.dense(w, "project", sd.reshape(conv, -1, (long) p.conv2Filters() * n),
                (long) p.conv2Filters() * n, p.projection()), 0);
        SDVariable sequence = sd.concat(2, sd.reshape(projected, -1, steps, p.projection()), time);
        long width = p.projection() + org.flowcast.model.window.WindowSpec.TIME_FEATURES;
        Layers.LstmOutput lstm = null;
        for (int layer = 0; layer < p.lstmLayers(); layer++) {
            lstm = Layers.lstm(w, "lstm" + layer, sequence, steps, width, p.hidden(), false);
            sequence = lstm.sequence();
            width = p.hidden();
        }
        Layers.Attention attention = Layers.temporalAttention(w, "attention", lstm.sequence(), lstm.last(), steps, p.hidden());
        SDVariable head = sd.concat(1, attention.context(), lstm.last());
        long headWidth = 2L * p.hidden();
        // The periodic Bi-LSTMs (forward and backward over each window) run as one grouped LSTM.
        java.util.List<SDVariable> periodic = new java.util.ArrayList<>();
        if (p.daily()) {
            periodic.add(in.daily());
        }
        if (p.weekly()) {
            periodic.add(in.weekly());
        }
        if (!periodic.isEmpty()) {
            SDVariable[] inputs = new SDVariable[2 * periodic.size()];
            boolean[] reversed = new boolean[inputs.length];
            for (int i = 0; i < periodic.size(); i++) {
                inputs[2 * i] = periodic.get(i);
                inputs[2 * i + 1] = periodic.get(i);
                reversed[2 * i + 1] = true;
            }
            head = sd.concat(1, head, Layers.groupedLstmFinalStates(w, "periodic", inputs, reversed, in.inputSteps() + in.horizon(), n,
                    p.periodicHidden()));
            headWidth += (long) inputs.length * p.periodicHidden();
        }
        SDVariable prediction = Layers.dense(w, "head", head, headWidth, in.outputs());
        return new GraphOutputs(prediction, attention.weights());
    }

    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("conv1Filters", String.valueOf(p.conv1Filters()));
        map.put("conv2Filters", String.valueOf(p.conv2Filters()));
        map.put("projection", String.valueOf(p.projection()));
        map.put("lstmLayers", String.valueOf(p.lstmLayers()));
        map.put("hidden", String.valueOf(p.hidden()));
        map.put("periodicHidden", String.valueOf(p.periodicHidden()));
        map.put("daily", String.valueOf(p.daily()));
        map.put("weekly", String.valueOf(p.weekly()));
        return map;
    }
}
