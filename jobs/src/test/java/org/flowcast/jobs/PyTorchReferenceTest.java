package org.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyTorchReferenceTest {
    /** A real run of the reference (tcn, 12 steps, 2 epochs, seed 42), trimmed to the figures read back. */
    private static Path recorded() throws URISyntaxException {
        return Path.of(PyTorchReferenceTest.class.getResource("/torch/torch-ref-tcn-2-epochs.json").toURI());
    }

    @Test
    void readsTheTrainingFiguresOfOneModel() throws Exception {
        PyTorchReference.Run run = PyTorchReference.read(recorded(), "tcn");
        assertThat(run.model()).isEqualTo("tcn");
        assertThat(run.trainWindows()).isEqualTo(3615);
        assertThat(run.epochs()).isEqualTo(2);
        assertThat(run.epochSeconds()).containsExactly(0.457, 0.411);
        assertThat(run.medianEpochSeconds()).isEqualTo(0.434);
        // the reference's own figure: training windows over the median epoch's seconds
        assertThat(run.samplesPerSecond()).isCloseTo(3615 / 0.434, within(1e-6));
        assertThat(run.maeAverage()).isCloseTo(36.078, within(1e-3));
        assertThat(run.environment().path("torch").asText()).isEqualTo("1.13.0a0");
        assertThat(run.environment().path("threads").asInt()).isEqualTo(2);
    }

    @Test
    void aModelTheFileDoesNotHoldIsAnError() {
        assertThatThrownBy(() -> PyTorchReference.read(recorded(), "lstm")).isInstanceOf(IOException.class)
                .hasMessageContaining("no training figures of lstm");
    }

    @Test
    void aMissingPythonIsUnavailableWithTheFix(@TempDir Path dir) {
        PyTorchReference reference = new PyTorchReference(Path.of("/nonexistent/python3"), dir.resolve("torch_ref.py"));
        assertThat(reference.unavailable()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("/nonexistent/python3", "--python", PyTorchReference.INSTALL));
    }

    @Test
    void aMissingScriptIsUnavailable(@TempDir Path dir) {
        // any executable stands in for python: the script is looked for before python is asked anything
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        PyTorchReference reference = new PyTorchReference(java, dir.resolve("torch_ref.py"));
        assertThat(reference.unavailable()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("the reference script " + dir.resolve("torch_ref.py") + " is missing", "--reference"));
    }
}
