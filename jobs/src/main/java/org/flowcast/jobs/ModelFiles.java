package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowcast.core.FlowcastHome;

/**
 * Where model files live and how they are named: {@code <model>-h<horizon>.fcm} for a model of chosen stations,
 * {@code <model>-h<horizon>-<corridor>.fcm} for a corridor's; the one place these names are made and read. Each
 * database has a models folder of its own ({@link #folderFor}), so that the corridor models of one never replace, or
 * are run against, another's.
 */
public final class ModelFiles {
    private static final Pattern CORRIDOR_FILE = Pattern.compile("(.+?)-h(\\d+)-(.+)\\.fcm");
    private static final int LONGEST_KEY = 64;

    private ModelFiles() {
    }

    /** The models folder of the database in Flowcast's home: {@code models} in that home. */
    public static Path defaultFolder() {
        return FlowcastHome.path().resolve("models");
    }

    /**
     * The models folder of a database (an H2 path or a {@code jdbc:} URL): {@link #defaultFolder()} for the database in
     * Flowcast's home, where its models always were; {@code models/<key>} in Flowcast's home for any other, the key
     * made from its path or URL ({@link #databaseKey}).
     */
    public static Path folderFor(String databaseLocation) {
        Optional<Path> file = h2File(databaseLocation);
        if (file.isPresent() && file.get().equals(Workspace.defaultPath().toAbsolutePath().normalize())) {
            return defaultFolder();
        }
        return defaultFolder().resolve(databaseKey(databaseLocation));
    }

    /**
     * A folder name for a database, readable and stable: an H2 file's absolute path, or a URL without its settings and
     * user ({@code tmp-orange-flowcast}, {@code postgresql-db-5432-flowcast}), with every character a file name may not
     * hold made a '-'; one longer than {@value #LONGEST_KEY} characters keeps its end and a hash of the whole.
     */
    static String databaseKey(String databaseLocation) {
        String named = h2File(databaseLocation).map(Path::toString)
                .orElseGet(() -> databaseLocation.replaceFirst("^jdbc:", "").replaceFirst("[?;].*$", ""));
        String key = named.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^[-.]+|-+$", "");
        if (key.length() <= LONGEST_KEY) {
            return key;
        }
        String hash = Integer.toHexString(named.hashCode());
        return hash + "-" + key.substring(key.length() - (LONGEST_KEY - hash.length() - 1)).replaceAll("^[-.]+", "");
    }

    /** The file of an embedded H2 database, absolute and without H2's {@code .mv.db}; empty for a server's URL. */
    private static Optional<Path> h2File(String databaseLocation) {
        String path;
        if (databaseLocation.startsWith("jdbc:h2:file:")) {
            path = databaseLocation.substring("jdbc:h2:file:".length()).replaceFirst(";.*$", "");
        } else if (databaseLocation.startsWith("jdbc:")) {
            return Optional.empty();
        } else {
            path = databaseLocation;
        }
        return Optional.of(Path.of(path.replaceFirst("\\.mv\\.db$", "")).toAbsolutePath().normalize());
    }

    /** {@code <model>-h<horizon>.fcm}. */
    public static String fileName(String model, int horizon) {
        return model + "-h" + horizon + ".fcm";
    }

    /** {@code <model>-h<horizon>-<corridor>.fcm}. */
    public static String corridorFileName(String model, int horizon, String corridor) {
        return model + "-h" + horizon + "-" + corridor + ".fcm";
    }

    /** The model file of one corridor in a folder of corridor models. */
    public static Path corridorFile(Path folder, String model, int horizon, String corridor) {
        return folder.resolve(corridorFileName(model, horizon, corridor));
    }

    /** The corridor's model files in {@code folder}, of one model where given, by name; none is a failure that says what to run. */
    public static List<Path> ofCorridor(Path folder, String corridor, Optional<String> model) throws JobException {
        List<Path> files = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(p -> matches(p.getFileName().toString(), corridor, model)).sorted().toList();
            } catch (IOException e) {
                throw new JobException("cannot list the models folder " + folder + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new JobException("no " + model.map(m -> m + " ").orElse("") + "model file of corridor " + corridor + " in " + folder
                    + "; train one with 'flowcast train --corridor " + corridor + " --model " + model.orElse("at-conv-lstm") + "'");
        }
        return files;
    }

    /** Whether a file name is {@code <model>-h<digits>-<corridor>.fcm}; the first "-h<digits>-" ends the model name. */
    static boolean matches(String fileName, String corridor, Optional<String> model) {
        Matcher m = CORRIDOR_FILE.matcher(fileName);
        return m.matches() && m.group(3).equals(corridor) && model.map(m.group(1)::equals).orElse(true);
    }
}
