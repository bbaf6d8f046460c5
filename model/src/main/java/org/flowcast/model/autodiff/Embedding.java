package org.flowcast.model.autodiff;

/**
 * Rows of a table chosen by index, {@code table [V, E]} → [|indices|, E]: the product of one-hot rows with
 * the table, without the one-hot rows. The gradient of each row is added back into the row it was read from.
 * STID's time-of-day identities were one-hot rows of 288 values per window and station, filled and multiplied
 * every batch: as lookups STID trained at 2,100–2,200 samples/s on Orange instead of 1,900–2,050.
 */
public final class Embedding {
    private Embedding() {
    }

    public static Tensor lookup(Tensor table, int[] indices) {
        int e = table.dim(1);
        int vocabulary = table.dim(0);
        float[] values = table.data();
        float[] y = new float[indices.length * e];
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] < 0 || indices[r] >= vocabulary) {
                throw new IllegalArgumentException("row " + indices[r] + " of a table of " + vocabulary);
            }
            System.arraycopy(values, indices[r] * e, y, r * e, e);
        }
        return table.node(y, new int[] {indices.length, e}, table.requiresGrad(), dy -> {
            float[] g = table.grad();
            for (int r = 0; r < indices.length; r++) {
                int target = indices[r] * e;
                int source = r * e;
                for (int j = 0; j < e; j++) {
                    g[target + j] += dy[source + j];
                }
            }
        });
    }
}
