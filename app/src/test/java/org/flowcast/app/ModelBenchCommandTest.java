package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flowcast.jobs.PyTorchReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBenchCommandTest {
    private static final Path ORANGE = Path.of(System.getProperty("flowcast.shared.data", "../../shared/data"), "pems-d12-orange");
    private static final Path REFERENCE = Path.of(System.getProperty("flowcast.shared.data", "../../shared/data"))
            .resolveSibling("reference").resolve("torch_ref.py");

    @Test
    void refusesAParameterOneOfTheModelsDoesNotTakeBeforeReadingAnyData(@TempDir Path empty) {
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--data", empty.toString(),
                "--models", "linear-ar,persistence", "--param", "lambda=0.5");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("unknown parameter 'lambda'", "persistence", "--models")
                .doesNotContain(".npz");
    }

    @Test
    void refusesAWeightAverageDecayOfOneOrMoreBeforeReadingAnyData(@TempDir Path empty) {
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--data", empty.toString(),
                "--models", "lstm", "--average-decay", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--average-decay", "must lie from 0 (no averaging) up to, not including, 1")
                .doesNotContain(".npz");
    }

    @Test
    void passesParametersToTheModelAndRecordsThemWithTheFigures(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(ORANGE), "skipped: " + ORANGE + " is absent (needs ../shared/data)");
        Path plain = dir.resolve("plain.json");
        Path strong = dir.resolve("strong.json");
        assertThat(FlowcastCommandTest.run("bench", "models", "--data", ORANGE.toString(), "--models", "linear-ar",
                "--json", plain.toString()).exitCode()).isZero();
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--data", ORANGE.toString(),
                "--models", "linear-ar", "--param", "lambda=1e6", "--json", strong.toString());
        assertThat(result.exitCode()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode withDefault = mapper.readTree(plain.toFile());
        JsonNode withParameter = mapper.readTree(strong.toFile());
        assertThat(withParameter.path("parameters").path("lambda").asText()).isEqualTo("1e6");
        assertThat(withDefault.path("parameters").size()).isZero();
        // a ridge penalty this strong shrinks the autoregression towards nothing: a different, worse model
        assertThat(withParameter.path("models").get(0).path("maeAverage").asDouble())
                .isGreaterThan(withDefault.path("models").get(0).path("maeAverage").asDouble());
    }

    @Test
    void benchmarksADatabaseOnATestRangeGivenInDays(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("figures.json");
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--db", DemoWorkdir.database().toString(),
                "--models", "linear-ar,persistence", "--test-days", "1", "--json", json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(DemoWorkdir.database().toString() + ": 5 stations", "(test: the origins of the last 1 day");
        String figures = Files.readString(json);
        assertThat(figures).contains("\"scheme\"", "the last 1 day", "\"testOrigins\" : " + (288 - 12));
        assertThat(result.err()).doesNotContain("have no postmile");
    }

    @Test
    void stationsWithoutADatabaseAreAUsageError() {
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--stations", "1,2");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--stations needs --db");
    }

    @Test
    void withoutTorchTheSideBySideIsSkippedWithTheFixAndFlowcastsFiguresAreStillWritten(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(ORANGE), "skipped: " + ORANGE + " is absent (needs ../shared/data)");
        Path json = dir.resolve("figures.json");
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--data", ORANGE.toString(), "--models",
                "tcn,persistence", "--epochs", "1", "--against-pytorch", "--python", "/nonexistent", "--json", json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("PyTorch side-by-side skipped: /nonexistent is not an executable python",
                "install with `apt-get install -y python3-torch python3-numpy libopenblas0-pthread`",
                "persistence: no PyTorch counterpart, skipped by --against-pytorch");
        assertThat(result.out()).contains("steady samples/s");
        JsonNode tcn = new ObjectMapper().readTree(json.toFile()).path("models").get(0);
        assertThat(tcn.path("model").asText()).isEqualTo("tcn");
        assertThat(tcn.path("epochSamplesPerSecond").size()).isEqualTo(1);
        // one epoch is all warm-up: no steady figure
        assertThat(tcn.path("steadySamplesPerSecond").isNull()).isTrue();
    }

    @Test
    void runsTheSideBySideWhereTorchIsInstalled(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(ORANGE), "skipped: " + ORANGE + " is absent (needs ../shared/data)");
        Optional<String> unavailable = new PyTorchReference(Path.of("/usr/bin/python3"), REFERENCE).unavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
        Path json = dir.resolve("side-by-side.json");
        FlowcastCommandTest.Result result = FlowcastCommandTest.run("bench", "models", "--data", ORANGE.toString(), "--models", "tcn",
                "--epochs", "3", "--pairs", "1", "--against-pytorch", "--reference", REFERENCE.toString(), "--json", json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Flowcast steady samples/s", "PyTorch samples/s", "ratio");
        JsonNode tcn = new ObjectMapper().readTree(json.toFile()).path("models").get(0);
        assertThat(tcn.path("torchModel").asText()).isEqualTo("tcn");
        JsonNode pair = tcn.path("pairs").get(0);
        assertThat(pair.path("flowcast").path("epochSamplesPerSecond").size()).isEqualTo(3);
        assertThat(pair.path("torch").path("epochSeconds").size()).isEqualTo(3);
        assertThat(tcn.path("ratio").asDouble()).isCloseTo(tcn.path("flowcastSteadySamplesPerSecond").asDouble()
                / tcn.path("torchSamplesPerSecond").asDouble(), within(1e-9));
    }
}
