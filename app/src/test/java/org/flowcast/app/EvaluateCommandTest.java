package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        assertThat(java.nio.file.Files.readString(dir.resolve("report.md"))).contains("Evaluation: rolling origin");
    }

    @Test
    void noRetrainWithoutRollingDaysIsAUsageError() {
        Result result = FlowcastCommandTest.run("evaluate", "--db", dir.resolve("x").toString(), "--no-retrain");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--no-retrain needs --rolling-days");
    }
}
