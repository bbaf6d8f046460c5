package org.flowcast.core;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a forecast must be before it is stored or shown: every flow a finite number from zero to its
 * station's {@link FlowCeiling}; every interval's bounds finite and not below zero, around its forecast, and
 * each wider level's interval around the narrower one's ({@code lo95 ≤ lo80 ≤ flow ≤ hi80 ≤ hi95}).
 * {@link #require} refuses any other forecast with the first value that fails and why.
 */
public final class ForecastCheck {
    private final Map<Integer, Integer> lanesById;

    private ForecastCheck(Map<Integer, Integer> lanesById) {
        this.lanesById = lanesById;
    }

    /** The check for forecasts of these stations (a station it does not list counts as one of unknown lanes). */
    public static ForecastCheck of(List<Station> stations) {
        Map<Integer, Integer> lanes = new HashMap<>();
        for (Station station : stations) {
            lanes.put(station.id(), station.lanes());
        }
        return new ForecastCheck(lanes);
    }

    /** @throws ImplausibleForecastException naming the first value that no road carries or interval out of order */
    public void require(Forecast forecast) throws ImplausibleForecastException {
        List<PredictionInterval> byLevel = forecast.intervals().stream()
                .sorted(Comparator.comparingDouble(PredictionInterval::level)).toList();
        for (int s = 0; s < forecast.stationCount(); s++) {
            int lanes = lanesById.getOrDefault(forecast.stationIds().get(s), 0);
            float ceiling = FlowCeiling.of(lanes);
            for (int h = 1; h <= forecast.horizonSteps(); h++) {
                float flow = forecast.value(h, s);
                if (!(flow >= 0 && flow <= ceiling)) {
                    throw refused(forecast, s, h, String.format(Locale.ROOT, "the model forecast %s veh/5 min", number(flow)),
                            Float.isNaN(flow) ? "not a number" : Float.isInfinite(flow) ? "not a finite flow"
                                    : flow < 0 ? "below zero" : "more than the " + FlowCeiling.describe(lanes));
                }
                requireOrdered(forecast, byLevel, s, h);
            }
        }
    }

    /** Each interval holds its forecast and the narrower levels' intervals, with finite bounds from zero. */
    private static void requireOrdered(Forecast forecast, List<PredictionInterval> byLevel, int s, int h)
            throws ImplausibleForecastException {
        float flow = forecast.value(h, s);
        PredictionInterval narrower = null;
        for (PredictionInterval interval : byLevel) {
            float lower = interval.lower(h, s);
            float upper = interval.upper(h, s);
            // the message is made only for a value that fails: every stored forecast passes through here
            if (!(Float.isFinite(lower) && Float.isFinite(upper) && lower >= 0)) {
                throw refused(forecast, s, h, what(interval, lower, upper), "has a bound below zero or not finite");
            }
            if (!(lower <= flow && flow <= upper)) {
                throw refused(forecast, s, h, what(interval, lower, upper), "does not hold its forecast " + number(flow));
            }
            if (narrower != null && !(lower <= narrower.lower(h, s) && narrower.upper(h, s) <= upper)) {
                throw refused(forecast, s, h, what(interval, lower, upper), "does not hold the " + percent(narrower) + " interval ["
                        + number(narrower.lower(h, s)) + ", " + number(narrower.upper(h, s)) + "]");
            }
            narrower = interval;
        }
    }

    private static String what(PredictionInterval interval, float lower, float upper) {
        return "the " + percent(interval) + " interval [" + number(lower) + ", " + number(upper) + "]";
    }

    private static ImplausibleForecastException refused(Forecast forecast, int s, int h, String what, String why) {
        return new ImplausibleForecastException(what + " for station " + forecast.stationIds().get(s) + " at step " + h + " from "
                + forecast.origin() + ": " + why);
    }

    private static String percent(PredictionInterval interval) {
        return Math.round(interval.level() * 100) + "%";
    }

    private static String number(float value) {
        return Float.isFinite(value) && Math.abs(value) < 1e9 ? String.format(Locale.ROOT, "%,.1f", value) : String.valueOf(value);
    }
}
