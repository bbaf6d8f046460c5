package org.flowcast.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * What simulated district to make: how many corridors (freeway directions) of how many stations each,
 * over how many weeks from which Monday, and the seed that fixes everything else.
 */
public record DistrictConfig(int corridors, int stationsPerCorridor, int weeks, long seed, LocalDate start) {
    /** The default district: 30 corridors (15 freeways, both directions) of 20 stations, 10 weeks, as the sample's. */
    public static final DistrictConfig DEFAULT = new DistrictConfig(30, 20, 10, 42, SampleConfig.DEFAULT.start());

    /** The most corridors a district may have: the freeways of {@link SampleDistrict} in both directions. */
    public static final int MAX_CORRIDORS = 60;

    public DistrictConfig {
        if (corridors < 1 || corridors > MAX_CORRIDORS) {
            throw new IllegalArgumentException("a sample district has 1 to " + MAX_CORRIDORS + " corridors, not " + corridors);
        }
        if (stationsPerCorridor < 3 || stationsPerCorridor > 200) {
            throw new IllegalArgumentException("a sample corridor needs 3 to 200 stations, not " + stationsPerCorridor);
        }
        if (weeks < 1 || weeks > 104) {
            throw new IllegalArgumentException("a sample covers 1 to 104 weeks, not " + weeks);
        }
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            start = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }

    public int stations() {
        return corridors * stationsPerCorridor;
    }

    public LocalDate end() {
        return start.plusDays(weeks * 7L);
    }
}
