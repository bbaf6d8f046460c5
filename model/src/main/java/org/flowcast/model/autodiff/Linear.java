package org.flowcast.model.autodiff;
import java.util.Arrays;

/**
 * A dense layer {@code x [.., k] · w [k, n] + b [n]}, optionally followed by a ReLU, as one operation:
 * the bias and ReLU are applied as the product leaves native memory, and the output's gradient is
 * copied to native memory once for both products of the backward pass.
 */
public final class Linear {
    private Linear() {
    }

    public static Tensor apply(Tensor x, Tensor w, Tensor b, boolean relu) {
        int k = x.last();
        if (w.shape().length != 2 || w.dim(0) != k || b.size() != w.dim(1)) {
            throw new IllegalArgumentException("cannot apply weights " + Arrays.toString(w.shape()) + " and bias of "
                    + b.size() + " to " + Arrays.toString(x.shape()));
        }
        int r = x.rows();
        int n = w.dim(1);
        Blas.Operand input = Blas.copy(Blas.Slot.FIRST, x.data(), 0, r * k);
        Blas.Operand weights = Blas.copy(Blas.Slot.SECOND, w.data(), 0, k * n);
        Blas.Operand product = Blas.workspace(Blas.Slot.THIRD, r * n);
        Blas.gemm(false, false, r, n, k, 1f, input, weights, 0f, product);
        float[] y = BiasRelu.out(product, b.data(), relu, r, n);
        int[] shape = x.shape();
        shape[shape.length - 1] = n;
        return x.node(y, shape, x.requiresGrad() || w.requiresGrad() || b.requiresGrad(), dy -> {
            BiasRelu.backward(dy, y, relu, b.requiresGrad() ? b.grad() : null, r, n);
            Blas.Operand gradient = Blas.copy(Blas.Slot.FIRST, dy, 0, r * n);
            if (x.requiresGrad()) {
                Blas.Operand transposed = Blas.copy(Blas.Slot.SECOND, w.data(), 0, k * n);
                Blas.Operand dx = Blas.workspace(Blas.Slot.THIRD, r * k);
                Blas.gemm(false, true, r, k, n, 1f, gradient, transposed, 0f, dx);
                dx.addTo(x.grad(), 0);
            }
            if (w.requiresGrad()) {
                Blas.Operand inputs = Blas.copy(Blas.Slot.SECOND, x.data(), 0, r * k);
                Blas.Operand dw = Blas.copy(Blas.Slot.THIRD, w.grad(), 0, k * n);
                Blas.gemm(true, false, k, n, r, 1f, inputs, gradient, 1f, dw);
                dw.copyTo(w.grad(), 0);
            }
        });
    }
}
