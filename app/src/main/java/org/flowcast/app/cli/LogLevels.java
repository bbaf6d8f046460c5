package org.flowcast.app.cli;

/**
 * Switches the log output between the quiet default and the verbose mode of {@code --verbose}. Neither logback
 * nor {@code java.util.logging} is started here: logback starts on the first message a library logs
 * ({@link StderrLogging} then applies the mode) and JUL's bridge when JUL starts ({@link JulToSlf4j}), so that a
 * command nothing logs in, an ingest, skips their 150 ms.
 */
final class LogLevels {
    private static volatile boolean verbose;
    private static volatile Runnable onChange;

    private LogLevels() {
    }

    static void apply(boolean on) {
        if (System.getProperty("java.util.logging.config.class") == null) {
            System.setProperty("java.util.logging.config.class", JulToSlf4j.class.getName());
        }
        // slf4j then binds logback without scanning every jar for providers (30 ms)
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        }
        // slf4j 2.0.17 says at INFO that it loads the provider named: not the user's business unless asked (--verbose)
        if (System.getProperty("slf4j.internal.verbosity") == null && !on) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        verbose = on;
        Runnable started = onChange;
        if (started != null) {
            started.run();
        }
    }

    static boolean verbose() {
        return verbose;
    }

    /** Called by the started logback with what re-applies the mode there. */
    static void whenChanged(Runnable apply) {
        onChange = apply;
    }
}
