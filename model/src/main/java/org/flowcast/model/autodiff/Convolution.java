package org.flowcast.model.autodiff;
import java.util.Arrays;

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
            throw new IllegalArgumentException("kernel " + Arrays.toString(kernel.shape()) + " for " + k + " taps of "
                    + cin + " channels");
        }
        TapProducts taps = new TapProducts(a, len, cin, cout, offsets);
        float[] y = new float[a * len * cout];
        taps.convolve(x.data(), 0, kernel.data(), new BiasRelu(bias.data(), cout, relu), y, 0);
        return x.node(y, new int[] {a, len, cout}, x.requiresGrad() || kernel.requiresGrad() || bias.requiresGrad(), dy -> {
            BiasRelu.backward(dy, y, relu, bias.requiresGrad() ? bias.grad() : null, a * len, cout);
            taps.backward(dy, x.data(), 0, kernel.data(), kernel.requiresGrad() ? kernel.grad() : null,
                    x.requiresGrad() ? x.grad() : null, 0);
        });
    }
}
