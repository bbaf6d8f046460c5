package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.weightinit.impl.XavierUniformInitScheme;

/**
 * Creates the trainable variables of a graph with Xavier-uniform weights and zero biases, drawn from
 * ND4J's random generator (seeded by the trainer, so that a seed fixes the initial weights). The data
 * type is float for training and double for gradient checks.
 */
public final class Weights {
    private final SameDiff sd;
    private final DataType type;

    public Weights(SameDiff sd, DataType type) {
        this.sd = sd;
        this.type = type;
    }

    public SameDiff sd() {
        return sd;
    }

    public DataType type() {
        return type;
    }

    /** A weight of the given shape, with fan-in and fan-out for the Xavier bound. */
    public SDVariable weight(String name, long fanIn, long fanOut, long... shape) {
        // Drawn as the scheme creates it and cast, since sd.var(name, scheme, type, shape) ignored the type.
        return sd.var(name, new XavierUniformInitScheme('c', fanIn, fanOut).create(DataType.FLOAT, shape).castTo(type));
    }

    public SDVariable matrix(String name, long rows, long columns) {
        return weight(name, rows, columns, rows, columns);
    }

    public SDVariable zeros(String name, long... shape) {
        return sd.var(name, Nd4j.zeros(type, shape));
    }

    public SDVariable ones(String name, long... shape) {
        return sd.var(name, Nd4j.ones(type, shape));
    }
}
