package org.flowcast.sample;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * What sample corridor to make: how many detector stations, how many weeks from which Monday, and
 * the seed that fixes everything else.
 */
public record SampleConfig(int stations, int weeks, long seed, LocalDate start) {

    /**
     * The default sample: 20 stations over 10 weeks from Monday 6 February 2023, which crosses the
     * spring-forward change of 12 March 2023 and Presidents' Day.
     */
    public static final SampleConfig DEFAULT = new SampleConfig(20, 10, 42, LocalDate.of(2023, 2, 6));

    /** PeMS district number of the sample: 99, which no real district has. */
    public static final int DISTRICT = 99;
    public static final int FREEWAY = 5;
    public static final String DIRECTION = "N";

    public SampleConfig {
        if (stations < 3 || stations > 200) {
            throw new IllegalArgumentException("a sample corridor needs 3 to 200 stations, not " + stations);
        }
        if (weeks < 1 || weeks > 104) {
            throw new IllegalArgumentException("a sample covers 1 to 104 weeks, not " + weeks);
        }
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            start = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }

    public int days() {
        return weeks * 7;
    }

    public LocalDate end() {
        return start.plusDays(days());
    }
}
