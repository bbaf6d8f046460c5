package org.flowcast.app.cli;
import java.time.Instant;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.TimeConverter;
import org.flowcast.model.EvaluationProtocol;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The protocol's split as a user sets it: the 60/20/20 shares by default, or the test origins in time
 * ({@code --test-days N}, or {@code --test-from TIME [--test-to TIME]}) with {@code --validation-share} of
 * the windows before them, so that a paper's protocol is one command.
 */
public final class SplitOptions {
    @Option(names = "--test-days", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "Test on the origins of the last N days (default: the last 20%% of the windows).")
    Integer testDays;

    @Option(names = "--test-from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Test on the origins from this time (Pacific, e.g. 2022-02-21 or 2022-02-21T06:00).")
    Instant testFrom;

    @Option(names = "--test-to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "With --test-from: test origins before this time (default: to the end of the data).")
    Instant testTo;

    @Option(names = "--validation-share", paramLabel = "S",
            description = "Share of windows to validate (early stopping, calibration) on: of all windows (default 0.2), or with "
                    + "--test-days/--test-from of the windows before the test (default 0.25).")
    Double validationShare;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The protocol at the horizon with these choices; contradictory choices are usage errors, before any data is read. */
    public EvaluationProtocol protocol(int horizon) {
        if (testDays != null && testFrom != null) {
            throw usage("give --test-days or --test-from, not both");
        }
        if (testTo != null && testFrom == null) {
            throw usage("--test-to needs --test-from");
        }
        if (testFrom != null && testTo != null && !testFrom.isBefore(testTo)) {
            throw usage("--test-from must come before --test-to, was --test-from " + PemsTime.format(testFrom) + " --test-to "
                    + PemsTime.format(testTo));
        }
        EvaluationProtocol protocol = EvaluationProtocol.of(horizon);
        if (testDays != null) {
            protocol = protocol.withTest(EvaluationProtocol.TestRange.lastDays(testDays));
        } else if (testFrom != null) {
            protocol = protocol.withTest(EvaluationProtocol.TestRange.between(testFrom, testTo));
        }
        if (validationShare != null) {
            double most = protocol.test().isPresent() ? 0.9 : 0.7;
            if (!(validationShare > 0 && validationShare <= most)) {
                throw usage("--validation-share must lie above 0 and at most " + most + " (leaving windows to train on), was "
                        + validationShare);
            }
            protocol = protocol.withValidationShare(validationShare);
        }
        return protocol;
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
