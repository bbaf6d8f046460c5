package org.flowcast.model.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A finite-difference check in double precision of one operation's hand-written backward pass. The
 * engine computes in float, so its own forward pass is too coarse for finite differences; instead the
 * operation's documented formula is written out here in double (the reference), and the engine's
 * float gradients of a random projection of the output are compared, element by element for every
 * input, with central differences of the reference (step 1e-6, so truncation and rounding both stay
 * below 1e-9). The engine's forward pass is also compared with the reference, so a check cannot pass
 * against a reference that computes something else.
 */
final class DoublePrecisionCheck {
    private static final double STEP = 1e-6;

    /** The worst errors found: forward relative to 1 + |reference|, gradient relative to |numeric| + |analytic| (floor 1e-3). */
    record Errors(double forward, double gradient, int elements) {
    }

    private DoublePrecisionCheck() {
    }

    /**
     * Checks an operation of the given input shapes (random values in ±1 from a fixed seed).
     *
     * @param engine    the operation on the engine's tensors
     * @param reference the same operation in double on flat row-major arrays
     */
    static Errors check(List<int[]> shapes, Function<List<Tensor>, Tensor> engine, Function<List<double[]>, double[]> reference) {
        SplittableRandom random = new SplittableRandom(17);
        List<float[]> inputs = new ArrayList<>();
        for (int[] shape : shapes) {
            int size = 1;
            for (int s : shape) {
                size *= s;
            }
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = (float) (random.nextDouble() * 2 - 1);
            }
            inputs.add(values);
        }
        Tape tape = new Tape(true);
        List<Tensor> leaves = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            leaves.add(tape.leaf(inputs.get(i).clone(), shapes.get(i)));
        }
        Tensor out = engine.apply(leaves);
        float[] projection = new float[out.size()];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) (random.nextDouble() - 0.5);
        }
        tape.backward(out.reshape(1, out.size()).matmul(tape.constant(projection, projection.length, 1)));

        List<double[]> exact = new ArrayList<>();
        for (float[] values : inputs) {
            double[] copy = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = values[i];
            }
            exact.add(copy);
        }
        double[] expected = reference.apply(exact);
        if (expected.length != out.size()) {
            throw new IllegalStateException("reference gives " + expected.length + " values, the engine " + out.size());
        }
        double forward = 0;
        for (int i = 0; i < expected.length; i++) {
            forward = Math.max(forward, Math.abs(out.data()[i] - expected[i]) / (1 + Math.abs(expected[i])));
        }
        double gradient = 0;
        int elements = 0;
        for (int input = 0; input < exact.size(); input++) {
            double[] values = exact.get(input);
            float[] analytic = leaves.get(input).grad();
            for (int i = 0; i < values.length; i++) {
                double original = values[i];
                values[i] = original + STEP;
                double plus = project(reference.apply(exact), projection);
                values[i] = original - STEP;
                double minus = project(reference.apply(exact), projection);
                values[i] = original;
                double numeric = (plus - minus) / (2 * STEP);
                gradient = Math.max(gradient, Math.abs(numeric - analytic[i]) / Math.max(Math.abs(numeric) + Math.abs(analytic[i]), 1e-3));
                elements++;
            }
        }
        return new Errors(forward, gradient, elements);
    }

    private static double project(double[] values, float[] projection) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * projection[i];
        }
        return sum;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
