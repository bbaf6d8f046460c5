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
 * {@code <model>-h<horizon>-<corridor>.fcm} for a corridor's; the one place these names are made and read.
 */
public final class ModelFiles {
    private static final Pattern CORRIDOR_FILE = Pattern.compile("(.+?)-h(\\d+)-(.+)\\.fcm");

    private ModelFiles() {
    }

    /** The default models folder: {@code models} in Flowcast's home. */
    public static Path defaultFolder() {
        return FlowcastHome.path().resolve("models");
    }

    /** The model file of chosen stations: {@code <model>-h<horizon>.fcm} in the default folder. */
    public static Path defaultFile(String model, int horizon) {
        return defaultFolder().resolve(fileName(model, horizon));
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
