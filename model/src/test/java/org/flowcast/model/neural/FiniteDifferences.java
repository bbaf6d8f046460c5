package org.flowcast.model.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A central finite-difference gradient check in double precision for a graph block fed by a
 * placeholder (ND4J's own check refuses placeholders). The loss is a fixed random projection of the
 * block's output, so that every output element matters.
 */
final class FiniteDifferences {
    private static final double EPSILON = 1e-6;

    private FiniteDifferences() {
    }

    /** The largest relative error over sampled elements of every trainable variable. */
    static double maxRelativeError(long[] inputShape, BiFunction<Weights, SDVariable, SDVariable> block) {
        Nd4j.getRandom().setSeed(11);
        SameDiff sd = SameDiff.create();
        Weights weights = new Weights(sd, DataType.DOUBLE);
        long[] placeholderShape = inputShape.clone();
        placeholderShape[0] = -1;
        SDVariable input = sd.placeHolder("input", DataType.DOUBLE, placeholderShape);
        SDVariable output = block.apply(weights, input);
        INDArray inputValue = Nd4j.rand(DataType.DOUBLE, inputShape).subi(0.5);
        Map<String, INDArray> feed = Map.of("input", inputValue);
        long[] outputShape = sd.output(feed, output.name()).get(output.name()).shape();
        SDVariable projection = sd.constant("projection", Nd4j.rand(DataType.DOUBLE, outputShape).subi(0.5));
        output.mul(projection).sum().rename("loss");
        sd.setLossVariables("loss");
        List<String> variables = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                variables.add(v.name());
            }
        }
        QuietStdout.run(sd::createGradFunction);
        // Only trainable variables are checked: ND4J's gradients with respect to a placeholder used in more than
        // one place came out wrong here, while every weight upstream of the same paths checked out. Blocks whose
        // input gradient matters are checked with a weighted layer in front of them.
        List<String> withInput = variables;
        Map<String, INDArray> analytic = sd.calculateGradients(feed, withInput);
        double worst = 0;
        SplittableRandom random = new SplittableRandom(5);
        for (String name : withInput) {
            INDArray array = name.equals("input") ? inputValue : sd.getArrForVarName(name);
            INDArray gradient = analytic.get(name);
            if (gradient == null) {
                throw new IllegalStateException("no gradient for " + name + "; have " + analytic.keySet());
            }
            long n = array.length();
            for (int sample = 0; sample < Math.min(n, 25); sample++) {
                long i = n <= 25 ? sample : random.nextLong(n);
                double original = array.getDouble(i);
                array.putScalar(i, original + EPSILON);
                double plus = loss(sd, feed);
                array.putScalar(i, original - EPSILON);
                double minus = loss(sd, feed);
                array.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPSILON);
                double exact = gradient.getDouble(i);
                double scale = Math.max(Math.abs(numeric) + Math.abs(exact), 1e-8);
                double error = Math.abs(numeric - exact) / scale;
                if (System.getenv("FD_DEBUG") != null && error > 1e-4) {
                    System.out.printf("%s[%d]: numeric %.8g analytic %.8g%n", name, i, numeric, exact);
                }
                if (Math.abs(numeric - exact) > 1e-8) {
                    worst = Math.max(worst, error);
                }
            }
        }
        return worst;
    }

    private static double loss(SameDiff sd, Map<String, INDArray> feed) {
        return sd.output(feed, "loss").get("loss").getDouble(0);
    }
}
