package org.flowcast.app.cli;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration for the command line: one stderr appender; library chatter at ERROR (Flyway's off) and the
 * rest at WARN, or all at INFO (Flowcast's own at DEBUG) in the verbose mode {@link LogLevels} sets. Set in code rather than in
 * a {@code logback.xml}: reading the XML (Joran and the JDK's XML parser) took 150 ms of every command's start. A user's own file, named by
 * {@code -Dlogback.configurationFile}, still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StderrLogging extends ContextAwareBase implements Configurator {
    private static final String[] NOISY = {"org.bytedeco", "org.nd4j"};

    private static void applyLevels(LoggerContext context) {
        boolean on = LogLevels.verbose();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(on ? Level.INFO : Level.WARN);
        context.getLogger("org.flowcast").setLevel(on ? Level.DEBUG : Level.WARN);
        for (String noisy : NOISY) {
            context.getLogger(noisy).setLevel(on ? Level.INFO : Level.ERROR);
        }
        // a failed migration or connection is Flowcast's to report, in a sentence; Flyway's own account of it (a box of
        // SQL state and error code, and the stack) is for --verbose
        context.getLogger("org.flywaydb").setLevel(on ? Level.INFO : Level.OFF);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(stderr);
        applyLevels(context);
        LogLevels.whenChanged(() -> applyLevels(context));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
