package org.flowcast.ingest.quality;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.flowcast.core.Channel;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.ValueState;

/**
 * Fills missing values of a series and marks them {@link ValueState#IMPUTED}: a gap of up to
 * {@code maxLinearGap} is interpolated linearly between its known ends; a longer gap (or one at an
 * edge) takes the station's historical profile, the mean observed value of the same 5-minute slot of
 * the day (Pacific time) on the same kind of day (weekday or weekend). A value with no profile stays missing.
 */
public final class GapFiller {
    /** The default longest gap filled by interpolation. */
    public static final Duration DEFAULT_MAX_LINEAR_GAP = Duration.ofMinutes(30);
    private static final int SLOTS_PER_DAY = 288;

    private final Duration maxLinearGap;

    public GapFiller(Duration maxLinearGap) {
        if (maxLinearGap.isNegative()) {
            throw new IllegalArgumentException("the longest interpolated gap cannot be negative");
        }
        this.maxLinearGap = maxLinearGap;
    }

    /** The filled series and how many values each method filled. */
    public record Result(SensorSeries series, long interpolated, long fromProfile, long leftMissing) {
    }

    public Result fill(SensorSeries series) {
        int maxLinearSteps = (int) (maxLinearGap.toNanos() / series.step().toNanos());
        SensorSeries.Builder builder = series.toBuilder();
        long interpolated = 0;
        long profiled = 0;
        long missing = 0;
        int[] slotOf = new int[series.length()];
        for (int t = 0; t < series.length(); t++) {
            ZonedDateTime local = series.timeAt(t).atZone(PemsTime.ZONE);
            int slot = (local.getHour() * 60 + local.getMinute()) / 5;
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            slotOf[t] = slot + (weekend ? SLOTS_PER_DAY : 0);
        }
        for (int s = 0; s < series.stationCount(); s++) {
            for (Channel channel : Channel.values()) {
                double[] profile = profile(series, s, channel, slotOf);
                int t = 0;
                while (t < series.length()) {
                    if (!Float.isNaN(series.value(t, s, channel))) {
                        t++;
                        continue;
                    }
                    int end = t;
                    while (end < series.length() && Float.isNaN(series.value(end, s, channel))) {
                        end++;
                    }
                    boolean bounded = t > 0 && end < series.length();
                    if (bounded && end - t <= maxLinearSteps) {
                        float before = series.value(t - 1, s, channel);
                        float after = series.value(end, s, channel);
                        for (int i = t; i < end; i++) {
                            float w = (float) (i - t + 1) / (end - t + 1);
                            builder.set(i, s, channel, before + w * (after - before), ValueState.IMPUTED);
                            interpolated++;
                        }
                    } else {
                        for (int i = t; i < end; i++) {
                            double value = profile[slotOf[i]];
                            if (Double.isNaN(value)) {
                                missing++;
                            } else {
                                builder.set(i, s, channel, (float) value, ValueState.IMPUTED);
                                profiled++;
                            }
                        }
                    }
                    t = end;
                }
            }
        }
        return new Result(builder.build(), interpolated, profiled, missing);
    }

    private static double[] profile(SensorSeries series, int s, Channel channel, int[] slotOf) {
        double[] sum = new double[2 * SLOTS_PER_DAY];
        int[] count = new int[2 * SLOTS_PER_DAY];
        for (int t = 0; t < series.length(); t++) {
            if (series.isObserved(t, s, channel)) {
                sum[slotOf[t]] += series.value(t, s, channel);
                count[slotOf[t]]++;
            }
        }
        double[] mean = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return mean;
    }
}
