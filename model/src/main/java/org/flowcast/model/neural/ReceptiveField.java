package org.flowcast.model.neural;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The positions a stack of residual blocks of two causal convolutions must compute so that its last
 * block's output is known at the last step, and nowhere else: what the TCN's head reads. Worked back
 * from the head, block by block: a convolution's output at p needs its input at {@code p − offset} for
 * each tap offset (none before 0, where the padding reads zero), and the residual needs the block's input
 * at the block's output positions.
 */
record ReceptiveField(int[][] inputs, int[][] middles, int[][] outputs) {

    /** The plan for {@code steps} input steps and the tap offsets of each block. */
    static ReceptiveField of(int steps, int[][] blockOffsets) {
        int blocks = blockOffsets.length;
        int[][] inputs = new int[blocks][];
        int[][] middles = new int[blocks][];
        int[][] outputs = new int[blocks][];
        int[] needed = {steps - 1};
        for (int block = blocks - 1; block >= 0; block--) {
            outputs[block] = needed;
            middles[block] = reached(needed, blockOffsets[block]);
            TreeSet<Integer> input = new TreeSet<>();
            Arrays.stream(reached(middles[block], blockOffsets[block])).forEach(input::add);
            Arrays.stream(needed).forEach(input::add);
            inputs[block] = input.stream().mapToInt(Integer::intValue).toArray();
            needed = inputs[block];
        }
        return new ReceptiveField(inputs, middles, outputs);
    }

    /** Where the first block's input is needed. */
    int[] first() {
        return inputs[0];
    }

    /** The index of each of block {@code block}'s output positions among its input positions (for the residual). */
    int[] residual(int block) {
        return Arrays.stream(outputs[block]).map(p -> Arrays.binarySearch(inputs[block], p)).toArray();
    }

    /** Positions computed over all convolutions, against {@code 2 · blocks · steps} without the plan. */
    int computed() {
        return IntStream.range(0, outputs.length).map(b -> middles[b].length + outputs[b].length).sum();
    }

    private static int[] reached(int[] positions, int[] offsets) {
        TreeSet<Integer> reached = new TreeSet<>();
        for (int p : positions) {
            for (int offset : offsets) {
                if (p - offset >= 0) {
                    reached.add(p - offset);
                }
            }
        }
        return reached.stream().mapToInt(Integer::intValue).toArray();
    }
}
