package org.flowcast.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Traffic demand over the day: AM and PM peaks on weekdays whose height differs by weekday, a
 * lighter midday hump at weekends and on holidays, a random level for each day, and slowly varying
 * noise within it. Values are fractions of the design demand.
 */
public final class DemandProfile {
    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2022, 1, 17), LocalDate.of(2022, 2, 21), LocalDate.of(2022, 5, 30), LocalDate.of(2022, 7, 4),
            LocalDate.of(2022, 9, 5), LocalDate.of(2022, 11, 24), LocalDate.of(2022, 12, 26),
            LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 16), LocalDate.of(2023, 2, 20), LocalDate.of(2023, 5, 29),
            LocalDate.of(2023, 7, 4), LocalDate.of(2023, 9, 4), LocalDate.of(2023, 11, 23), LocalDate.of(2023, 12, 25),
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 19), LocalDate.of(2024, 5, 27),
            LocalDate.of(2024, 7, 4), LocalDate.of(2024, 9, 2), LocalDate.of(2024, 11, 28), LocalDate.of(2024, 12, 25));

    private final SplittableRandom random;
    private final Map<LocalDate, Double> dayLevel = new HashMap<>();
    private final double shiftFactor;
    private final LocalDate shiftFrom;
    private double noise;

    public DemandProfile(SplittableRandom random) {
        this(random, 1, LocalDate.MAX);
    }

    /** A profile multiplied by {@code shiftFactor} from {@code shiftFrom} on (a deliberate shift; see {@link TrafficShift}). */
    public DemandProfile(SplittableRandom random, double shiftFactor, LocalDate shiftFrom) {
        this.random = random;
        this.shiftFactor = shiftFactor;
        this.shiftFrom = shiftFrom;
    }

    public static boolean isHoliday(LocalDate date) {
        return HOLIDAYS.contains(date);
    }

    /** Demand as a fraction of design demand at a local date and hour of day (0-24), with noise; call in time order. */
    public double at(LocalDate date, double hour) {
        double level = dayLevel.computeIfAbsent(date, d -> Math.exp(0.06 * random.nextGaussian()));
        // AR(1) noise with a time constant of about half an hour at 10-second steps.
        noise = 0.9945 * noise + 0.105 * 0.03 * random.nextGaussian();
        double demand = Math.max(0.02, shape(date, hour) * level * (1 + noise));
        // multiplied after the draws, so that the random streams, and every day before the shift, stay as they were
        return date.isBefore(shiftFrom) ? demand : demand * shiftFactor;
    }

    /** The noise-free shape. */
    public static double shape(LocalDate date, double hour) {
        DayOfWeek day = date.getDayOfWeek();
        if (isHoliday(date) || day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            double factor = day == DayOfWeek.SATURDAY ? 0.88 : 0.78;
            return factor * (0.07 + 0.58 * envelope(hour, 8.0, 21.5) + 0.12 * bump(hour, 13.5, 2.5));
        }
        double am = switch (day) {
            case MONDAY -> 0.30;
            case FRIDAY -> 0.24;
            default -> 0.33;
        };
        double pm = switch (day) {
            case FRIDAY -> 0.34;
            case MONDAY -> 0.26;
            default -> 0.29;
        };
        return 0.06 + 0.58 * envelope(hour, 5.5, 21.0) + am * bump(hour, 7.6, 0.85) + pm * bump(hour, 17.2, 1.25);
    }

    private static double envelope(double hour, double rise, double fall) {
        return 1 / (1 + Math.exp(-(hour - rise) * 1.6)) * 1 / (1 + Math.exp((hour - fall) * 1.1));
    }

    private static double bump(double hour, double centre, double width) {
        double z = (hour - centre) / width;
        return Math.exp(-0.5 * z * z);
    }
}
