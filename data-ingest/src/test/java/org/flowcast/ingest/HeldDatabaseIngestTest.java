package org.flowcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.store.DatabaseOpening;
import org.flowcast.store.HoldDatabase;
import org.flowcast.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldDatabaseIngestTest {
    @TempDir
    Path dir;

    @Test
    void anIngestThatReadsWhileTheDatabaseOpensStopsInFlowcastsOwnWordsWhenAnotherProcessHoldsIt() throws Exception {
        Path db = dir.resolve("db/flowcast");
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), db.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("open");
            Path file = Files.writeString(dir.resolve("d12_text_station_5min_2022_01_03.txt"),
                    "01/03/2022 00:00:00,1201,12,5,N,ML,.4,20,100,120,0.05,65.0\n");
            assertThatThrownBy(() -> new Ingester(DatabaseOpening.start(db.toString()), IngestOptions.defaults(), IngestListener.NONE)
                    .ingest(List.of(file)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("another flowcast is using this database");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }
}
