package org.flowcast.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcast.jobs.SideBySideBenchService;
import org.flowcast.jobs.cli.Tables;

/** The side-by-side's table: per model, both training speeds, their ratio, Flowcast's warm-up share and both test MAEs. */
final class SideBySideTable {
    private SideBySideTable() {
    }

    static String render(SideBySideBenchService.Figures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (SideBySideBenchService.Comparison c : figures.models()) {
            rows.add(List.of(c.model(), number("%,.0f", c.flowcastSteadySamplesPerSecond()), number("%,.0f", c.torchSamplesPerSecond()),
                    number("%.2fx", c.ratio()), number("%.2f", c.flowcastFirstEpochShare()), number("%.2f", c.flowcastMae()),
                    number("%.2f", c.torchMae())));
        }
        String caption = String.format(Locale.ROOT, "horizon %d, %d epochs, %d pair%s per model; Flowcast: median samples/s from "
                + "epoch 3 on, PyTorch: median epoch; medians over the pairs", figures.horizon(), figures.epochs(), figures.pairs(),
                figures.pairs() == 1 ? "" : "s");
        return caption + System.lineSeparator() + Tables.render(List.of("model", "Flowcast steady samples/s", "PyTorch samples/s",
                "ratio", "Flowcast epoch 1 share", "Flowcast MAE", "PyTorch MAE"), rows);
    }

    private static String number(String format, Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, format, value);
    }
}
