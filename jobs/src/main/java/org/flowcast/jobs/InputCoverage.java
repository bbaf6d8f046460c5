package org.flowcast.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.Channel;
import org.flowcast.core.InputShares;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.ValueState;

/**
 * What the origins of a forecast run read: the flow values of each origin's recent window (the
 * {@code historySteps} steps up to it, every station). An origin whose window holds no observed value
 * has no history to forecast from; the shares say how much of the rest was observed, imputed or missing.
 */
record InputCoverage(List<Instant> usable, List<Instant> withoutData, InputShares shares) {

    static InputCoverage of(SensorSeries history, List<Instant> origins, int historySteps) {
        int length = history.length();
        int stations = history.stationCount();
        // observed values per step, as prefix sums, so that each window is counted in constant time
        long[] observedUpTo = new long[length + 1];
        long[] imputedUpTo = new long[length + 1];
        for (int t = 0; t < length; t++) {
            int observed = 0;
            int imputed = 0;
            for (int s = 0; s < stations; s++) {
                ValueState state = history.state(t, s, Channel.FLOW);
                observed += state == ValueState.OBSERVED ? 1 : 0;
                imputed += state == ValueState.IMPUTED ? 1 : 0;
            }
            observedUpTo[t + 1] = observedUpTo[t] + observed;
            imputedUpTo[t + 1] = imputedUpTo[t] + imputed;
        }
        List<Instant> usable = new ArrayList<>();
        List<Instant> withoutData = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Instant origin : origins) {
            int end = history.indexOf(origin) + 1;
            int start = Math.max(0, end - historySteps);
            if (observedUpTo[end] - observedUpTo[start] > 0) {
                usable.add(origin);
                first = Math.min(first, start);
                last = Math.max(last, end);
            } else {
                withoutData.add(origin);
            }
        }
        if (usable.isEmpty()) {
            return new InputCoverage(usable, withoutData, InputShares.UNKNOWN);
        }
        double values = (double) (last - first) * stations;
        double observed = (observedUpTo[last] - observedUpTo[first]) / values;
        double imputed = (imputedUpTo[last] - imputedUpTo[first]) / values;
        return new InputCoverage(usable, withoutData, new InputShares(observed, imputed, Math.max(0, 1 - observed - imputed)));
    }
}
