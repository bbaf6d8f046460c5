package org.flowcast.core;

/**
 * What is known about one value of a {@link SensorSeries}: measured, filled in by imputation, or
 * missing altogether. Models train on {@link #OBSERVED} values only and treat the rest as missing.
 */
public enum ValueState {
    OBSERVED,
    IMPUTED,
    MISSING;

    private static final ValueState[] VALUES = values();

    static ValueState ofCode(byte code) {
        return VALUES[code];
    }

    byte code() {
        return (byte) ordinal();
    }
}
