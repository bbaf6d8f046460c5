package org.flowcast.model;

/**
 * A model whose training would not fit in the heap, found before training: the message gives the estimate,
 * the heap and what to change. An {@link IllegalArgumentException}, the request being what is wrong, so that
 * every front end reports it as a sentence rather than running out of memory an hour later.
 */
public class ModelTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelTooLargeException(String message) {
        super(message);
    }
}
