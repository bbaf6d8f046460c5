package org.flowcast.model.autodiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the operations of one forward pass so that {@link #backward} can run them in reverse (a
 * define-by-run reverse-mode autodiff on Java arrays). One tape per pass and per thread; not
 * thread-safe. Nodes are kept in creation order, which is a topological order of the graph.
 */
public final class Tape {
    private final List<Tensor> nodes = new ArrayList<>();
    private final boolean recording;

    /** @param recording false for inference: no operation keeps what its backward pass would need */
    public Tape(boolean recording) {
        this.recording = recording;
    }

    boolean recording() {
        return recording;
    }

    /** A value that takes no gradient (an input, a label, a constant). */
    public Tensor constant(float[] data, int... shape) {
        return new Tensor(this, data, shape, false, null);
    }

    /** A parameter's current value as a leaf whose gradient {@link #backward} fills. */
    public Tensor leaf(float[] data, int... shape) {
        return new Tensor(this, data, shape, recording, null);
    }

    void record(Tensor node) {
        if (recording && node.backward != null) {
            nodes.add(node);
        }
    }

    /** Back-propagates from a scalar: every leaf reachable from it gets {@code d loss / d leaf} in its grad. */
    public void backward(Tensor loss) {
        if (!recording) {
            throw new IllegalStateException("this tape was made for inference and recorded no operations");
        }
        if (loss.size() != 1) {
            throw new IllegalArgumentException("backward needs a scalar, got shape " + Arrays.toString(loss.shape()));
        }
        loss.grad()[0] += 1f;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Tensor node = nodes.get(i);
            if (node.hasGrad()) {
                node.backward.run();
            }
        }
    }
}
