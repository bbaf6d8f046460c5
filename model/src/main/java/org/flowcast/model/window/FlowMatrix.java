package org.flowcast.model.window;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import org.flowcast.core.Channel;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;

/**
 * The flow of a series as the windows read it: {@code raw[t][s]} with NaN where missing (targets), and
 * {@code filled[t][s]} with gaps carried forward from the last known value for at most a day (the mean
 * beyond that, or where none is known yet), z-scored; plus the time features of each step in Pacific time.
 */
public final class FlowMatrix {
    /**
     * How far back a gap is filled from: a day. Bounded so that a forecast depends only on the day
     * before its history, not on where the series handed to the model happens to start.
     */
    public static final int CARRY_LIMIT_STEPS = 288;

    final int length;
    final int stations;
    final float[] raw;
    final float[] filledScaled;
    final float[] timeOfDay;
    final byte[] dayOfWeek;

    public FlowMatrix(SensorSeries series, ZScore scaler) {
        this.length = series.length();
        this.stations = series.stationCount();
        this.raw = new float[length * stations];
        this.filledScaled = new float[length * stations];
        this.timeOfDay = new float[length];
        this.dayOfWeek = new byte[length];
        for (int s = 0; s < stations; s++) {
            float last = Float.NaN;
            int lastAt = 0;
            for (int t = 0; t < length; t++) {
                float v = series.value(t, s, Channel.FLOW);
                raw[t * stations + s] = v;
                if (!Float.isNaN(v)) {
                    last = v;
                    lastAt = t;
                }
                boolean known = !Float.isNaN(last) && t - lastAt <= CARRY_LIMIT_STEPS;
                filledScaled[t * stations + s] = known ? scaler.scale(last) : 0f;
            }
        }
        for (int t = 0; t < length; t++) {
            ZonedDateTime local = series.timeAt(t).atZone(PemsTime.ZONE);
            timeOfDay[t] = (local.getHour() * 60 + local.getMinute()) / 1440f;
            dayOfWeek[t] = (byte) (local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        }
    }

    /** Every finite flow value of the series, for fitting a scaler. */
    public static float[] flows(SensorSeries series) {
        float[] values = new float[series.length() * series.stationCount()];
        int i = 0;
        for (int t = 0; t < series.length(); t++) {
            for (int s = 0; s < series.stationCount(); s++) {
                values[i++] = series.value(t, s, Channel.FLOW);
            }
        }
        return values;
    }
}
