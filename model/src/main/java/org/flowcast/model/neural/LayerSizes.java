package org.flowcast.model.neural;

/**
 * How many weights each block of {@link Layers} creates, and roughly how many floats a recurrent layer keeps
 * per window for its backward pass: what the architectures' {@link NeuralArchitecture#size} is made of. In
 * {@code long}, so that a size past what an array can index is counted, not wrapped.
 */
final class LayerSizes {
    private LayerSizes() {
    }

    /** {@link Layers#dense} and {@link Layers#denseRelu}: the matrix and the bias. */
    static long dense(long in, long out) {
        return in * out + out;
    }

    /** {@link Layers#lstm}: input and recurrent matrices of the four gates, and their bias. */
    static long lstm(long in, long hidden) {
        return in * 4 * hidden + 4 * hidden + hidden * 4 * hidden;
    }

    /** {@link Layers#gru}: input and recurrent matrices of the three gates, each with its bias. */
    static long gru(long in, long hidden) {
        return in * 3 * hidden + 3 * hidden + hidden * 3 * hidden + 3 * hidden;
    }

    /** {@link Layers#layerNorm}: gain and bias. */
    static long layerNorm(long features) {
        return 2 * features;
    }

    /** {@link Layers#convolve}: one matrix per tap and the bias. */
    static long convolve(long taps, long in, long out) {
        return taps * in * out + out;
    }

    /** Floats an LSTM layer keeps per window: the input's projection, the gates, cell and hidden states of every step. */
    static long lstmKept(long steps, long hidden) {
        return steps * hidden * 10;
    }

    /** Floats a GRU layer keeps per window: the input's projection, the gates, candidate and hidden states of every step. */
    static long gruKept(long steps, long hidden) {
        return steps * hidden * 8;
    }
}
