package org.flowcast.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An empty embedded database with every migration applied, made at build time ({@link #main}) and shipped in
 * the jar as {@value #RESOURCE}: a new H2 database starts as a copy of it rather than running the migrations'
 * DDL, each committed to disk, on a cold JVM (0.12 s against 0.9 s here). {@link SchemaMigrations} still checks
 * the copy's history against the scripts, so a stale template only costs the migrations it lacks.
 */
public final class SchemaTemplate {
    static final String RESOURCE = "db/template/flowcast.mv.db";

    private SchemaTemplate() {
    }

    /**
     * Writes the template as {@code <folder>/flowcast.mv.db}: a new database migrated by Flyway and compacted.
     * Run by the build (the store module's pom) into the classes folder.
     */
    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SchemaTemplate FOLDER");
        }
        // the build runs this without a logging backend: Flyway's slf4j logger stays silent rather than warning of it
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Path folder = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(folder);
        Path base = folder.resolve("flowcast");
        Files.deleteIfExists(folder.resolve("flowcast.mv.db"));
        String url = "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE";
        SchemaMigrations.migrateWithFlyway(url, "VARBINARY");
        try (Connection c = FlowcastDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        Files.deleteIfExists(folder.resolve("flowcast.trace.db"));
    }

    /**
     * Creates {@code mvDb} as a copy of the template, if the template is on the class path and {@code mvDb} does
     * not exist yet; says whether it did. The copy appears whole or not at all (written aside, then moved).
     */
    static boolean copyTo(Path mvDb) throws IOException {
        if (Files.exists(mvDb)) {
            return false;
        }
        try (InputStream template = SchemaTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (template == null) {
                return false;
            }
            Path partial = Files.createTempFile(mvDb.getParent(), mvDb.getFileName().toString(), ".partial");
            try {
                Files.copy(template, partial, StandardCopyOption.REPLACE_EXISTING);
                if (Files.exists(mvDb)) {
                    return false;
                }
                Files.move(partial, mvDb, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
