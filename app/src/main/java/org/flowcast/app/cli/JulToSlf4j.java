package org.flowcast.app.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends {@code java.util.logging} records (JavaFX's, for one) to slf4j. Named to JUL as its configuration class
 * ({@code java.util.logging.config.class}), so the bridge is built when something first uses JUL, not by every
 * command: installing it up front cost each command 26 ms, and most never log through JUL.
 */
public final class JulToSlf4j {
    public JulToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
