package org.flowcast.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.model.statistical.HistoricalAverage;
import org.flowcast.model.statistical.Persistence;
import org.flowcast.model.statistical.SeasonalNaive;
import org.flowcast.reports.EvaluationSummary.ModelSummary;

/**
 * The report's charts as inline SVG for the template: MAE against horizon, per station and by hour, each with a zoomed
 * panel without the naive baselines, whose errors set the full panel's scale and blur the other models into one band;
 * the best model's day with its intervals; and the attention models' mean weights. Every model keeps one colour and
 * dash across the charts.
 */
final class ReportCharts {
    /**
     * The baselines the zoomed panels leave out: rules without a fitted weight. The fitted linear AR stays in, as the
     * bar the neural models have to clear, and its errors lie in their range.
     */
    static final List<String> NAIVE = List.of(Persistence.NAME, SeasonalNaive.NAME, HistoricalAverage.NAME);

    private ReportCharts() {
    }

    /** The models a zoomed panel keeps: every one but the naive baselines. */
    static List<String> zoomed(List<String> models) {
        return models.stream().filter(m -> !NAIVE.contains(m)).toList();
    }

    static Map<String, Object> context(EvaluationSummary summary) {
        List<String> names = summary.models().stream().map(ModelSummary::model).toList();
        ModelStyles styles = new ModelStyles(names);
        Map<String, double[]> byStep = new LinkedHashMap<>();
        Map<String, double[]> byStation = new LinkedHashMap<>();
        Map<String, double[]> byHour = new LinkedHashMap<>();
        for (ModelSummary m : summary.models()) {
            byStep.put(m.model(), m.mae());
            byStation.put(m.model(), summary.protocol().stationIds().stream()
                    .mapToDouble(id -> m.stationMae().getOrDefault(id, Double.NaN)).toArray());
            byHour.put(m.model(), m.hourMae());
        }
        List<String> kept = zoomed(names);
        List<String> left = names.stream().filter(m -> !kept.contains(m)).toList();
        boolean zoom = !kept.isEmpty() && !left.isEmpty();
        String without = ", without the naive baselines";
        String yLabel = "MAE (veh/5 min)";
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("hasZoom", zoom);
        String horizon = "MAE against horizon";
        String xHorizon = "steps ahead (5 min each)";
        c.put("chartHorizon", Charts.lines(horizon, xHorizon, yLabel, byStep, 1, styles));
        String stations = "MAE per station along the corridor";
        String xStations = "station position (corridor order)";
        c.put("chartStations", Charts.lines(stations, xStations, yLabel, byStation, 1, styles));
        String hours = "MAE by hour of day (Pacific, target time)";
        c.put("chartHours", Charts.lines(hours, "hour", yLabel, byHour, 0, styles));
        if (zoom) {
            c.put("zoomHorizon", Charts.lines(horizon + without, xHorizon, yLabel, only(byStep, kept), 1, styles));
            c.put("zoomStations", Charts.lines(stations + without, xStations, yLabel, only(byStation, kept), 1, styles));
            c.put("zoomHours", Charts.lines(hours + without, "hour", yLabel, only(byHour, kept), 0, styles));
            c.put("zoomNote", "The same without the naive baselines (" + String.join(", ", left)
                    + "), on a scale of the other models' own.");
        }
        ModelSummary best = summary.models().stream().min(Comparator.comparingDouble(ModelSummary::maeAverage)).orElseThrow();
        c.put("bestModel", best.model());
        if (best.trace() != null) {
            c.put("traceStation", best.trace().stationId());
            c.put("chartTrace", Charts.trace("Forecast against observed, station " + best.trace().stationId(), best.trace(), best.model(),
                    best.intervals()));
            c.put("traceBands", best.intervals().isEmpty() ? "" : "The shaded bands are " + best.model() + "'s "
                    + String.join(" and ", best.intervals().stream().map(i -> IntervalRows.key(i.level())).toList())
                    + " intervals around its " + best.trace().shortStep() * 5 + "-minute forecast.");
        }
        List<Map<String, Object>> attention = new ArrayList<>();
        for (ModelSummary m : summary.models()) {
            if (m.attentionByLag() != null) {
                List<String> lags = new ArrayList<>();
                int p = m.attentionByLag().length;
                for (int lag = 0; lag < p; lag++) {
                    lags.add("t-" + (p - 1 - lag) * 5 + "m");
                }
                attention.add(Map.of("model", m.model(), "chart", Charts.bars("Mean attention over input steps: " + m.model(),
                        "input step (minutes before the origin)", "weight", lags, m.attentionByLag())));
            }
        }
        c.put("attention", attention);
        return c;
    }

    private static Map<String, double[]> only(Map<String, double[]> series, List<String> models) {
        Map<String, double[]> out = new LinkedHashMap<>();
        series.forEach((model, values) -> {
            if (models.contains(model)) {
                out.put(model, values);
            }
        });
        return out;
    }
}
