package org.flowcast.app;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast evaluate} on the demo's database. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void rollingOriginEvaluationSaysHowItWasDoneInTheRunAndReport() throws Exception {
        Result result = FlowcastCommandTest.run("evaluate", "--db", DemoWorkdir.database().toString(), "--models",
                "historical-average,persistence", "--rolling-days", "1", "--out", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        EvaluationSummary summary = ReportWriter.readRun(dir);
        assertThat(summary.protocol().scheme()).startsWith("rolling origin over the test share:").contains("of 1 day");
        assertThat(summary.models()).extracting(EvaluationSummary.ModelSummary::model).containsExactly("historical-average", "persistence");
        assertThat(summary.models().get(0).provenance().get("evaluation")).isEqualTo(summary.protocol().scheme());
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Evaluation: rolling origin");
    }

    @Test
    void theLastDayAsTestWithATargetStationGivesThatProtocolAndTheStationByStepTable() throws Exception {
        int target = 990003;
        Result result = FlowcastCommandTest.run("evaluate", "--db", DemoWorkdir.database().toString(), "--models",
                "linear-ar", "--test-days", "1", "--validation-share", "0.15", "--target", String.valueOf(target),
                "--param", "lambda=0.5", "--out", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        EvaluationSummary summary = ReportWriter.readRun(dir);
        assertThat(summary.protocol().testWindows()).isEqualTo(288 - 12);
        assertThat(summary.protocol().scheme()).contains("the last 1 day", "the last 15% of the windows before them");
        assertThat(summary.models().get(0).provenance()).containsEntry("lambda", "0.5");
        assertThat(Files.readString(dir.resolve("report.md")))
                .startsWith("# Flowcast accuracy report").contains("## Station " + target + ", step by step");
        List<String> rows = Files.readAllLines(dir.resolve("station-steps.csv"));
        assertThat(rows.get(0)).isEqualTo("model,station,step,mae,rmse,mape_percent,count");
        assertThat(rows).hasSize(1 + 5 * 12);
        // a station's step 1 pools its 276 test origins (fewer where the truth is missing or zero)
        EvaluationSummary.StationSteps steps = summary.models().get(0).stationSteps().get(target);
        assertThat(steps.count()[0]).isBetween(200L, 276L);
        assertThat(steps.mae()[0]).isLessThan(steps.mae()[11]);
        assertThat(dir.resolve("station-steps.json")).content().containsPattern("\"station\" ?: ?" + target);
        // the report again, opening on another station
        Result again = FlowcastCommandTest.run("report", dir.toString(), "--target", "990001");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## Station 990001, step by step")
                .doesNotContain("## Station " + target + ",");
    }

    @Test
    void noRetrainWithoutRollingDaysIsAUsageError() {
        Result result = FlowcastCommandTest.run("evaluate", "--db", dir.resolve("x").toString(), "--no-retrain");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--no-retrain needs --rolling-days");
    }
}
