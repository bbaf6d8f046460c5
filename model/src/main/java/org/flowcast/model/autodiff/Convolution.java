package org.flowcast.model.autodiff;

/**
 * A 1-D convolution along the middle axis of a channels-last tensor [A, L, Cin] as one operation: the
 * kernel [k·Cin, Cout] (tap-major), the bias, and optionally a ReLU. Tap {@code j} reads position
 * {@code l − offsets[j]}, zero outside the sequence. Computed as one product per tap ({@link TapProducts}).
 */
public final class Convolution {
    private Convolution() {
    }

    public static Tensor convolve(Tensor x, Tensor kernel, Tensor bias, int[] offsets, boolean relu) {
        int a = x.dim(0);
        int len = x.dim(1);
        int cin = x.dim(2);
        int k = offsets.length;
        int width = k * cin;
        int cout = kernel.dim(1);
        if (kernel.dim(0) != width || bias.size() != cout) {
            throw new IllegalArgumentException("kernel " + java.util.Arrays.toString(kernel.shape()) + " for " + k + " taps of "
                    + cin + " channels");
        }
        TapProducts taps = new TapProducts(a, len, cin, cout, offsets);
        BiasRelu out = new BiasRelu(bias.data(), cout, relu);
        float[] y = new float[a * len * cout];
        Blas.Operand product = taps.forward(taps.padded(Blas.Slot.FIRST, x.data(), 0, cin), kernel.data(), Blas.Slot.SECOND,
                Blas.Slot.THIRD);
        taps.forEachSequence((i, row) -> out.out(product.buffer(), row * cout, len * cout, y, i * len * cout));
        return x.node(y, new int[] {a, len, cout}, x.requiresGrad() || kernel.requiresGrad() || bias.requiresGrad(), dy -> {
            BiasRelu.backward(dy, y, relu, bias.requiresGrad() ? bias.grad() : null, a * len, cout);
            Blas.Operand gradient = taps.padded(Blas.Slot.FIRST, dy, 0, cout);
            if (kernel.requiresGrad()) {
                // The input copied again rather than kept from the forward pass: cheaper than holding it on the tape.
                taps.addKernelGradient(taps.padded(Blas.Slot.SECOND, x.data(), 0, cin), gradient, kernel.grad(), Blas.Slot.THIRD);
            }
            if (x.requiresGrad()) {
                taps.addUnpadded(taps.inputGradient(gradient, kernel.data(), Blas.Slot.SECOND, Blas.Slot.THIRD), cin, x.grad(), 0);
            }
        });
    }
}
