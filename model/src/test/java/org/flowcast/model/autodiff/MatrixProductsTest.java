package org.flowcast.model.autodiff;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both ND4J product paths compute {@code alpha · op(a) · op(b) + beta · c} on operands at offsets inside
 * ND4J blocks, for every transposition and both betas the autodiff uses, checked against the product
 * written out in double, and write nothing outside the result.
 */
class MatrixProductsTest {
    static Stream<MatrixProducts> paths() {
        return Stream.of(new Level3Products(), new MmulProducts());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void everyTranspositionAndBetaMatchesTheProductWrittenOut(MatrixProducts products) {
        Random random = new Random(7);
        int[][] shapes = {{3, 5, 4}, {64, 17, 9}, {1, 1, 1}, {7, 256, 33}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (float beta : new float[] {0f, 1f}) {
                        float[] a = values(random, m * k);
                        float[] b = values(random, k * n);
                        float[] c = values(random, m * n);
                        // Offsets inside shared blocks, as the convolution's taps use them.
                        NativeBlock block = zeroed();
                        Blas.Operand left = place(block, 11, a);
                        Blas.Operand right = place(block, 11 + a.length + 5, b);
                        NativeBlock output = zeroed();
                        Blas.Operand result = place(output, 3, c);
                        products.gemm(transA, transB, m, n, k, 0.5f, left, right, beta, result);
                        float[] got = new float[m * n];
                        result.copyTo(got, 0);
                        double[] expected = writtenOut(transA, transB, m, n, k, 0.5, a, b, beta, c);
                        for (int i = 0; i < got.length; i++) {
                            assertThat((double) got[i]).as("%s %s [%d,%d,%d] tA=%s tB=%s beta=%s at %d", products.name(),
                                    "", m, n, k, transA, transB, beta, i).isCloseTo(expected[i],
                                    Offset.offset(1e-4 * (1 + Math.abs(expected[i]))));
                        }
                        float[] untouched = new float[3];
                        output.floats().get(0, untouched, 0, 3);
                        assertThat(untouched).as("memory before the result's offset").containsOnly(0f);
                    }
                }
            }
        }
    }

    private static Blas.Operand place(NativeBlock block, int offset, float[] values) {
        block.floats().put(offset, values);
        return new Blas.Operand(block, offset, values.length);
    }

    private static NativeBlock zeroed() {
        NativeBlock block = new NativeBlock(1 << 16);
        block.floats().put(0, new float[block.capacity()]);
        return block;
    }

    private static float[] values(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static double[] writtenOut(boolean transA, boolean transB, int m, int n, int k, double alpha, float[] a, float[] b,
                                       float beta, float[] c) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a[p * m + i] : a[i * k + p];
                    double y = transB ? b[j * k + p] : b[p * n + j];
                    sum += x * y;
                }
                out[i * n + j] = alpha * sum + beta * c[i * n + j];
            }
        }
        return out;
    }
}
