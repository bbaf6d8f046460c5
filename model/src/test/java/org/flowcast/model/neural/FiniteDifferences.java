package org.flowcast.model.neural;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.flowcast.model.autodiff.ParameterStore;
import org.flowcast.model.autodiff.Tape;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;

/**
 * A central finite-difference check of a block's backward pass, for every parameter and for the input.
 * The loss is a fixed random projection of the block's output, summed in double, so that every output
 * element matters. The engine computes in float, so the step is 1e-2 and the error is measured
 * against max(|numeric| + |analytic|, 1e-2): a wrong term shows as an error near 1, float rounding
 * as one below 1e-2. Elements where the one-sided differences disagree (a ReLU switching inside the
 * step) are skipped, as DL4J's check does; at most a quarter may be.
 */
final class FiniteDifferences {
    private static final float SMOOTH_STEP = 1e-2f;

    private FiniteDifferences() {
    }

    /** The largest relative error over sampled elements of every parameter and of the input. */
    static double maxRelativeError(int[] inputShape, BiFunction<Weights, Tensor, Tensor> block) {
        return maxRelativeError(inputShape, block, SMOOTH_STEP);
    }

    /**
     * With a given step: blocks with ReLUs are piecewise linear in most parameters, so a smaller step
     * (1e-3) crosses fewer kinks and adds no truncation error.
     */
    static double maxRelativeError(int[] inputShape, BiFunction<Weights, Tensor, Tensor> block, float step) {
        final float EPSILON = step;
        SplittableRandom random = new SplittableRandom(5);
        int size = 1;
        for (int s : inputShape) {
            size *= s;
        }
        float[] input = new float[size];
        for (int i = 0; i < size; i++) {
            input[i] = (float) (random.nextDouble() - 0.5) * 2;
        }
        ParameterStore store = new ParameterStore(11);
        Tape probe = new Tape(false);
        float[] projection = new float[block.apply(new Weights(store, probe), probe.constant(input, inputShape)).size()];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) (random.nextDouble() - 0.5);
        }
        Tape tape = new Tape(true);
        Weights weights = new Weights(store, tape);
        Tensor x = tape.leaf(input, inputShape);
        Tensor out = block.apply(weights, x);
        Tensor loss = out.reshape(1, out.size()).matmul(tape.constant(projection, projection.length, 1));
        tape.backward(loss);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, float[]> analytic = new LinkedHashMap<>();
        weights.leaves().forEach((name, leaf) -> {
            values.put(name, leaf.data());
            analytic.put(name, leaf.grad());
        });
        values.put("input", input);
        analytic.put("input", x.grad());
        double worst = 0;
        double centre = loss(store, block, input, inputShape, projection);
        int checked = 0;
        int kinks = 0;
        for (String name : values.keySet()) {
            float[] array = values.get(name);
            float[] gradient = analytic.get(name);
            int n = array.length;
            for (int sample = 0; sample < Math.min(n, 25); sample++) {
                int i = n <= 25 ? sample : random.nextInt(n);
                float original = array[i];
                array[i] = original + EPSILON;
                double plus = loss(store, block, input, inputShape, projection);
                array[i] = original - EPSILON;
                double minus = loss(store, block, input, inputShape, projection);
                array[i] = original;
                double forward = (plus - centre) / EPSILON;
                double backward = (centre - minus) / EPSILON;
                if (Math.abs(forward - backward) > 0.05 * Math.max(Math.abs(forward), Math.abs(backward)) + 1e-2) {
                    // A ReLU switched inside the step: the loss has no derivative to compare with here.
                    kinks++;
                    continue;
                }
                checked++;
                double numeric = (plus - minus) / (2 * EPSILON);
                double exact = gradient[i];
                double error = Math.abs(numeric - exact) / Math.max(Math.abs(numeric) + Math.abs(exact), 1e-2);
                if (System.getenv("FD_DEBUG") != null && error > 1e-3) {
                    System.out.printf("%s[%d]: numeric %.8g analytic %.8g error %.3g%n", name, i, numeric, exact, error);
                }
                worst = Math.max(worst, error);
            }
        }
        if (kinks > checked / 4) {
            throw new IllegalStateException(kinks + " of " + (kinks + checked) + " sampled elements sit on a kink; use other inputs");
        }
        return worst;
    }

    private static double loss(ParameterStore store, BiFunction<Weights, Tensor, Tensor> block, float[] input, int[] shape,
                               float[] projection) {
        Tape tape = new Tape(false);
        float[] out = block.apply(new Weights(store, tape), tape.constant(input, shape)).data();
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += (double) out[i] * projection[i];
        }
        return sum;
    }
}
