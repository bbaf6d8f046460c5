package org.flowcast.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The model files {@code flowcast train --corridor} wrote for one corridor: {@code <model>-h<horizon>-<corridor>.fcm}. */
final class CorridorModelFiles {
    private CorridorModelFiles() {
    }

    /** The corridor's model files in {@code folder}, of one model where given, by name; none is a failure that says what to run. */
    static List<Path> of(Path folder, String corridor, Optional<String> model) throws IOException {
        List<Path> files = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(p -> matches(p.getFileName().toString(), corridor, model)).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            throw new CommandFailure("no " + model.map(m -> m + " ").orElse("") + "model file of corridor " + corridor + " in " + folder
                    + "; train one with 'flowcast train --corridor " + corridor + " --model " + model.orElse("at-conv-lstm") + "'");
        }
        return files;
    }

    /** Whether a file name is {@code <model>-h<digits>-<corridor>.fcm}; the first "-h<digits>-" ends the model name. */
    static boolean matches(String fileName, String corridor, Optional<String> model) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+?)-h(\\d+)-(.+)\\.fcm").matcher(fileName);
        return m.matches() && m.group(3).equals(corridor) && model.map(m.group(1)::equals).orElse(true);
    }
}
