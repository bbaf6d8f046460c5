package org.flowcast.app.dashboard.viewmodel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.flowcast.core.Horizon;
import org.flowcast.reports.EvaluationSummary;

/** The model comparison: the newest evaluation's errors per model, the best of each column, and the model on show. */
public final class ComparisonViewModel {
    private final ReadOnlyObjectWrapper<ComparisonData> comparison = new ReadOnlyObjectWrapper<>(ComparisonData.empty(""));
    private final ReadOnlyStringWrapper shownModel = new ReadOnlyStringWrapper("");

    ComparisonViewModel(DashboardSelection selection) {
        selection.selectedRunProperty().addListener((o, a, b) -> shownModel.set(b == null ? "" : b.model()));
    }

    /** Shows an evaluation, or why there is none ({@code problem}, else where evaluations were looked for). */
    void show(Optional<EvaluationSummary> evaluation, String problem, String lookedIn) {
        comparison.set(evaluation.map(ComparisonViewModel::comparisonOf).orElseGet(() -> ComparisonData.empty(problem.isEmpty()
                ? "No evaluation found under " + lookedIn + ". Run 'flowcast evaluate' (or 'flowcast demo') to compare models here."
                : problem)));
    }

    static ComparisonData comparisonOf(EvaluationSummary summary) {
        int[] steps = Horizon.reportedSteps(summary.protocol().horizon());
        List<String> columns = new ArrayList<>();
        for (int step : steps) {
            columns.add("MAE @" + step);
        }
        columns.addAll(List.of("MAE avg", "RMSE avg", "MAPE %"));
        List<ComparisonData.Row> rows = new ArrayList<>();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (EvaluationSummary.ModelSummary m : summary.models()) {
            List<Double> values = new ArrayList<>();
            for (int step : steps) {
                values.add(m.mae()[step - 1]);
            }
            values.add(m.maeAverage());
            values.add(m.rmseAverage());
            values.add(m.mapeAverage());
            rows.add(new ComparisonData.Row(m.model(), values));
            curves.put(m.model(), m.mae().clone());
        }
        int[] best = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 1; r < rows.size(); r++) {
                if (rows.get(r).values().get(c) < rows.get(best[c]).values().get(c)) {
                    best[c] = r;
                }
            }
        }
        String from = summary.protocol().data() + " · " + summary.protocol().testWindows() + " test windows · evaluated "
                + readable(summary.createdAt());
        return new ComparisonData(from, columns, rows, best, curves, "");
    }

    /** When the evaluation ran, in PeMS local time with its zone as everywhere a person reads a time; as stored if unreadable. */
    static String readable(String createdAt) {
        if (createdAt == null) {
            return "";
        }
        try {
            return DashboardText.stamp(Instant.parse(createdAt));
        } catch (DateTimeParseException e) {
            return createdAt;
        }
    }

    public ReadOnlyObjectProperty<ComparisonData> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The model of the run on show, highlighted in the table. */
    public ReadOnlyStringProperty shownModelProperty() {
        return shownModel.getReadOnlyProperty();
    }
}
