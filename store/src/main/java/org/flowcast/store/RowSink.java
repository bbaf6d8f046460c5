package org.flowcast.store;

/**
 * Where rows read from the store go, one at a time as they are read, so that a reader never holds a whole table; may fail
 * in its own way ({@code E}: an export's write failure).
 */
@FunctionalInterface
public interface RowSink<T, E extends Exception> {
    void accept(T row) throws E;
}
