package org.flowcast.jobs.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reading what a feed wrote and what it was made from, for the tests. */
final class FeedFiles {
    private FeedFiles() {
    }

    /** The lines of a text file, gzipped or not. */
    static List<String> lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    /** The lines of several files, one after the other. */
    static List<String> lines(List<Path> files) throws IOException {
        List<String> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(lines(file));
        }
        return all;
    }

    /** The interval files of an inbox, in name order. */
    static List<Path> intervalFiles(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(p -> FeedFileName.PATTERN.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** Every name in a folder. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
