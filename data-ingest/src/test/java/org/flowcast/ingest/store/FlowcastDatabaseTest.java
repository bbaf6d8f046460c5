package org.flowcast.ingest.store;

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
    void closingCompactedDropsTheSpaceOfDeletedRowsAndKeepsTheRest() throws Exception {
        Path file = dir.resolve("c/flowcast");
        FlowcastDatabase db = FlowcastDatabase.open(file);
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE filler (id INT PRIMARY KEY, bytes VARBINARY(100000))");
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO filler VALUES (?, ?)")) {
                for (int i = 0; i < 200; i++) {
                    insert.setInt(1, i);
                    insert.setBytes(2, new java.util.Random(i).ints(25_000).collect(java.io.ByteArrayOutputStream::new,
                            (out, v) -> out.write(v), (a, b) -> { }).toByteArray());
                    insert.executeUpdate();
                }
            }
            s.execute("DELETE FROM filler WHERE id >= 10");
        }
        db.close();
        long before = java.nio.file.Files.size(dir.resolve("c/flowcast.mv.db"));
        FlowcastDatabase again = FlowcastDatabase.open(file);
        again.closeCompacted();
        long after = java.nio.file.Files.size(dir.resolve("c/flowcast.mv.db"));
        assertThat(after).isLessThan(before / 2);
        try (FlowcastDatabase reopened = FlowcastDatabase.open(file); java.sql.Connection c = reopened.connect();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM filler")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(10);
        }
    }

    @Test
    void aPathHoldingASemicolonIsRefusedRatherThanReadAsSettings() {
        assertThatThrownBy(() -> FlowcastDatabase.open(dir.resolve("x;TRACE_LEVEL_FILE=3").toString()))
                .isInstanceOf(StoreException.class).hasMessageContaining("holds ';'");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
