package org.flowcast.app.cli;

/**
 * A failure the user can act on, whose message already says what went wrong and how to fix it; it is
 * reported without the hint about {@code --verbose}.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
