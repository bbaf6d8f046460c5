package org.flowcast.jobs.cli;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcast.jobs.feed.FeedSpeed;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The rules option values follow, as picocli converters: a value that breaks one is a usage error
 * (exit 2) reported before any data is read, and the same rule holds in every command that takes the option.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /** The forecast horizon: 12 steps (one hour) or 24 (two hours), the horizons the protocol evaluates. */
    public static final class HorizonSteps implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int steps = whole(value);
            if (steps != 12 && steps != 24) {
                throw new TypeConversionException("must be 12 (one hour) or 24 (two hours), was " + value);
            }
            return steps;
        }
    }

    /** A count of at least 1 (epochs, days). */
    public static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = whole(value);
            if (n < 1) {
                throw new TypeConversionException("must be at least 1, was " + value);
            }
            return n;
        }
    }

    /** A live feed's speed: {@code max}, or how much faster than real time (1 = a 5-minute file every 5 minutes). */
    public static final class Speed implements ITypeConverter<FeedSpeed> {
        @Override
        public FeedSpeed convert(String value) {
            try {
                return FeedSpeed.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A station id: a positive whole number. */
    public static final class StationId implements ITypeConverter<Integer> {
        private static final Pattern NAMED = Pattern.compile("(?i)(?:station|stn|vds)[ _-]?(\\d+)");

        /** A PeMS station id of any length ({@code 10105110}), or the form a folder may name it by ({@code station25}). */
        @Override
        public Integer convert(String value) {
            Matcher named = NAMED.matcher(value.strip());
            int id = named.matches() ? whole(named.group(1)) : whole(value);
            if (id < 1) {
                throw new TypeConversionException("must be a positive station id, was " + value);
            }
            return id;
        }
    }

    /** A share from 0 to 1. */
    public static final class Share implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double share = number(value, "from 0 to 1");
            if (!(share >= 0 && share <= 1)) {
                throw new TypeConversionException("must lie from 0 to 1 (0.05 allows 5% bad rows), was " + value);
            }
            return share;
        }
    }

    /**
     * The decay of the weights' moving average: from 0 (no averaging) up to, not including, 1 (an average that never
     * moves); NaN is refused with the rest.
     */
    public static final class AverageDecay implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double decay = number(value, "from 0 up to 1");
            if (!(decay >= 0 && decay < 1)) {
                throw new TypeConversionException("must lie from 0 (no averaging) up to, not including, 1 (0.99 keeps 99% of the "
                        + "average at each step), was " + value);
            }
            return decay;
        }
    }

    /** The step of a benchmark tensor: 5 minutes, PeMS's, the one step every model and the store work in. */
    public static final class FiveMinuteStep implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration step = new DurationConverter().convert(value);
            if (!step.equals(Duration.ofMinutes(5))) {
                throw new TypeConversionException("only 5-minute steps (5m) are supported, PeMS's step; was " + value);
            }
            return step;
        }
    }

    /** A window or image size in pixels. */
    public record Size(int width, int height) {
    }

    /** A window or image size {@code WIDTHxHEIGHT} from 640x400 to 8000x8000. */
    public static final class WindowSize implements ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            String[] parts = value.toLowerCase(Locale.ROOT).split("x");
            if (parts.length == 2) {
                try {
                    int w = Integer.parseInt(parts[0].strip());
                    int h = Integer.parseInt(parts[1].strip());
                    if (w >= 640 && h >= 400 && w <= 8000 && h <= 8000) {
                        return new Size(w, h);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new TypeConversionException("must be WIDTHxHEIGHT from 640x400 to 8000x8000, e.g. 1500x950; was '" + value + "'");
        }
    }

    private static int whole(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, was '" + value + "'");
        }
    }

    /** A decimal number, or a conversion error saying which {@code range} one was expected in. */
    private static double number(String value, String range) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a number " + range + ", was '" + value + "'");
        }
    }
}
