package org.flowcast.model.autodiff;

import java.util.Arrays;
import java.util.List;

/**
 * Convolutions with ReLU along the middle axis of [A, L, C₀] (kernels [taps · Cᵢ, Cᵢ₊₁], biases [Cᵢ₊₁],
 * the same taps for every layer, as in {@link Convolution}), then a dense ReLU layer on each sequence's
 * flattened last activations: {@code max(flat [A, L·C] · P [L·C, D] + p, 0)} → [A, D]. The same as
 * composing {@link Convolution#convolve} and {@link Linear#apply}, the convolutions computed a block of
 * sequences at a time so that the activations stay in cache; the backward pass recomputes them block by
 * block rather than keeping them on the tape. In the Conv-LSTM the activations of every station at every
 * step are the model's largest arrays, and walking them through memory cost more than the products on them.
 * The projection is one product over every sequence, its input (the last layer's flattened activations,
 * the smallest of the stack's arrays) kept for its gradient: a product per block packed the 2,592 × 64
 * projection again for every 25 sequences (the Conv-LSTM about 3% faster, within this VM's noise).
 */
public final class ConvolutionStack {
    /**
     * Sequences projected by one product: a training shard's 384 (32 windows of 12 steps) in one; a prediction
     * batch of 256 windows in six, rather than a 32 MB copy of its activations.
     */
    private static final int CHUNK = 512;
    /** Activation values a block aims at: about a quarter of a megabyte for its largest array. */
    private static final int BLOCK_VALUES = 1 << 16;

    private ConvolutionStack() {
    }

    public static Tensor apply(Tensor x, List<Tensor> kernels, List<Tensor> biases, int[] offsets, Tensor projection,
                               Tensor projectionBias) {
        int widest = x.dim(2);
        for (Tensor kernel : kernels) {
            widest = Math.max(widest, kernel.dim(1));
        }
        return apply(x, kernels, biases, offsets, projection, projectionBias, Math.max(1, BLOCK_VALUES / (x.dim(1) * widest)), CHUNK);
    }

    /**
     * {@link #apply} with {@code blockSequences} sequences per block and {@code chunkSequences} per projection product
     * (the result does not depend on either but for rounding).
     */
    static Tensor apply(Tensor x, List<Tensor> kernels, List<Tensor> biases, int[] offsets, Tensor projection, Tensor projectionBias,
                        int blockSequences, int chunkSequences) {
        boolean anyGrad = x.requiresGrad() || projection.requiresGrad() || projectionBias.requiresGrad()
                || kernels.stream().anyMatch(Tensor::requiresGrad) || biases.stream().anyMatch(Tensor::requiresGrad);
        Stack stack = new Stack(x, kernels, biases, offsets, projection, projectionBias, blockSequences, chunkSequences,
                x.tape().recording() && anyGrad);
        float[] y = stack.forward();
        return x.node(y, new int[] {x.dim(0), stack.outputs}, anyGrad, dy -> stack.backward(dy, y));
    }

    /** The shapes, and the block-sized activation arrays reused from block to block. */
    private static final class Stack {
        private final Tensor x;
        private final List<Tensor> kernels;
        private final List<Tensor> biases;
        private final int[] offsets;
        private final Tensor projection;
        private final Tensor projectionBias;
        private final int block;
        private final int a;
        private final int len;
        private final int[] channels;
        private final int flat;
        final int outputs;
        /** The activations of one block, layer by layer: [block · L, Cᵢ₊₁]. */
        private final float[][] activations;
        private final BiasRelu[] biasRelu;
        /** The last layer's activations of every sequence, flattened [A, L·C]: the projection's input, kept for its gradient. */
        private final float[] flattened;
        private final BiasRelu projectionOut;
        /** Sequences per projection product. */
        private final int chunk;

        Stack(Tensor x, List<Tensor> kernels, List<Tensor> biases, int[] offsets, Tensor projection, Tensor projectionBias, int block,
              int chunk, boolean backward) {
            this.chunk = chunk;
            this.x = x;
            this.kernels = kernels;
            this.biases = biases;
            this.offsets = offsets;
            this.projection = projection;
            this.projectionBias = projectionBias;
            this.block = block;
            a = x.dim(0);
            len = x.dim(1);
            channels = new int[kernels.size() + 1];
            channels[0] = x.dim(2);
            for (int i = 0; i < kernels.size(); i++) {
                Tensor kernel = kernels.get(i);
                channels[i + 1] = kernel.dim(1);
                if (kernel.dim(0) != offsets.length * channels[i] || biases.get(i).size() != channels[i + 1]) {
                    throw new IllegalArgumentException("layer " + i + ": kernel " + Arrays.toString(kernel.shape()) + " and bias of "
                            + biases.get(i).size() + " for " + offsets.length + " taps of " + channels[i] + " channels");
                }
            }
            flat = len * channels[kernels.size()];
            if (projection.dim(0) != flat || projectionBias.size() != projection.dim(1)) {
                throw new IllegalArgumentException("projection " + Arrays.toString(projection.shape()) + " and bias of "
                        + projectionBias.size() + " for " + flat + " flattened values");
            }
            outputs = projection.dim(1);
            // kept for the backward pass only; inference reuses one chunk's worth
            flattened = backward ? new float[a * flat] : null;
            projectionOut = new BiasRelu(projectionBias.data(), outputs, true);
            activations = new float[kernels.size()][];
            biasRelu = new BiasRelu[kernels.size()];
            for (int i = 0; i < kernels.size(); i++) {
                activations[i] = new float[Math.min(block, Math.max(a, 1)) * len * channels[i + 1]];
                biasRelu[i] = new BiasRelu(biases.get(i).data(), channels[i + 1], true);
            }
        }

        float[] forward() {
            float[] y = new float[a * outputs];
            float[] rows = flattened != null ? flattened : new float[Math.min(a, chunk) * flat];
            for (int start = 0; start < a; start += chunk) {
                int count = Math.min(chunk, a - start);
                int base = flattened != null ? start * flat : 0;
                for (int first = start; first < start + count; first += block) {
                    int sequences = Math.min(block, start + count - first);
                    convolveBlock(first, sequences);
                    System.arraycopy(activations[kernels.size() - 1], 0, rows, base + (first - start) * flat, sequences * flat);
                }
                // One product per chunk of sequences: per block, the projection was packed again for a few rows each time
                // (a third of the Conv-LSTM's product time went to the projection, much of it to packing).
                Blas.Operand input = Blas.copy(Blas.Slot.FIRST, rows, base, count * flat);
                Blas.Operand weights = Blas.copy(Blas.Slot.SECOND, projection.data(), 0, flat * outputs);
                Blas.Operand product = Blas.workspace(Blas.Slot.THIRD, count * outputs);
                Blas.gemm(false, false, count, outputs, flat, 1f, input, weights, 0f, product);
                projectionOut.out(product.buffer(), 0, count * outputs, y, start * outputs);
            }
            return y;
        }

        /** Layer {@code i}'s input for the block starting at sequence {@code first}: where it starts and in which array. */
        private int inputBase(int i, int first) {
            return i == 0 ? first * len * channels[0] : 0;
        }

        private float[] input(int i) {
            return i == 0 ? x.data() : activations[i - 1];
        }

        private void convolveBlock(int first, int sequences) {
            for (int i = 0; i < kernels.size(); i++) {
                new TapProducts(sequences, len, channels[i], channels[i + 1], offsets).convolve(input(i), inputBase(i, first),
                        kernels.get(i).data(), biasRelu[i], activations[i], 0);
            }
        }

        void backward(float[] dy, float[] y) {
            BiasRelu.backward(dy, y, true, projectionBias.requiresGrad() ? projectionBias.grad() : null, a, outputs);
            float[] dFlattened = new float[Math.min(a, chunk) * flat];
            int widest = Arrays.stream(channels).max().orElse(1);
            float[] gradient = new float[Math.min(block, Math.max(a, 1)) * len * widest];
            float[] inputGradient = new float[gradient.length];
            for (int start = 0; start < a; start += chunk) {
                int count = Math.min(chunk, a - start);
                projectBack(dy, start, count, dFlattened);
                for (int first = start; first < start + count; first += block) {
                    backwardBlock(first, Math.min(block, start + count - first), dFlattened, (first - start) * flat, gradient,
                            inputGradient);
                }
            }
        }

        /**
         * The projection's backward pass for sequences {@code start .. start + count}: adds their share of the
         * weights' gradient, and writes the gradient of their flattened activations into {@code dFlattened}.
         */
        private void projectBack(float[] dy, int start, int count, float[] dFlattened) {
            if (projection.requiresGrad()) {
                Blas.Operand h = Blas.copy(Blas.Slot.FIRST, flattened, start * flat, count * flat);
                Blas.Operand g = Blas.copy(Blas.Slot.SECOND, dy, start * outputs, count * outputs);
                Blas.Operand dWeights = Blas.copy(Blas.Slot.THIRD, projection.grad(), 0, flat * outputs);
                Blas.gemm(true, false, flat, outputs, count, 1f, h, g, 1f, dWeights);
                dWeights.copyTo(projection.grad(), 0);
            }
            Blas.gemm(false, true, count, flat, outputs, 1f, dy, start * outputs, projection.data(), 0, 0f, dFlattened, 0);
        }

        /** The convolutions' backward pass for one block, from the gradient of its flattened activations at {@code dFlattened[at..]}. */
        private void backwardBlock(int first, int sequences, float[] dFlattened, int at, float[] gradientArray, float[] inputArray) {
            int last = kernels.size() - 1;
            float[] gradient = gradientArray;
            float[] inputGradient = inputArray;
            int rows = sequences * len;
            convolveBlock(first, sequences);
            System.arraycopy(dFlattened, at, gradient, 0, sequences * flat);
            for (int i = last; i >= 0; i--) {
                Tensor kernel = kernels.get(i);
                Tensor bias = biases.get(i);
                int cout = channels[i + 1];
                BiasRelu.backward(gradient, activations[i], true, bias.requiresGrad() ? bias.grad() : null, rows, cout);
                float[] dInput = i > 0 ? inputGradient : x.requiresGrad() ? x.grad() : null;
                if (i > 0) {
                    Arrays.fill(inputGradient, 0, rows * channels[i], 0f);
                }
                new TapProducts(sequences, len, channels[i], cout, offsets).backward(gradient, input(i), inputBase(i, first),
                        kernel.data(), kernel.requiresGrad() ? kernel.grad() : null, dInput, inputBase(i, first));
                float[] swap = gradient;
                gradient = inputGradient;
                inputGradient = swap;
            }
        }
    }
}
