package org.flowcast.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Overrides the components of a hyperparameter record by name from text (a config file or the command
 * line), and turns a record back into text for model files. Unknown names, malformed values and values
 * outside the {@link Bounds} a component declares are errors ({@link IllegalArgumentException}, which the
 * front ends report as usage errors) that say what is accepted.
 */
public final class TypedParameters {
    private TypedParameters() {
    }

    public static <R extends Record> R override(R defaults, Map<String, String> overrides) {
        return override(defaults.getClass().getSimpleName(), defaults, overrides);
    }

    /** As {@link #override(Record, Map)}, naming {@code owner} (a model's name) in the message for an unknown name. */
    public static <R extends Record> R override(String owner, R defaults, Map<String, String> overrides) {
        Class<?> type = defaults.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = toText(defaults).keySet();
        for (String key : overrides.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; " + owner + " takes " + (known.isEmpty() ? "none"
                        : known));
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                Object current = c.getAccessor().invoke(defaults);
                String text = overrides.get(c.getName());
                values[i] = text == null ? current : parse(c.getName(), c.getType(), text);
            }
            @SuppressWarnings("unchecked")
            Constructor<R> constructor = (Constructor<R>) type.getDeclaredConstructor(types);
            // the record's own checks first, then the bounds of each component
            R record = constructor.newInstance(values);
            for (int i = 0; i < components.length; i++) {
                requireWithinBounds(owner, components[i], values[i]);
            }
            return record;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(cause.getMessage(), cause);
        }
    }

    private static void requireWithinBounds(String owner, RecordComponent component, Object value) {
        Bounds bounds = component.getAnnotation(Bounds.class);
        if (bounds == null || !(value instanceof Number number)) {
            return;
        }
        double v = number.doubleValue();
        if (!(v >= bounds.min() && v <= bounds.max())) {
            throw new IllegalArgumentException(owner + "'s " + component.getName() + " must lie from " + plain(bounds.min()) + " to "
                    + plain(bounds.max()) + ", not " + value + " (see 'flowcast models' for its default)");
        }
    }

    /** A bound as a user writes it: 1024, not 1024.0. */
    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static Object parse(String name, Class<?> type, String text) {
        try {
            if (type == int.class) {
                return Integer.parseInt(text.trim());
            }
            if (type == long.class) {
                return Long.parseLong(text.trim());
            }
            if (type == double.class) {
                return Double.parseDouble(text.trim());
            }
            if (type == boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
                }
                return Boolean.parseBoolean(text.trim());
            }
            if (type == String.class) {
                return text;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a " + (type == double.class ? "number" : "whole number") + ", not '" + text
                    + "'");
        }
        throw new IllegalArgumentException(name + " cannot be set from text");
    }

    public static Map<String, String> toText(Record record) {
        Map<String, String> map = new LinkedHashMap<>();
        try {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                map.put(c.getName(), String.valueOf(c.getAccessor().invoke(record)));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return map;
    }
}
