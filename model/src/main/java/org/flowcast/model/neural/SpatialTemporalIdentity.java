package org.flowcast.model.neural;

import org.flowcast.model.Bounds;
import org.flowcast.model.autodiff.Embedding;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * STID after Shao, Zhang, Wang, Wei and Xu (CIKM 2022), BasicTS's reference model: every station's recent
 * window through one shared MLP, with learned identities of the station, the time of day and the day of
 * week. With B the batch, P input steps, N stations and E the embedding size:
 * <pre>
 * recent flows [B, P, N] → per station [B·N, P] → dense → series embedding [B·N, E]
 * station identity: row of S [N, E]; time of day of the origin: row of T [288, E]; day of week of the origin:
 * row of D [7, E] (the one-hot products of the paper, as lookups)
 * concat [B·N, 4E] → blocks × (h + dense(dropout(ReLU(dense(h))))) → dense → [B·N, H] → [B, H·N]
 * </pre>
 * The series embedding reads flows only: the time features enter through their identities, as in STID.
 */
public final class SpatialTemporalIdentity extends RecentWindowArchitecture<SpatialTemporalIdentity.Parameters> {
    public static final String NAME = "stid";
    private static final int SLOTS_PER_DAY = WindowSpec.DAY_STEPS;
    private static final int DAYS = 7;

    /** Typed hyperparameters: the size of each embedding, the residual MLP blocks and their dropout while training. */
    public record Parameters(@Bounds(min = 1, max = 512) int embedding, @Bounds(min = 1, max = 16) int blocks, double dropout) {
        public Parameters {
            if (embedding < 1 || blocks < 1) {
                throw new IllegalArgumentException("embedding and blocks must be positive");
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
            }
        }

        /** BasicTS's STID settings: embeddings of 32, 3 blocks, dropout 0.15. */
        public static Parameters defaults() {
            return new Parameters(32, 3, 0.15);
        }
    }

    public SpatialTemporalIdentity(Parameters parameters) {
        super(NAME, parameters);
    }

    @Override
    public ModelSize size(WindowSpec spec, int stations) {
        long n = stations;
        long steps = spec.inputSteps();
        long e = p.embedding();
        long hidden = 4 * e;
        long weights = LayerSizes.dense(steps, e) + (n + SLOTS_PER_DAY + DAYS) * e + p.blocks() * 2 * LayerSizes.dense(hidden, hidden)
                + LayerSizes.dense(hidden, spec.horizon());
        // per station of a window: its flows, the three identities' embeddings, the joined features, each block's
        // three layers and the sum, and the head with its reordering
        long kept = n * (steps + 3 * e + 4 * e + hidden + p.blocks() * 4 * hidden + 3L * spec.horizon());
        return new ModelSize(weights, kept);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        int n = in.stations();
        int steps = in.inputSteps();
        int e = p.embedding();
        int hidden = 4 * e;
        Tensor perStation = in.recent().columns(0, n).swapLastTwo().reshape(-1, steps);           // [B·N, P]
        int rows = perStation.dim(0);
        Tensor series = Layers.dense(w, "series", perStation, steps, e);
        int[][] identities = identities(in.recent(), n, steps);
        // Lookups rather than one-hot rows times the tables: the same values, without products over 288 zero-filled columns
        Tensor station = Embedding.lookup(w.matrix("station", n, e), identities[0]);
        Tensor timeOfDay = Embedding.lookup(w.matrix("time_of_day", SLOTS_PER_DAY, e), identities[1]);
        Tensor dayOfWeek = Embedding.lookup(w.matrix("day_of_week", DAYS, e), identities[2]);
        Tensor h = Tensor.concatColumns(series, station, timeOfDay, dayOfWeek);                   // [B·N, 4E]
        for (int block = 0; block < p.blocks(); block++) {
            // the ReLU's output feeds the dropout alone, which may therefore drop into it
            Tensor inner = in.dropout().applyToRelu(Layers.denseRelu(w, "block" + block + "a", h, hidden, hidden), p.dropout());
            h = h.add(Layers.dense(w, "block" + block + "b", inner, hidden, hidden));
        }
        Tensor ahead = Layers.dense(w, "head", h, hidden, in.horizon());                          // [B·N, H]
        return new GraphOutputs(ahead.reshape(-1, n, in.horizon()).swapLastTwo().reshape(-1, in.horizon() * n), null);
    }

    /**
     * The identities of every window and station, as row indices: the station, the origin's five-minute slot of
     * the day and its day of week (read from the time features of the window's last step).
     */
    private static int[][] identities(Tensor recent, int n, int steps) {
        float[] data = recent.data();
        int features = n + WindowSpec.TIME_FEATURES;
        int windows = recent.dim(0);
        int[] station = new int[windows * n];
        int[] slot = new int[windows * n];
        int[] day = new int[windows * n];
        for (int b = 0; b < windows; b++) {
            int last = (b * steps + steps - 1) * features;
            int timeSlot = Math.floorMod(Math.round(data[last + n] * SLOTS_PER_DAY), SLOTS_PER_DAY);
            int weekday = 0;
            for (int d = 0; d < DAYS; d++) {
                if (data[last + n + 1 + d] > 0.5f) {
                    weekday = d;
                }
            }
            for (int s = 0; s < n; s++) {
                station[b * n + s] = s;
                slot[b * n + s] = timeSlot;
                day[b * n + s] = weekday;
            }
        }
        return new int[][] {station, slot, day};
    }
}
