package org.flowcast.model;
import java.io.IOException;

/** A model file that cannot be used: missing, corrupt, tampered with, or from an incompatible version. */
public class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
