package org.flowcast.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database's schema up to date with the versioned migrations in {@code db/migration}. A database
 * whose Flyway history already holds exactly those versions, all successful, is left alone without starting
 * Flyway, whose start and scan took 0.8 s of a 1 s open on a cold JVM (every command opens a database); any
 * other database, fresh, behind, ahead or with a failed migration, goes through Flyway's migrate and its checks.
 * The shortcut trusts that a released migration is never edited (Flyway's checksum check is what it skips).
 */
final class SchemaMigrations {
    static final String FOLDER = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final String ANCHOR = FOLDER + "/V1__stations_and_observations.sql";

    private SchemaMigrations() {
    }

    /** Migrates the database at {@code url} unless it is already current; {@code binary} is the byte-string type's name. */
    static void bringUpToDate(String url, String binary) throws SQLException {
        Optional<TreeSet<String>> expected = Scripts.VERSIONS;
        Optional<TreeSet<String>> applied = appliedVersions(url);
        if (expected.isPresent() && expected.get().equals(applied.orElse(null))) {
            return;
        }
        migrateWithFlyway(url, binary);
    }

    /**
     * The scripts' versions, listed once per JVM rather than at every open: the Spark job opens the database for
     * each corridor, on a class path that may be the 190 MB assembly jar whose entries the listing walks.
     */
    private static final class Scripts {
        static final Optional<TreeSet<String>> VERSIONS = migrationVersions(SchemaMigrations.class.getClassLoader());
    }

    /** Runs Flyway's migrate, with its validation; the one path for a database that is not current. */
    static void migrateWithFlyway(String url, String binary) throws SQLException {
        try {
            Flyway.configure().dataSource(url, null, null).locations("classpath:" + FOLDER)
                    .placeholders(Map.of("binary", binary)).loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /**
     * The versions recorded as applied, or empty where the history is missing, holds a failed migration or
     * cannot be read (Flyway then decides).
     */
    static Optional<TreeSet<String>> appliedVersions(String url) {
        try (Connection c = FlowcastDatabase.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            TreeSet<String> versions = new TreeSet<>();
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return Optional.empty();
                }
                if (version != null) {
                    versions.add(normalise(version));
                }
            }
            return Optional.of(versions);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * The versions of the migration scripts on the class path, read from the folder or jar that holds them;
     * empty where they are elsewhere (Flyway, which scans any class path, then decides).
     */
    static Optional<TreeSet<String>> migrationVersions(ClassLoader loader) {
        URL anchor = loader.getResource(ANCHOR);
        if (anchor == null) {
            return Optional.empty();
        }
        TreeSet<String> versions = new TreeSet<>();
        try {
            if (anchor.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
                    files.forEach(f -> addVersion(f.getFileName().toString(), versions));
                }
            } else if (anchor.getProtocol().equals("jar")) {
                String spec = anchor.getPath();
                Path jar = Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(FOLDER + "/") && name.indexOf('/', FOLDER.length() + 1) < 0) {
                            addVersion(name.substring(FOLDER.length() + 1), versions);
                        }
                    }
                }
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    private static void addVersion(String fileName, TreeSet<String> versions) {
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            versions.add(normalise(m.group(1)));
        }
    }

    /** Flyway writes version {@code 1_1} of a file name as {@code 1.1} in its history. */
    private static String normalise(String version) {
        return version.replace('_', '.');
    }
}
