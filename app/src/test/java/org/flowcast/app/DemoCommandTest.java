package org.flowcast.app;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.app.cli.DemoCommand;
import org.flowcast.model.ModelRegistry;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The main job end to end on a small sample: real files, a real H2 database, real model training. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCommandTest {

    @Test
    @Order(1)
    void runsEveryStepAndWritesReportModelsAndForecasts() throws Exception {
        Result result = DemoWorkdir.firstRun();
        Path home = DemoWorkdir.home();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("at-conv-lstm", "persistence", "linear-ar", "Report:", "station-forecasts/s",
                "flowcast dashboard");
        Path html = home.resolve("runs/demo/report.html");
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "Diebold", "at-conv-lstm").doesNotContain("<script", "<link", "cdn");
        assertThat(home.resolve("runs/demo/report.md")).exists();
        assertThat(home.resolve("runs/demo/metrics.csv")).exists();
        EvaluationSummary summary = ReportWriter.readRun(home.resolve("runs/demo"));
        // every registered model, from the registry, at two hours
        assertThat(summary.models()).extracting(EvaluationSummary.ModelSummary::model).containsExactlyElementsOf(ModelRegistry.names());
        assertThat(summary.protocol().horizon()).isEqualTo(24);
        assertThat(summary.models().get(0).attentionByLag()).hasSize(12);
        assertThat(result.out()).contains("MAE step 24", "training stopped");
        // the ranking: every model once, the lowest average MAE first, tested against the best
        assertThat(summary.ranking()).extracting(EvaluationSummary.Rank::model).hasSize(ModelRegistry.names().size())
                .doesNotHaveDuplicates();
        assertThat(summary.ranking().get(0).maeAverage())
                .isEqualTo(summary.models().stream().mapToDouble(EvaluationSummary.ModelSummary::maeAverage).min().orElseThrow());
        assertThat(summary.ranking()).extracting(EvaluationSummary.Rank::maeAverage).isSorted();
        // the attention Conv-LSTM against every other model at steps 3, 6, 12 and 24
        assertThat(summary.againstLead()).hasSize((ModelRegistry.names().size() - 1) * 4)
                .allSatisfy(t -> assertThat(t.model()).isEqualTo("at-conv-lstm"));
        assertThat(Files.readString(home.resolve("runs/demo/report.md")))
                .contains("## Ranking by average MAE", "| gap to the best | skill vs persistence | skill vs historical-average |",
                        "### Coverage per step (%, 80% / 95%)", "### Against the best model at each step",
                        "#### Diebold–Mariano of at-conv-lstm against every other model");
        try (FlowcastDatabase db = FlowcastDatabase.open(home.resolve("flowcast"))) {
            List<ForecastRun> runs = new ForecastRuns(db).runs();
            assertThat(runs).extracting(ForecastRun::model).containsExactlyElementsOf(ModelRegistry.names());
            assertThat(runs).allSatisfy(run -> {
                assertThat(run.stations()).isEqualTo(5);
                assertThat(run.origins()).isEqualTo(summary.protocol().testWindows());
            });
        }
    }

    @Test
    @Order(2)
    void runningAgainReusesSampleDataAndModelsAndReplacesItsForecastRun() throws Exception {
        Path home = DemoWorkdir.home();
        Result again = DemoWorkdir.runDemo();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("found", "unchanged", "reusing");
        try (FlowcastDatabase db = FlowcastDatabase.open(home.resolve("flowcast"))) {
            assertThat(new ForecastRuns(db).runs()).hasSize(DemoCommand.MODELS.size());
        }
    }

    @Test
    @Order(3)
    void dashboardWithoutADisplayIsRefusedBeforeAnyWork(@org.junit.jupiter.api.io.TempDir Path empty) {
        Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
                "this machine has a display");
        Result result = FlowcastCommandTest.run("demo", "--workdir", empty.toString(), "--dashboard");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--dashboard needs a display", "xvfb-run", "--snapshot");
        assertThat(empty).isEmptyDirectory();
    }
}
