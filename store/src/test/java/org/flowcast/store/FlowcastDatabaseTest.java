package org.flowcast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowcastDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseInUseByAnotherProcessSaysSoInFlowcastsOwnWords() throws Exception {
        Path db = dir.resolve("db/flowcast");
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), db.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("open");
            assertThatThrownBy(() -> FlowcastDatabase.open(db)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("another flowcast is using this database").hasMessageNotContaining("server mode");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    @Test
    void aPathHoldingASemicolonIsRefusedRatherThanReadAsSettings() {
        assertThatThrownBy(() -> FlowcastDatabase.open(dir.resolve("x;TRACE_LEVEL_FILE=3").toString()))
                .isInstanceOf(StoreException.class).hasMessageContaining("holds ';'");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
