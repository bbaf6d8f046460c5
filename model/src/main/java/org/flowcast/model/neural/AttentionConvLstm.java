package org.flowcast.model.neural;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.model.Bounds;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * The attention-based Conv-LSTM after Zheng, Lin, Feng and Chen (IEEE T-ITS, 2021), predicting every
 * station and horizon step in one pass. With B the batch, P input steps, H horizon steps, N stations:
 * <pre>
 * recent [B, P, N+8] ── flows [B, P, N] ─ reshape [B·P, N, 1]
 *     conv1d k3 → 16, ReLU → conv1d k3 → 32, ReLU  (across neighbouring stations, corridor order)
 *     (channels last: [B·P, N, 16], [B·P, N, 32])
 *     reshape [B·P, 32·N] → dense 64, ReLU  (with the convolutions, one cache-blocked operation: ConvolutionStack)
 *     → concat time features [B, P, 8] → [B, P, 72]
 *     LSTM 64 → LSTM 64 → states h [B, P, 64], last state h_P [B, 64]
 *     temporal attention a_i = softmax_i(h_i · W h_P) → weights [B, P], context [B, 64]
 * daily  [B, P+H, N] → Bi-LSTM 32 per direction → final states [B, 64]
 * weekly [B, P+H, N] → Bi-LSTM 32 per direction → final states [B, 64]
 * head: concat [context, h_P, daily, weekly] [B, 256] → dense [B, H·N]
 *       + s_d ⊙ daily[:, P:, :] + s_w ⊙ weekly[:, P:, :]  (seasonal skip, s [H·N] learned from 0)
 *       + linear skip: each station's own [flows, daily, weekly] [P + 2(P+H)] · A [P + 2(P+H), H]
 *         (A shared by the stations, learned from 0; through [B·N, P + 2(P+H)]) → [B, H·N]
 *       → prediction [B, H·N]
 * </pre>
 * The periodic windows hold the same span (input and target steps) one day and one week earlier,
 * which keeps the error nearly flat as the horizon grows. Attention is per window; it weighs the steps
 * for the recurrent branch, while the linear skip weighs them alike in every window.
 */
public final class AttentionConvLstm implements NeuralArchitecture {

    /**
     * Typed hyperparameters. The sizes are the reference protocol's; two skips add what the reference lacks
     * (docs/benchmarks.md, "Benchmark figures": test MAE over five seeds at 24 steps and three at 12, this build).
     * {@code seasonalSkip}: for every station and step, a learned multiple of the flow at the same time one day
     * and one week earlier (24.80 ± 0.11 → 24.25 ± 0.21 at 24 steps, 24.58 ± 0.14 → 24.17 ± 0.22 at 12).
     * {@code linearSkip}: one linear autoregression that every station shares, over its own recent, day-earlier
     * and week-earlier windows (LSTNet's "highway", Lai et al. 2018), learned from 0 so that the networks learn
     * what it misses (with the seasonal skip: → 23.45 ± 0.26 at 24 steps, → 22.87 ± 0.11 at 12). Over the recent
     * window alone it gave 23.90; weights of its own for every station, or starting from persistence or from the
     * periodic mean, were worse. Both skips start from 0, so training starts from the plain head.
     */
    public record Parameters(@Bounds(min = 1, max = 256) int conv1Filters, @Bounds(min = 1, max = 256) int conv2Filters,
                             @Bounds(min = 1, max = 1024) int projection, @Bounds(min = 1, max = 8) int lstmLayers,
                             @Bounds(min = 1, max = 1024) int hidden, @Bounds(min = 1, max = 1024) int periodicHidden,
                             boolean daily, boolean weekly, boolean seasonalSkip, boolean linearSkip, boolean neighbourSkip) {
        /** Without the neighbours' recent flows in the linear skip. */
        public Parameters(int conv1Filters, int conv2Filters, int projection, int lstmLayers, int hidden, int periodicHidden,
                          boolean daily, boolean weekly, boolean seasonalSkip, boolean linearSkip) {
            this(conv1Filters, conv2Filters, projection, lstmLayers, hidden, periodicHidden, daily, weekly, seasonalSkip, linearSkip,
                    false);
        }

        public static Parameters defaults() {
            return new Parameters(16, 32, 64, 2, 64, 32, true, true, true, true, false);
        }
    }

    public static final String NAME = "at-conv-lstm";
    /** The additive parts of its forecast: the recurrent head (recent traffic through attention, with the daily and weekly branches). */
    public static final String PART_HEAD = "recurrent head";
    /** The flow at the same time a day and a week earlier, each weighed per station and step. */
    public static final String PART_SEASONAL = "seasonal skip";
    /** The shared linear autoregression over each station's own recent, day- and week-earlier flows. */
    public static final String PART_LINEAR = "linear skip";
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
    public ModelSize size(WindowSpec spec, int stations) {
        long n = stations;
        long steps = spec.inputSteps();
        long periodic = spec.periodicSteps();
        long outputs = spec.horizon() * n;
        long weights = LayerSizes.convolve(3, 1, p.conv1Filters()) + LayerSizes.convolve(3, p.conv1Filters(), p.conv2Filters())
                + LayerSizes.dense(n * p.conv2Filters(), p.projection());
        // the recent window, both convolutions' outputs before and after their ReLU, the projection and the joined sequence
        long kept = steps * spec.recentFeatures(stations) + 2 * steps * n * (p.conv1Filters() + p.conv2Filters())
                + steps * (2L * p.projection() + WindowSpec.TIME_FEATURES);
        long width = p.projection() + WindowSpec.TIME_FEATURES;
        for (int layer = 0; layer < p.lstmLayers(); layer++) {
            weights += LayerSizes.lstm(width, p.hidden());
            kept += LayerSizes.lstmKept(steps, p.hidden());
            width = p.hidden();
        }
        weights += (long) p.hidden() * p.hidden();
        kept += 2 * steps + 2L * p.hidden();
        long headWidth = 2L * p.hidden();
        long linearSteps = steps * (p.neighbourSkip() ? 3 : 1);
        for (boolean branch : new boolean[] {p.daily(), p.weekly()}) {
            if (branch) {
                weights += 2 * LayerSizes.lstm(n, p.periodicHidden()) + (p.seasonalSkip() ? outputs : 0);
                kept += 2 * periodic * n + 2 * LayerSizes.lstmKept(periodic, p.periodicHidden()) + (p.seasonalSkip() ? 3 * outputs : 0);
                headWidth += 2L * p.periodicHidden();
                linearSteps += periodic;
            }
        }
        weights += LayerSizes.dense(headWidth, outputs) + (p.linearSkip() ? linearSteps * spec.horizon() : 0);
        kept += headWidth + 2 * outputs + (p.linearSkip() ? 2 * n * linearSteps + 3 * outputs : 0);
        return new ModelSize(weights, kept);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        int n = in.stations();
        int steps = in.inputSteps();
        Tensor flows = in.recent().columns(0, n);
        Tensor time = in.recent().columns(n, in.features());
        Tensor perStep = flows.reshape(-1, n, 1);
        Tensor projected = Layers.convolveNeighboursThenProject(w, perStep, new int[] {p.conv1Filters(), p.conv2Filters()}, 3,
                "project", p.projection());
        Tensor sequence = Tensor.concatColumns(projected.reshape(-1, steps, p.projection()), time);
        int width = p.projection() + WindowSpec.TIME_FEATURES;
        for (int layer = 0; layer < p.lstmLayers(); layer++) {
            sequence = Layers.lstm(w, "lstm" + layer, sequence, width, p.hidden());
            width = p.hidden();
        }
        Layers.Attention attention = Layers.temporalAttention(w, "attention", sequence, p.hidden());
        List<Tensor> head = new ArrayList<>(List.of(attention.context(), sequence.lastStep()));
        int headWidth = 2 * p.hidden();
        if (p.daily()) {
            head.add(Layers.bidirectionalFinalStates(w, "daily", in.daily(), n, p.periodicHidden()));
            headWidth += 2 * p.periodicHidden();
        }
        if (p.weekly()) {
            head.add(Layers.bidirectionalFinalStates(w, "weekly", in.weekly(), n, p.periodicHidden()));
            headWidth += 2 * p.periodicHidden();
        }
        Tensor recurrent = Layers.dense(w, "head", Tensor.concatColumns(head.toArray(Tensor[]::new)), headWidth, in.outputs());
        Map<String, Tensor> parts = new LinkedHashMap<>();
        parts.put(PART_HEAD, recurrent);
        // added to the prediction one by one, in the order the weights were trained with; their sum is only the part shown
        Tensor prediction = recurrent;
        Tensor seasonal = null;
        if (p.seasonalSkip() && p.daily()) {
            seasonal = seasonalSkip(w, "skip_daily", in.daily(), in.outputs());
            prediction = prediction.add(seasonal);
        }
        if (p.seasonalSkip() && p.weekly()) {
            Tensor weekly = seasonalSkip(w, "skip_weekly", in.weekly(), in.outputs());
            prediction = prediction.add(weekly);
            seasonal = seasonal == null ? weekly : seasonal.add(weekly);
        }
        if (seasonal != null) {
            parts.put(PART_SEASONAL, seasonal);
        }
        if (p.linearSkip()) {
            List<Tensor> windows = new ArrayList<>(List.of(flows));
            if (p.neighbourSkip()) {
                // the up- and downstream neighbours' recent flows, in corridor order (the mean flow beyond the ends)
                windows.add(neighbours(w, flows, -1));
                windows.add(neighbours(w, flows, 1));
            }
            if (p.daily()) {
                windows.add(in.daily());
            }
            if (p.weekly()) {
                windows.add(in.weekly());
            }
            Tensor linear = linearSkip(w, "skip_linear", windows, in.horizon());
            prediction = prediction.add(linear);
            parts.put(PART_LINEAR, linear);
        }
        return new GraphOutputs(prediction, attention.weights(), parts);
    }

    /**
     * The recent flows [B, P, N] of each station's neighbour {@code offset} places along the corridor (0, the
     * mean flow, beyond the ends): a product with a constant shift matrix, so that gradients reach the input.
     */
    private static Tensor neighbours(Weights w, Tensor flows, int offset) {
        int n = flows.dim(2);
        float[] shift = new float[n * n];
        for (int s = 0; s < n; s++) {
            int from = s + offset;
            if (from >= 0 && from < n) {
                shift[from * n + s] = 1f;
            }
        }
        return flows.reshape(-1, n).matmul(w.tape().constant(shift, n, n)).reshape(-1, flows.dim(1), n);
    }

    /**
     * A linear autoregression of every station's own flows in the given windows ([B, T_i, N] each), its weights
     * [Σ T_i, H] shared by the stations and learned from 0: → [B, H·N] in the targets' step-major order.
     */
    private static Tensor linearSkip(Weights w, String name, List<Tensor> windows, int horizon) {
        int n = windows.get(0).dim(2);
        Tensor[] perStation = new Tensor[windows.size()];
        int steps = 0;
        for (int i = 0; i < perStation.length; i++) {
            perStation[i] = windows.get(i).swapLastTwo();
            steps += windows.get(i).dim(1);
        }
        Tensor joined = Tensor.concatColumns(perStation).reshape(-1, steps);
        Tensor ahead = joined.matmul(w.zeros(name, steps * horizon).reshape(steps, horizon));
        return ahead.reshape(-1, n, horizon).swapLastTwo().reshape(-1, horizon * n);
    }

    /**
     * {@code s ⊙ periodic[:, P:, :]}: the flows at the target times a day or a week earlier, [B, H·N] in the
     * targets' step-major order, each scaled by its own learned weight (from 0, so that training starts
     * from the plain head).
     */
    private static Tensor seasonalSkip(Weights w, String name, Tensor periodic, int span) {
        int width = periodic.dim(1) * periodic.dim(2);
        Tensor sameTimeEarlier = periodic.reshape(-1, width).columns(width - span, width);
        int rows = sameTimeEarlier.dim(0);
        float[] ones = new float[rows];
        Arrays.fill(ones, 1f);
        // [B, 1] × [1, H·N]: the weights repeated for every window, through operations that have gradients.
        Tensor weights = w.tape().constant(ones, rows, 1).matmul(w.zeros(name, span).reshape(1, span));
        return sameTimeEarlier.mul(weights);
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
        map.put("seasonalSkip", String.valueOf(p.seasonalSkip()));
        map.put("linearSkip", String.valueOf(p.linearSkip()));
        map.put("neighbourSkip", String.valueOf(p.neighbourSkip()));
        return map;
    }
}
