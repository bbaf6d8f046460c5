package org.flowcast.sample;

/**
 * Appends a non-negative number with a fixed count of decimals, as {@code %.4f} would, without the
 * cost of {@link String#format}, which took most of the time of writing the sample.
 */
final class FixedDecimal {
    private static final long[] SCALE = {1, 10, 100, 1000, 10000, 100000};

    private FixedDecimal() {
    }

    static StringBuilder append(StringBuilder out, double value, int decimals) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        long scaled = Math.round(value * SCALE[decimals]);
        out.append(scaled / SCALE[decimals]);
        if (decimals > 0) {
            out.append('.');
            String fraction = Long.toString(scaled % SCALE[decimals]);
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out;
    }
}
