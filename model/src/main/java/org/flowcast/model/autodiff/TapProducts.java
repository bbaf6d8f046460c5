package org.flowcast.model.autodiff;

import java.nio.FloatBuffer;

/**
 * A 1-D convolution over sequences [A, L, Cin] as one matrix product per tap. The sequences are copied
 * to native memory with zero rows before and after each ([A, before + L + after, Cin]), so that tap
 * {@code j}, which reads position {@code l − offsets[j]}, is the same rows shifted by {@code offsets[j]}:
 * no gathered copy of every tap (im2col), whose element-by-element shuffle cost more than the products.
 * Taps that reach past the sequence at every position (a dilation beyond the window) read only zeros:
 * they are left out, and their kernel rows keep a zero gradient. Outputs are computed for every padded
 * row between the first sequence's first position and the last one's last; the rows between sequences
 * hold values that are never read.
 */
final class TapProducts {
    private final int a;
    private final int len;
    private final int cin;
    private final int cout;
    private final int[] offsets;
    private final int from;
    private final int to;
    private final int before;
    private final int after;
    private final int stride;

    TapProducts(int a, int len, int cin, int cout, int[] offsets) {
        this.a = a;
        this.len = len;
        this.cin = cin;
        this.cout = cout;
        this.offsets = offsets;
        int first = 0;
        while (first < offsets.length && Math.abs(offsets[first]) >= len) {
            first++;
        }
        int last = offsets.length;
        while (last > first && Math.abs(offsets[last - 1]) >= len) {
            last--;
        }
        from = first;
        to = last;
        int largest = 0;
        int smallest = 0;
        for (int j = from; j < to; j++) {
            largest = Math.max(largest, offsets[j]);
            smallest = Math.min(smallest, offsets[j]);
        }
        before = largest;
        after = -smallest;
        stride = before + len + after;
    }

    /** Rows of the padded layout. */
    private int paddedRows() {
        return a * stride;
    }

    /** Rows from the first sequence's first position to the last one's last, the rows every product covers. */
    private int spanned() {
        return Math.max(0, paddedRows() - before - after);
    }

    /**
     * The convolution of the sequences in {@code input[base..]} with {@code kernel}, finished by {@code out}
     * (bias and ReLU), into {@code y[yBase..]} laid out as [A, L, Cout]. Uses the slots FIRST to THIRD.
     */
    void convolve(float[] input, int base, float[] kernel, BiasRelu out, float[] y, int yBase) {
        FloatBuffer product = forward(padded(Blas.Slot.FIRST, input, base, cin), kernel, Blas.Slot.SECOND, Blas.Slot.THIRD).buffer();
        forEachSequence((i, row) -> out.out(product, row * cout, len * cout, y, yBase + i * len * cout));
    }

    /**
     * The backward pass of {@link #convolve} from the gradient of its output before bias and ReLU,
     * {@code gradient [A, L, Cout]}: adds into {@code dKernel} and into {@code dx[dxBase..]}, each unless null.
     * The input is copied again rather than kept from the forward pass. Uses the slots FIRST to THIRD.
     */
    void backward(float[] gradient, float[] input, int base, float[] kernel, float[] dKernel, float[] dx, int dxBase) {
        Blas.Operand paddedGradient = padded(Blas.Slot.FIRST, gradient, 0, cout);
        if (dKernel != null) {
            addKernelGradient(padded(Blas.Slot.SECOND, input, base, cin), paddedGradient, dKernel, Blas.Slot.THIRD);
        }
        if (dx != null) {
            addUnpadded(inputGradient(paddedGradient, kernel, Blas.Slot.SECOND, Blas.Slot.THIRD), cin, dx, dxBase);
        }
    }

    /** Copies sequences of {@code channels} values per position from {@code source[base..]} into the padded layout. */
    private Blas.Operand padded(Blas.Slot slot, float[] source, int base, int channels) {
        Blas.Operand padded = Blas.workspace(slot, paddedRows() * channels);
        FloatBuffer values = padded.buffer();
        float[] zeros = new float[Math.max(before, after) * channels];
        for (int i = 0; i < a; i++) {
            int row = i * stride;
            values.put(row * channels, zeros, 0, before * channels);
            values.put((row + before) * channels, source, base + i * len * channels, len * channels);
            values.put((row + before + len) * channels, zeros, 0, after * channels);
        }
        return padded;
    }

    /** The convolution without bias, {@code Σ_j x(l − offsets[j]) · K_j}, in the padded layout with {@code cout} channels. */
    private Blas.Operand forward(Blas.Operand input, float[] kernel, Blas.Slot kernelSlot, Blas.Slot outputSlot) {
        Blas.Operand weights = Blas.copy(kernelSlot, kernel, 0, kernel.length);
        Blas.Operand output = Blas.workspace(outputSlot, paddedRows() * cout);
        int rows = spanned();
        if (from == to) {
            output.zero();
            return output;
        }
        for (int j = from; j < to; j++) {
            Blas.gemm(false, false, rows, cout, cin, 1f, input.view((before - offsets[j]) * cin, rows * cin),
                    weights.view(j * cin * cout, cin * cout), j == from ? 0f : 1f, output.view(before * cout, rows * cout));
        }
        return output;
    }

    /** Adds {@code Σ_l x(l − offsets[j])ᵀ · g(l)} into the kernel's gradient rows of every used tap j. */
    private void addKernelGradient(Blas.Operand input, Blas.Operand gradient, float[] dKernel, Blas.Slot slot) {
        int used = (to - from) * cin * cout;
        Blas.Operand accumulated = Blas.copy(slot, dKernel, from * cin * cout, used);
        int rows = spanned();
        for (int j = from; j < to; j++) {
            Blas.gemm(true, false, cin, cout, rows, 1f, input.view((before - offsets[j]) * cin, rows * cin),
                    gradient.view(before * cout, rows * cout), 1f, accumulated.view((j - from) * cin * cout, cin * cout));
        }
        accumulated.copyTo(dKernel, from * cin * cout);
    }

    /**
     * The input's gradient {@code Σ_j g(l + offsets[j]) · K_jᵀ} in the padded layout with {@code cin} channels,
     * from the output's gradient in the padded layout (zero between sequences).
     */
    private Blas.Operand inputGradient(Blas.Operand gradient, float[] kernel, Blas.Slot kernelSlot, Blas.Slot outputSlot) {
        Blas.Operand weights = Blas.copy(kernelSlot, kernel, 0, kernel.length);
        Blas.Operand dx = Blas.workspace(outputSlot, paddedRows() * cin);
        dx.zero();
        for (int j = from; j < to; j++) {
            // Rows whose shifted gradient would fall outside the buffer read only positions outside their sequence.
            int first = Math.max(before, -offsets[j]);
            int end = Math.min(paddedRows() - after, paddedRows() - offsets[j]);
            if (end > first) {
                Blas.gemm(false, true, end - first, cin, cout, 1f, gradient.view((first + offsets[j]) * cout, (end - first) * cout),
                        weights.view(j * cin * cout, cin * cout), 1f, dx.view(first * cin, (end - first) * cin));
            }
        }
        return dx;
    }

    /** Calls {@code sequence} for every sequence with the offset of its first position in the padded layout, in rows. */
    private void forEachSequence(SequenceConsumer sequence) {
        for (int i = 0; i < a; i++) {
            sequence.accept(i, i * stride + before);
        }
    }

    /** Adds the padded rows of every sequence, {@code channels} values each, into {@code target[base..]} laid out as [A, L, channels]. */
    private void addUnpadded(Blas.Operand padded, int channels, float[] target, int base) {
        FloatBuffer values = padded.buffer();
        float[] block = new float[len * channels];
        forEachSequence((i, row) -> {
            values.get(row * channels, block, 0, block.length);
            int at = base + i * len * channels;
            for (int k = 0; k < block.length; k++) {
                target[at + k] += block[k];
            }
        });
    }

    private interface SequenceConsumer {
        void accept(int sequence, int firstRow);
    }
}
