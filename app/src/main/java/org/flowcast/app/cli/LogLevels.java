package org.flowcast.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Switches the log output between the quiet default and the verbose mode of {@code --verbose}. */
final class LogLevels {
    private LogLevels() {
    }

    static void apply(boolean verbose) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Level root = verbose ? Level.INFO : Level.WARN;
        Level noisy = verbose ? Level.INFO : Level.ERROR;
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(root);
        context.getLogger("org.flowcast").setLevel(verbose ? Level.DEBUG : Level.WARN);
        context.getLogger("org.bytedeco").setLevel(noisy);
        context.getLogger("org.nd4j").setLevel(noisy);
        context.getLogger("org.flywaydb").setLevel(verbose ? Level.INFO : Level.ERROR);
    }
}
