package org.flowcast.store;

/** One additive part of a stored forecast: its name and its values by step - 1. */
public record StoredPart(String name, float[] values) {
    public StoredPart {
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
