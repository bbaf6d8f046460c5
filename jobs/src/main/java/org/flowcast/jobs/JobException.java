package org.flowcast.jobs;

/**
 * A job that cannot run or did not finish, with a message that says what went wrong and what to do about it.
 * A usage failure means the request itself is wrong (a front end reports it as a usage error, exit 2); any
 * other means the data, the files or the database stood in the way (exit 1).
 */
public class JobException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean usage;

    public JobException(String message) {
        this(message, null);
    }

    public JobException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private JobException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A request that is wrong in itself: a bad option value or a contradiction between options. */
    public static JobException usage(String message) {
        return new JobException(message, true, null);
    }

    /** Whether the request itself is wrong, not the state of the data or the files. */
    public boolean usage() {
        return usage;
    }
}
