package org.flowcast.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.flowcast.core.Horizon;
import org.flowcast.reports.EvaluationSummary.IntervalScores;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report's prediction intervals: per model and level the coverage, the mean width and the interval score (which
 * compares models where coverage cannot: a wide interval covers well however poor its forecast), and the coverage at
 * each reported step. A run saved before widths and scores were kept shows its coverage alone.
 */
final class IntervalRows {
    private IntervalRows() {
    }

    /** Every nominal level some model was calibrated at, in increasing order. */
    static List<Double> levels(EvaluationSummary summary) {
        TreeSet<Double> levels = new TreeSet<>();
        for (ModelSummary m : summary.models()) {
            if (m.levels() != null) {
                Arrays.stream(m.levels()).forEach(levels::add);
            }
            m.intervals().forEach(i -> levels.add(i.level()));
        }
        return List.copyOf(levels);
    }

    static Optional<IntervalScores> scores(ModelSummary m, double level) {
        return m.intervals().stream().filter(i -> i.level() == level).findFirst();
    }

    /** The pooled coverage at a level: from the scores, else from the older per-level coverage; NaN where neither. */
    static double coverage(ModelSummary m, double level) {
        Optional<IntervalScores> scores = scores(m, level);
        if (scores.isPresent()) {
            return scores.get().coverageAverage();
        }
        for (int i = 0; m.levels() != null && m.coverage() != null && i < Math.min(m.levels().length, m.coverage().length); i++) {
            if (m.levels()[i] == level) {
                return m.coverage()[i];
            }
        }
        return Double.NaN;
    }

    static Map<String, Object> context(EvaluationSummary summary) {
        List<Double> levels = levels(summary);
        Map<String, Double> bestScore = new LinkedHashMap<>();
        for (double level : levels) {
            bestScore.put(key(level), summary.models().stream().flatMap(m -> scores(m, level).stream())
                    .mapToDouble(IntervalScores::scoreAverage).filter(Double::isFinite).min().orElse(Double.NaN));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelSummary m : summary.models()) {
            List<Map<String, Object>> coverage = new ArrayList<>();
            List<Map<String, Object>> width = new ArrayList<>();
            List<Map<String, Object>> score = new ArrayList<>();
            for (double level : levels) {
                Optional<IntervalScores> s = scores(m, level);
                double value = s.map(IntervalScores::scoreAverage).orElse(Double.NaN);
                coverage.add(Map.of("value", Figures.percent(coverage(m, level))));
                width.add(Map.of("value", Figures.fixed(s.map(IntervalScores::widthAverage).orElse(Double.NaN), 1)));
                score.add(Map.of("value", Figures.fixed(value, 1), "best", value == bestScore.get(key(level))));
            }
            rows.add(Map.of("model", m.model(), "coverage", coverage, "width", width, "score", score));
        }
        int[] steps = Horizon.reportedSteps(summary.protocol().horizon());
        List<Map<String, Object>> stepRows = new ArrayList<>();
        for (ModelSummary m : summary.models()) {
            if (m.intervals().isEmpty()) {
                continue;
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int step : steps) {
                List<String> shares = new ArrayList<>();
                for (double level : levels) {
                    shares.add(scores(m, level).filter(s -> s.coverage().length >= step)
                            .map(s -> Figures.fixed(100 * s.coverage()[step - 1], 1)).orElse(Figures.NONE));
                }
                cells.add(Map.of("value", String.join(" / ", shares)));
            }
            stepRows.add(Map.of("model", m.model(), "cells", cells));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("intervalLevels", levels.stream().map(l -> Map.<String, Object>of("level", key(l))).toList());
        c.put("levelNames", String.join(" / ", levels.stream().map(IntervalRows::key).toList()));
        c.put("intervalRows", rows);
        c.put("coverageRows", stepRows);
        c.put("hasCoverageSteps", !stepRows.isEmpty());
        boolean older = summary.models().stream().anyMatch(m -> m.intervals().isEmpty());
        c.put("intervalsMissing", older ? "This run was saved before interval widths, scores and coverage per step were kept: the models "
                + "without them show their coverage alone (run 'flowcast evaluate' again for the rest)." : "");
        return c;
    }

    /** {@code intervals.csv}: each model, level and step (0 pooled over the steps) with its half-width, coverage, width, score. */
    static Table table(EvaluationSummary summary) {
        StringColumn model = StringColumn.create("model");
        DoubleColumn level = DoubleColumn.create("level");
        IntColumn step = IntColumn.create("step");
        DoubleColumn halfWidth = DoubleColumn.create("half_width");
        DoubleColumn coverage = DoubleColumn.create("coverage");
        DoubleColumn width = DoubleColumn.create("mean_width");
        DoubleColumn score = DoubleColumn.create("interval_score");
        for (ModelSummary m : summary.models()) {
            for (double l : levels(summary)) {
                Optional<IntervalScores> s = scores(m, l);
                if (s.isEmpty() && Double.isNaN(coverage(m, l))) {
                    continue;
                }
                int steps = s.map(x -> x.coverage().length).orElse(0);
                for (int h = 1; h <= steps; h++) {
                    IntervalScores x = s.get();
                    model.append(m.model());
                    level.append(l);
                    step.append(h);
                    halfWidth.append(h <= x.halfWidth().length ? x.halfWidth()[h - 1] : Double.NaN);
                    coverage.append(x.coverage()[h - 1]);
                    width.append(x.width()[h - 1]);
                    score.append(x.score()[h - 1]);
                }
                model.append(m.model());
                level.append(l);
                step.append(0);
                halfWidth.append(Double.NaN);
                coverage.append(coverage(m, l));
                width.append(s.map(IntervalScores::widthAverage).orElse(Double.NaN));
                score.append(s.map(IntervalScores::scoreAverage).orElse(Double.NaN));
            }
        }
        return Table.create("intervals", model, level, step, halfWidth, coverage, width, score);
    }

    /** A level as the report names it: 0.8 → "80%". */
    static String key(double level) {
        return Figures.fixed(100 * level, 0) + "%";
    }
}
