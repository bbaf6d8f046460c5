package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's charts in the page: full width, each model in its own look, and a panel without the baselines. */
class ReportChartsTest {
    @TempDir
    Path folder;

    private static EvaluationSummary summary(String... models) {
        List<ModelSummary> summaries = Arrays.stream(models)
                .map(m -> HandMadeSummary.model(m, HandMadeSummary.growing(10 + m.length(), 0.5), true)).toList();
        return HandMadeSummary.of(summaries, List.of(), List.of(), List.of());
    }

    @Test
    void theZoomedPanelLeavesOutTheNaiveBaselinesAndKeepsTheLinearAr() {
        List<String> zoomed = ReportCharts.zoomed(List.of("at-conv-lstm", "persistence", "historical-average", "seasonal-naive",
                "linear-ar", "tcn", "stid"));

        assertThat(zoomed).containsExactly("at-conv-lstm", "linear-ar", "tcn", "stid");
    }

    @Test
    void eachErrorChartHasAPanelWithoutTheBaselinesWhoseLegendNamesOnlyTheOthers() throws IOException {
        EvaluationSummary summary = summary("tcn", "persistence", "historical-average", "lstm");
        String html = Files.readString(new ReportWriter().write(summary, folder).html());

        List<String> charts = svgs(html);
        // horizon, stations and hours, each full and zoomed, and the trace
        assertThat(charts).hasSize(7);
        String zoom = charts.stream().filter(svg -> texts(svg).contains("MAE against horizon, without the naive baselines")).findFirst()
                .orElseThrow();
        assertThat(texts(zoom)).contains("tcn", "lstm").doesNotContain("persistence", "historical-average");
        assertThat(html).contains("The same without the naive baselines (persistence, historical-average)");
    }

    @Test
    void aRunOfBaselinesAloneOrWithoutBaselinesHasNoZoomedPanel() throws IOException {
        String baselines = Files.readString(new ReportWriter().write(summary("persistence", "historical-average"),
                folder.resolve("a")).html());
        String neural = Files.readString(new ReportWriter().write(summary("tcn", "lstm"), folder.resolve("b")).html());

        assertThat(svgs(baselines)).hasSize(4);
        assertThat(svgs(neural)).hasSize(4);
        assertThat(baselines + neural).doesNotContain("without the naive baselines");
    }

    @Test
    void theChartsFillThePageWidth() throws IOException {
        String html = Files.readString(new ReportWriter().write(summary("tcn", "persistence"), folder).html());

        assertThat(html).contains("svg { display: block; width: 100%; height: auto;");
        assertThat(svgs(html)).allSatisfy(svg -> assertThat(svg.substring(0, svg.indexOf('>')))
                .contains("viewBox='0.0 0.0 " + Charts.WIDTH + ".0 " + Charts.HEIGHT + ".0'").doesNotContain("width="));
    }

    /** Each model's line carries its own colour: the same model in the full and the zoomed panel, another model another. */
    @Test
    void everyModelIsDrawnInADifferentColourAcrossTheCharts() throws IOException {
        String html = Files.readString(new ReportWriter().write(summary("tcn", "persistence", "lstm", "gru", "stid", "transformer",
                "at-conv-lstm", "linear-ar", "seasonal-naive", "historical-average"), folder).html());

        String horizon = svgs(html).get(0);
        Matcher strokes = Pattern.compile("stroke-width:2\\.0;stroke:(rgb\\(\\d+,\\d+,\\d+\\))").matcher(horizon);
        List<String> colours = strokes.results().map(r -> r.group(1)).distinct().toList();
        assertThat(colours).hasSize(10);
    }

    private static List<String> svgs(String html) {
        return Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html).results().map(r -> r.group()).toList();
    }

    private static List<String> texts(String svg) {
        return Pattern.compile("<text [^>]*>([^<]*)</text>").matcher(svg).results().map(r -> r.group(1)).toList();
    }
}
