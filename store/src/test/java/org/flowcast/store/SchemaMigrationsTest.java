package org.flowcast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsACopyOfTheTemplateWithTheSameSchemaAsFlywayBuilds() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("fresh/flowcast"))) {
            assertThat(SchemaMigrations.appliedVersions(db.url())).contains(scriptVersions());
        }
        String migrated = "jdbc:h2:file:" + dir.resolve("migrated/flowcast") + ";DB_CLOSE_ON_EXIT=FALSE";
        SchemaMigrations.migrateWithFlyway(migrated, "VARBINARY");
        assertThat(columns("jdbc:h2:file:" + dir.resolve("fresh/flowcast"))).isEqualTo(columns(migrated)).isNotEmpty();
        assertThat(dir.resolve("fresh").toFile().list()).containsExactly("flowcast.mv.db");
    }

    @Test
    void aDatabaseBehindTheScriptsIsMigratedTheRestOfTheWay() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("old/flowcast") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, null, null).locations("classpath:" + SchemaMigrations.FOLDER)
                .placeholders(Map.of("binary", "VARBINARY")).target("5").load().migrate();
        assertThat(SchemaMigrations.appliedVersions(url).orElseThrow()).doesNotContain("6", "7");
        try (FlowcastDatabase db = FlowcastDatabase.open(url)) {
            assertThat(SchemaMigrations.appliedVersions(db.url())).contains(scriptVersions());
        }
    }

    @Test
    void aHistoryWithAFailedMigrationIsLeftToFlywayWhichRefusesIt() throws Exception {
        Path path = dir.resolve("failed/flowcast");
        FlowcastDatabase.open(path).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '7'");
        }
        assertThat(SchemaMigrations.appliedVersions("jdbc:h2:file:" + path)).isEmpty();
        assertThatThrownBy(() -> FlowcastDatabase.open(path)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the database").hasMessageContaining("failed");
    }

    @Test
    void theScriptsOnTheClassPathAreTheOnesFlywayFinds() {
        List<String> flyway = new ArrayList<>();
        for (MigrationInfo info : Flyway.configure().dataSource("jdbc:h2:mem:info", null, null)
                .locations("classpath:" + SchemaMigrations.FOLDER).load().info().all()) {
            flyway.add(info.getVersion().getVersion());
        }
        assertThat(scriptVersions()).containsExactlyInAnyOrderElementsOf(flyway).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void scriptsInAJarAreListedByVersionLeavingOutOtherFilesAndSubfolders() throws Exception {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("db/migration/V1__stations_and_observations.sql", "db/migration/V2__more.sql",
                    "db/migration/V2_1__a_fix.sql", "db/migration/R__repeatable.sql", "db/migration/notes.txt",
                    "db/migration/old/V9__elsewhere.sql", "db/other/V8__not_ours.sql")) {
                out.putNextEntry(new JarEntry(name));
                out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaMigrations.migrationVersions(loader)).contains(new TreeSet<>(Arrays.asList("1", "2", "2.1")));
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(SchemaMigrations.migrationVersions(empty)).isEmpty();
        }
    }

    private static TreeSet<String> scriptVersions() {
        return SchemaMigrations.migrationVersions(SchemaMigrationsTest.class.getClassLoader()).orElseThrow();
    }

    private static List<String> columns(String url) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type, is_nullable, column_default "
                     + "FROM information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name <> 'flyway_schema_history' "
                     + "ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5));
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT index_name, table_name FROM information_schema.indexes "
                     + "WHERE table_schema = 'PUBLIC' AND table_name <> 'flyway_schema_history' ORDER BY index_name")) {
            while (rs.next()) {
                columns.add("index " + rs.getString(1) + " on " + rs.getString(2));
            }
        }
        return columns;
    }
}
