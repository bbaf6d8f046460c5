package org.flowcast.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user names (files, folders, globs such as {@code data/*.txt.gz}) into files, in name order. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The files named, with folders walked recursively (hidden files left out) and globs matched
     * in their folder. A path that matches nothing is kept as it is, so that reading it reports it missing.
     */
    public static List<Path> expand(List<String> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            if (input.contains("*") || input.contains("?") || input.contains("[")) {
                files.addAll(glob(input));
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static List<Path> glob(String pattern) throws IOException {
        Path asPath = Path.of(pattern.replaceAll("[*?\\[].*$", "x"));
        Path folder = asPath.getParent() == null ? Path.of(".") : asPath.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(folder.equals(Path.of(".")) ? folder.relativize(p) : p))
                        .sorted().forEach(matches::add);
            }
        }
        return matches.isEmpty() ? List.of(Path.of(pattern)) : matches;
    }
}
