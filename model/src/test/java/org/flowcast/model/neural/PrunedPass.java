package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.flowcast.model.autodiff.ParameterStore;
import org.flowcast.model.autodiff.Tape;
import org.flowcast.model.autodiff.Weights;

/**
 * A fixed random recent window and one parameter store for comparing a model that computes only what its head
 * reads with the whole network written out in a test: both passes read the same weights.
 */
final class PrunedPass {
    final GraphInputs inputs;
    private final ParameterStore store = new ParameterStore(7);
    private final Tape tape = new Tape(false);

    PrunedPass(int batch, int steps, int stations, int horizon) {
        int features = stations + 8;
        SplittableRandom random = new SplittableRandom(3);
        float[] input = new float[batch * steps * features];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (random.nextDouble() * 2 - 1);
        }
        inputs = new GraphInputs(tape.constant(input, batch, steps, features), null, null, stations, steps, horizon);
    }

    /** Weights on the shared store: the first pass creates them, later passes read the same values. */
    Weights weights() {
        return new Weights(store, tape);
    }

    /** The largest difference relative to max(1, |whole|), after checking the sizes agree. */
    static double worstDifference(float[] pruned, float[] whole) {
        assertThat(pruned).hasSameSizeAs(whole);
        double worst = 0;
        for (int i = 0; i < whole.length; i++) {
            worst = Math.max(worst, Math.abs(pruned[i] - whole[i]) / Math.max(1, Math.abs(whole[i])));
        }
        return worst;
    }
}
