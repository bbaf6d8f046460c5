package org.flowcast.app.dashboard.viewmodel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accuracy table and error-against-horizon curves of the newest evaluation; {@code best[c]} is the
 * row with the lowest value in column {@code c}.
 */
public record ComparisonData(String source, List<String> columns, List<Row> rows, int[] best, Map<String, double[]> maeByStep,
                             String message) {

    public ComparisonData {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        best = best.clone();
        maeByStep = Collections.unmodifiableMap(new LinkedHashMap<>(maeByStep));
    }

    public static ComparisonData empty(String message) {
        return new ComparisonData("", List.of(), List.of(), new int[0], Map.of(), message);
    }

    /** One model's figures in column order. */
    public record Row(String model, List<Double> values) {
        public Row {
            values = List.copyOf(values);
        }
    }
}
