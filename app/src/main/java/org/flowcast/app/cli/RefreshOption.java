package org.flowcast.app.cli;

import java.time.Duration;
import org.flowcast.jobs.cli.DurationConverter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --refresh} option of the commands that open the dashboard's window: how often it reads what is new; 0 never.
 */
public final class RefreshOption {
    @Option(names = "--refresh", converter = Interval.class, defaultValue = "10s", paramLabel = "DURATION",
            description = "How often the dashboard's window reads what is new: readings, runs, and the forecasts and realised "
                    + "accuracy 'flowcast watch' writes (default: ${DEFAULT-VALUE}; 0: never). Until the origin is moved by hand "
                    + "(or --origin given) it follows the newest origin as it arrives; 'Newest origin' follows again.")
    Duration every;

    /** The interval; zero: never. */
    public Duration every() {
        return every;
    }

    /** A duration of at least a second, or 0. */
    static final class Interval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if ("0".equals(value.strip())) {
                return Duration.ZERO;
            }
            Duration every = new DurationConverter().convert(value);
            if (!every.isZero() && every.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new TypeConversionException("must be at least 1s, or 0 to never refresh, was " + value);
            }
            return every;
        }
    }
}
