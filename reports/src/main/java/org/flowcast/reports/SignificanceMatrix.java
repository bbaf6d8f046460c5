package org.flowcast.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.Horizon;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.flowcast.reports.EvaluationSummary.Significance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Diebold–Mariano tests at a glance: models × reported steps, each cell the verdict of the model's test against the
 * best model at that step (and, in a second matrix, against the best baseline there), marked where the difference is
 * significant at 5%; the long tables of every statistic follow, folded away.
 */
final class SignificanceMatrix {
    static final double LEVEL = 0.05;

    private SignificanceMatrix() {
    }

    /** What a test says in a cell: "better", "worse" (significant at 5%), "≈" (not significant) or "n/t" (not testable). */
    static String verdict(Significance test) {
        if (Double.isNaN(test.pValue())) {
            return "n/t";
        }
        return !(test.pValue() < LEVEL) ? "≈" : test.statistic() < 0 ? "better" : "worse";
    }

    static boolean significant(Significance test) {
        return test.pValue() < LEVEL;
    }

    static Map<String, Object> context(EvaluationSummary summary) {
        int[] steps = Horizon.reportedSteps(summary.protocol().horizon());
        List<String> models = order(summary);
        Map<String, Object> c = new LinkedHashMap<>();
        List<Map<String, Object>> bestHeaders = new ArrayList<>();
        List<Map<String, Object>> baselineHeaders = new ArrayList<>();
        for (int step : steps) {
            bestHeaders.add(Map.of("step", step, "minutes", step * 5, "other",
                    reference(summary.againstBest(), step).orElse(Figures.NONE)));
            baselineHeaders.add(Map.of("step", step, "minutes", step * 5, "other",
                    reference(summary.significance(), step).orElse(Figures.NONE)));
        }
        c.put("bestSteps", bestHeaders);
        c.put("bestMatrix", summary.againstBest().isEmpty() ? List.of() : rows(models, steps, summary.againstBest(), "best"));
        c.put("baselineSteps", baselineHeaders);
        c.put("baselineMatrix", summary.significance().isEmpty() ? List.of() : rows(models, steps, summary.significance(), "baseline"));
        c.put("bestMatrixMissing", summary.againstBest().isEmpty() && !summary.significance().isEmpty()
                ? "This run was saved before the tests against the best model at each step were kept; the ranking above tests "
                + "each model against the best on its average over the steps." : "");
        return c;
    }

    /** Rows in the ranking's order (else the run's), a cell per step: the reference itself, a verdict with its p-value, or a dash. */
    private static List<Map<String, Object>> rows(List<String> models, int[] steps, List<Significance> tests, String itself) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String model : models) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int step : steps) {
                Optional<Significance> test = tests.stream().filter(t -> t.step() == step && t.model().equals(model)).findFirst();
                boolean reference = reference(tests, step).filter(model::equals).isPresent();
                String text = reference ? itself : test.map(t -> verdict(t) + (Double.isNaN(t.pValue()) ? ""
                        : " (p " + (t.pValue() < 0.001 ? "< 0.001" : "= " + Figures.fixed(t.pValue(), 3)) + ")")).orElse(Figures.NONE);
                String kind = reference ? "reference" : test.filter(SignificanceMatrix::significant).map(t -> t.statistic() < 0 ? "better"
                        : "worse").orElse("");
                cells.add(Map.of("text", text, "kind", kind, "significant", !kind.isEmpty() && !reference));
            }
            rows.add(Map.of("model", model, "cells", cells));
        }
        return rows;
    }

    /** The model every test at a step was made against. */
    private static Optional<String> reference(List<Significance> tests, int step) {
        return tests.stream().filter(t -> t.step() == step).map(Significance::baseline).findFirst();
    }

    private static List<String> order(EvaluationSummary summary) {
        if (!summary.ranking().isEmpty()) {
            return summary.ranking().stream().map(Rank::model).toList();
        }
        return summary.models().stream().map(ModelSummary::model).toList();
    }

    /** {@code against-best.csv}: every model against the model of lowest MAE at each reported step. */
    static Table table(EvaluationSummary summary) {
        StringColumn model = StringColumn.create("model");
        StringColumn best = StringColumn.create("best");
        IntColumn step = IntColumn.create("step");
        DoubleColumn statistic = DoubleColumn.create("dm_statistic");
        DoubleColumn p = DoubleColumn.create("p_value");
        for (Significance s : summary.againstBest()) {
            model.append(s.model());
            best.append(s.baseline());
            step.append(s.step());
            statistic.append(s.statistic());
            p.append(s.pValue());
        }
        return Table.create("against-best", model, best, step, statistic, p);
    }
}
