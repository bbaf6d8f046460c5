package org.flowcast.ingest.read;

/**
 * Parses the plain decimals of PeMS files ({@code 124}, {@code .25}, {@code 0.041}, {@code -3.5})
 * without creating a string; anything else (exponents, many digits, junk) gives {@code NaN}, and
 * the caller falls back to {@link Float#parseFloat}, which also reports the error.
 */
final class FastDecimal {
    private static final float[] POWERS = {1f, 10f, 100f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f};

    private FastDecimal() {
    }

    /** The decimal in the ASCII bytes {@code from} to {@code to} of {@code s}. */
    static float parse(byte[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int c = s[i];
            if (c == '.') {
                if (fraction >= 0) {
                    return Float.NaN;
                }
                fraction = 0;
            } else if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                return Float.NaN;
            }
        }
        // Beyond 7 significant digits or 8 decimals a float product would round differently from parseFloat.
        if (digits == 0 || digits > 7 || fraction > 8) {
            return Float.NaN;
        }
        float value = fraction > 0 ? (float) ((double) mantissa / POWERS[fraction]) : mantissa;
        return negative ? -value : value;
    }
}
