package org.flowcast.model.autodiff;

/**
 * Sums over short float runs with four partial sums: the JIT does not vectorise a float reduction
 * (it would reorder the additions), so one accumulator waits on every addition's latency.
 */
final class Reductions {
    private Reductions() {
    }

    static float sum(float[] a, int from, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[from + j];
            s1 += a[from + j + 1];
            s2 += a[from + j + 2];
            s3 += a[from + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[from + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ (a[j] − mean)²}. */
    static float squaredDeviations(float[] a, int from, int n, float mean) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            float c0 = a[from + j] - mean;
            float c1 = a[from + j + 1] - mean;
            float c2 = a[from + j + 2] - mean;
            float c3 = a[from + j + 3] - mean;
            s0 += c0 * c0;
            s1 += c1 * c1;
            s2 += c2 * c2;
            s3 += c3 * c3;
        }
        for (; j < n; j++) {
            float c = a[from + j] - mean;
            s0 += c * c;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ a[aFrom + j] · b[bFrom + j]}. */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[aFrom + j] * b[bFrom + j];
            s1 += a[aFrom + j + 1] * b[bFrom + j + 1];
            s2 += a[aFrom + j + 2] * b[bFrom + j + 2];
            s3 += a[aFrom + j + 3] * b[bFrom + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[aFrom + j] * b[bFrom + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code Σ a[from + j] · w[j] · c[from + j]}. */
    static float dotScaled(float[] a, int from, float[] w, float[] c, int cFrom, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[from + j] * w[j] * c[cFrom + j];
            s1 += a[from + j + 1] * w[j + 1] * c[cFrom + j + 1];
            s2 += a[from + j + 2] * w[j + 2] * c[cFrom + j + 2];
            s3 += a[from + j + 3] * w[j + 3] * c[cFrom + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[from + j] * w[j] * c[cFrom + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
