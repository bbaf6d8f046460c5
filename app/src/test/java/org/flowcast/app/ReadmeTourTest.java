package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.core.FlowcastHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's short tour, line by line, in a copy of the demo's home as {@code ./flowcast demo} leaves it: every line
 * parses as written; every file it reads is there after the demo, is written by an earlier line ("writes PATH"), or the
 * line says which download it needs; and the lines that only read (stations, corridors, runs, quality, models, report)
 * run as written. Training, evaluation, benchmarks, windows and feeds are too slow for a unit test and are parsed only.
 */
class ReadmeTourTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Set<String> RUN_AS_WRITTEN = Set.of("stations", "corridors", "runs", "quality", "models", "report");
    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--snapshot", "--json");
    private static Path home;

    /** One command of the tour: its arguments after {@code ./flowcast} and the comment of its line. */
    record TourCommand(String line, List<String> args, String comment) {
    }

    @BeforeAll
    static void copyTheDemosHome() throws IOException {
        Path demo = DemoWorkdir.home();
        home = DemoWorkdir.temporaryFolder("flowcast-tour");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path p : files.toList()) {
                Path target = home.resolve(demo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        System.setProperty(FlowcastHome.PROPERTY, home.toString());
    }

    @AfterAll
    static void restoreTheHome() {
        System.clearProperty(FlowcastHome.PROPERTY);
    }

    @Test
    void everyTourLineParsesAsWritten() throws IOException {
        List<TourCommand> tour = tour();
        assertThat(tour).hasSizeGreaterThan(20);
        for (TourCommand c : tour) {
            List<String> withHelp = new ArrayList<>(c.args());
            withHelp.add("--help"); // parses every option and value, then shows the help instead of running
            Result result = FlowcastCommandTest.run(withHelp.toArray(String[]::new));
            assertThat(result.exitCode()).as(c.line() + "\n" + result.err()).isZero();
        }
    }

    @Test
    void everyFileATourLineReadsIsThereAfterTheDemoOrTheLineSaysWhichDownloadItNeeds() throws IOException {
        List<String> written = new ArrayList<>();
        for (TourCommand c : tour()) {
            for (int i = 1; i < c.args().size(); i++) {
                String arg = c.args().get(i);
                boolean output = OUTPUT_OPTIONS.contains(c.args().get(i - 1));
                if (output || !(arg.startsWith("~/") || arg.startsWith("/") || arg.startsWith("../")
                        || arg.matches(".*\\.(npz|fcm|txt)"))) {
                    continue;
                }
                boolean there = Files.exists(expand(arg)) || written.stream().anyMatch(arg::equals);
                assertThat(there || c.comment().contains("needs"))
                        .as("'%s' reads %s, which the demo does not leave; say which download it needs ('needs ...')", c.line(), arg)
                        .isTrue();
            }
            int writes = c.comment().indexOf("writes ");
            if (writes >= 0) {
                written.add(c.comment().substring(writes + "writes ".length()).split("\\s")[0]);
            }
        }
    }

    @Test
    void theTourLinesThatOnlyReadRunAsWrittenOnTheDemosDatabase() throws IOException {
        List<TourCommand> reading = tour().stream().filter(c -> RUN_AS_WRITTEN.contains(c.args().get(0))).toList();
        assertThat(reading).extracting(c -> c.args().get(0)).containsAll(RUN_AS_WRITTEN);
        for (TourCommand c : reading) {
            List<String> args = c.args().stream().map(a -> a.startsWith("~/") ? expand(a).toString() : a).toList();
            Result result = FlowcastCommandTest.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(c.line() + "\n" + result.err()).isZero();
            assertThat(result.err()).as(c.line()).doesNotContain("Exception", "\tat ");
        }
    }

    /** {@code ~/.flowcast} is the home the tour assumes, here the demo's copy; any other file in {@code ~} the user must bring. */
    private static Path expand(String arg) {
        if (arg.startsWith("~/.flowcast/")) {
            return home.resolve(arg.substring("~/.flowcast/".length()));
        }
        return arg.startsWith("~/") ? home.resolve("no-such-user-home").resolve(arg.substring(2)) : Path.of(arg);
    }

    /** The commands of the README's "A short tour" block, a line with several commands ({@code ;}) giving each. */
    static List<TourCommand> tour() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int heading = lines.indexOf("## A short tour");
        assertThat(heading).as("the README's tour heading").isNotNegative();
        int open = lines.subList(heading, lines.size()).indexOf("```bash") + heading;
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        List<TourCommand> commands = new ArrayList<>();
        for (String line : lines.subList(open + 1, close)) {
            int hash = line.indexOf(" #");
            String comment = hash < 0 ? "" : line.substring(hash + 2).trim();
            for (String command : (hash < 0 ? line : line.substring(0, hash)).split(";")) {
                List<String> words = words(command.trim());
                assertThat(words.get(0)).as(line).isEqualTo("./flowcast");
                commands.add(new TourCommand(line.trim(), words.subList(1, words.size()), comment));
            }
        }
        return commands;
    }

    /** A command's words as a shell splits them: at spaces, but not inside double quotes. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char ch : command.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(ch);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
