package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines, one row each: the arguments and what must come of them, an exit code (2 for a
 * usage error, found before any data is read; 1 for a failure) and words of the message on stderr.
 * {@code EMPTY} is a fresh database, {@code DEMO} the demo's (with data and models), {@code DIR} a
 * scratch folder; {@code ABSENT} names a file that must not exist afterwards.
 */
class BadCommandLineTableTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                // 10: invalid option values are usage errors, checked before any data is read
                row("no epochs", 2, "must be at least 1", "train", "--db", "EMPTY", "--model", "tcn", "--epochs", "0"),
                row("a horizon evaluate cannot score", 2, "must be 12 (one hour) or 24", "evaluate", "--db", "EMPTY", "--horizon", "1000"),
                row("a horizon train cannot fit", 2, "must be 12 (one hour) or 24", "train", "--db", "EMPTY", "--model", "tcn",
                        "--horizon", "6"),
                row("a share of bad rows past 1", 2, "from 0 to 1", "ingest", "--db", "EMPTY", "--max-bad-share", "1.5", "DIR"),
                row("a negative export station", 2, "positive station id", "ingest", "--db", "EMPTY", "--station", "-5", "DIR"),
                row("an ingest benchmark heap java cannot read", 2, "--heap takes a size as for java -Xmx", "bench", "ingest",
                        "--data", "DIR", "--heap", "lots"),
                row("an ingest benchmark of no runs", 2, "must be at least 1", "bench", "ingest", "--data", "DIR", "--runs", "0"),
                row("a station id of 0 to train on", 2, "positive station id", "train", "--db", "EMPTY", "--model", "persistence",
                        "--stations", "0"),
                row("a misspelt model parameter", 2, "unknown parameter 'lamda'", "train", "--db", "EMPTY", "--model", "linear-ar",
                        "--param", "lamda=1"),
                row("a dashboard too small", 2, "WIDTHxHEIGHT", "dashboard", "--db", "EMPTY", "--size", "10x10", "--snapshot", "ABSENT"),
                row("a dashboard of no days", 2, "must be at least 1", "dashboard", "--db", "EMPTY", "--days", "0", "--snapshot", "ABSENT"),
                row("a training range that ends before it starts", 2, "--from must come before --to", "train", "--db", "EMPTY",
                        "--model", "persistence", "--from", "2023-03-01", "--to", "2023-02-01"),
                row("a forecast range that ends before it starts", 2, "--from must come before --to", "forecast", "--db", "EMPTY",
                        "--model", "DIR/none.fcm", "--from", "2023-03-01", "--to", "2023-02-01"),
                row("a --from past the data, quoting no --to", 2, "lies past the stored data", "train", "--db", "DEMO",
                        "--model", "persistence", "--from", "2030-01-01", "--out", "ABSENT"),
                row("resuming and starting afresh at once", 2, "--resume or --fresh", "train", "--db", "EMPTY", "--model", "persistence",
                        "--resume", "--fresh"),
                // the test range in the user's hands (#24), checked before any data is read
                row("a test range given twice", 2, "--test-days or --test-from, not both", "evaluate", "--db", "EMPTY",
                        "--test-days", "7", "--test-from", "2023-03-01"),
                row("a test end without a start", 2, "--test-to needs --test-from", "train", "--db", "EMPTY", "--model", "persistence",
                        "--test-to", "2023-03-01"),
                row("a test range that ends before it starts", 2, "--test-from must come before --test-to", "evaluate", "--db", "EMPTY",
                        "--test-from", "2023-03-02", "--test-to", "2023-03-01"),
                row("no test days", 2, "must be at least 1", "evaluate", "--db", "EMPTY", "--test-days", "0"),
                row("a validation share that leaves nothing to train on", 2, "--validation-share must lie", "bench", "models",
                        "--validation-share", "0.95"),
                row("rolling folds over a test range", 2, "without --test-days or --test-from", "evaluate", "--db", "EMPTY",
                        "--rolling-days", "1", "--test-days", "2"),
                row("a parameter no model evaluated takes", 2, "unknown parameter 'lambda'", "evaluate", "--db", "EMPTY",
                        "--models", "persistence", "--param", "lambda=1"),
                row("a target station that is not evaluated", 2, "--target 4242 is not among the evaluated stations", "evaluate",
                        "--db", "DEMO", "--models", "persistence", "--target", "4242", "--out", "DIR/target"),
                row("a report's target station that was not evaluated", 2, "--target 4242 is not among the evaluated stations",
                        "report", "MODELS/../../runs/demo", "--target", "4242"),
                // 13: a database path is a path
                row("H2 settings in a database path", 2, "may not hold ';'", "stations", "--db", "DIR/x;TRACE_LEVEL_FILE=3"),
                // 2: a forecast needs its history
                row("a forecast over a range without readings", 1, "has an observed reading", "forecast", "--db", "DEMO",
                        "--model", "MODELS/persistence-h24.fcm", "--from", "2030-01-01", "--to", "2030-01-02"),
                // 11: a damaged file of Flowcast's own names itself
                row("a truncated run.json", 1, "run.json: not a readable evaluation run", "report", "DIR/truncated"),
                row("an empty run.json", 1, "run.json: not a complete evaluation run", "report", "DIR/empty"),
                // (an older model file's truncated interval sidecar is a row of BadModelFileTableTest)
                // 14: an interrupted run's checkpoint is kept
                row("training over an interrupted run's checkpoint", 1, "continue it with --resume", "train", "--db", "DEMO",
                        "--model", "persistence", "--out", "DIR/p.fcm"),
                // 12 (a snapshot of a corridor that does not exist) is in DashboardSnapshotTest, which starts JavaFX
                // corridors (#25)
                row("corridors and stations at once", 2, "give --corridor, or --stations / --freeway, not both", "train", "--db", "EMPTY",
                        "--model", "persistence", "--corridor", "all", "--stations", "1"),
                row("a forecast of no model and no corridor", 2, "give --model FILE", "forecast", "--db", "EMPTY", "--latest"),
                row("a district compared with real data", 2, "without --district", "sample", "--district", "--compare", "DIR",
                        "--out", "DIR/district"),
                row("a district of no corridors", 2, "a sample district has 1 to 60 corridors, not 0", "sample", "--district",
                        "--corridors", "0", "--out", "DIR/district"),
                row("a corridor the database does not have", 1, "there is no corridor '99-Q'; the database has 5-N", "train", "--db",
                        "DEMO", "--model", "persistence", "--corridor", "99-Q", "--out", "DIR/models"),
                row("a corridor file line without a name", 1, "corridors.txt line 2: '990001, 990002' has no 'NAME:'", "corridors",
                        "--db", "DEMO", "--corridors", "DIR/corridors.txt"),
                row("a corridor file naming a station by a word", 1, "named.txt line 1: 'north' is not a station id", "corridors",
                        "--db", "DEMO", "--corridors", "DIR/named.txt"),
                row("a corridor file that does not exist", 1, "does not exist; give an existing file to --corridors", "corridors",
                        "--db", "DEMO", "--corridors", "DIR/absent.txt"),
                row("the horizon of a model benchmark", 2, "must be 12 (one hour) or 24", "bench", "models", "--horizon", "36"),
                row("a benchmark's trained step past its horizon", 2, "--trained-step must lie from 1 to the horizon 12", "bench",
                        "models", "--trained-step", "13"),
                // live feeds (#36): replay and the sample district's feed
                row("a replay of no speed", 2, "Missing required option: '--speed=N'", "replay", "DIR/pems", "DIR/inbox"),
                row("a replay at speed 0", 2, "a speed lies from 0.01", "replay", "DIR/pems", "DIR/inbox", "--speed", "0"),
                row("a replay at a speed in words", 2, "a speed is 'max' or a number", "replay", "DIR/pems", "DIR/inbox", "--speed",
                        "fast"),
                row("a replay of a missing SOURCE", 2, "does not exist; give a folder of PeMS daily station_5min files", "replay",
                        "DIR/absent", "DIR/inbox", "--speed", "max"),
                row("a replay of a folder without daily files", 2, "holds no PeMS daily station_5min file", "replay", "DIR/empty",
                        "DIR/inbox", "--speed", "max"),
                row("a replay into an INBOX that is a file", 2, "is a file; give a folder", "replay", "DIR/pems", "DIR/corridors.txt",
                        "--speed", "max"),
                row("a replay that ends before it starts", 2, "--from must come before --to", "replay", "DIR/pems", "DIR/inbox",
                        "--speed", "max", "--from", "2022-01-05T10:00", "--to", "2022-01-05T09:00"),
                row("a replay of no steps", 2, "must be at least 1", "replay", "DIR/pems", "DIR/inbox", "--speed", "max", "--steps", "0"),
                row("a live sample at speed 0", 2, "a speed lies from 0.01", "sample", "--district", "--live", "DIR/inbox", "--speed", "0"),
                row("a live sample of no speed", 2, "--live needs --speed N", "sample", "--district", "--live", "DIR/inbox"),
                row("a live sample corridor", 2, "--live writes a district's feed; add --district", "sample", "--live", "DIR/inbox",
                        "--speed", "max"),
                row("a speed without a live feed", 2, "--speed paces a live feed", "sample", "--speed", "300", "--out", "DIR/sample"),
                row("a live sample into an INBOX that is a file", 2, "is a file; give a folder", "sample", "--district", "--corridors",
                        "2", "--stations", "3", "--weeks", "1", "--live", "DIR/corridors.txt", "--speed", "max"),
                row("a live sample longer than its weeks", 2, "give --weeks 2 or more", "sample", "--district", "--corridors", "2",
                        "--stations", "3", "--weeks", "1", "--live", "DIR/inbox", "--speed", "max", "--days", "8"),
                row("a live sample of no days", 2, "must be at least 1", "sample", "--district", "--live", "DIR/inbox", "--speed",
                        "max", "--days", "0"),
                row("a demand shift of no day", 2, "--shift-from DAY", "sample", "--demand-shift", "1.2", "--out", "DIR/sample"),
                row("a shift day without a shift", 2, "--shift-from needs --demand-shift", "sample", "--shift-from", "8", "--out",
                        "DIR/sample"),
                row("a demand shift out of bounds", 2, "from 0.1 to 5", "sample", "--demand-shift", "9", "--shift-from", "8", "--out",
                        "DIR/sample"),
                row("a shift past the sample's end", 2, "past the sample's 7 days", "sample", "--weeks", "1", "--demand-shift", "1.2",
                        "--shift-from", "8", "--out", "DIR/sample"),
                row("a lane closure at no station of the corridor", 2, "not a station of the sample corridor (990001 to 990005)",
                        "sample", "--stations", "5", "--weeks", "1", "--lane-closure", "123", "--shift-from", "2", "--out", "DIR/sample"),
                row("a lane closure at no station of the district", 2, "not a station of the sample district", "sample", "--district",
                        "--corridors", "2", "--stations", "3", "--weeks", "1", "--lane-closure", "990001", "--shift-from", "2",
                        "--out", "DIR/district"),
                // the shift bench (#36): a scenario it cannot measure is refused before the sample is written
                row("a shift bench without the history to train on", 2, "they need 10 or more", "bench", "shift", "--weeks", "2",
                        "--workdir", "DIR/sample"),
                row("a shift bench updating after its last day", 2, "leaves no day of the sample's 35 to replay after it", "bench",
                        "shift", "--update-after", "7", "--workdir", "DIR/sample"),
                row("a shift bench closing a lane off the corridor", 2, "not a station of the sample corridor (990001 to 990020)",
                        "bench", "shift", "--lane-closure", "123", "--workdir", "DIR/sample"),
                row("a shift bench fine-tuning on too few days", 2, "--fine-tune-days must be 9 or more", "bench", "shift",
                        "--fine-tune-days", "7", "--workdir", "DIR/sample"));
    }

    private static Arguments row(String name, int exitCode, String message, String... args) {
        return Arguments.of(name, exitCode, message, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadCommandLineExitsWithItsCodeAndSaysWhatIsWrong(String name, int exitCode, String message, String[] args) throws Exception {
        Path absent = dir.resolve("absent.png");
        Files.writeString(Files.createDirectories(dir.resolve("truncated")).resolve("run.json"), "{\"createdAt\": \"2026-12-01\", \"mod");
        Files.writeString(Files.createDirectories(dir.resolve("empty")).resolve("run.json"), "{}");
        Files.writeString(dir.resolve("corridors.txt"), "# a route\n990001, 990002\n");
        Files.writeString(dir.resolve("named.txt"), "route: north, 990002\n");
        Files.writeString(Files.createDirectories(dir.resolve("pems")).resolve("d12_text_station_5min_2022_01_05.txt"),
                "01/05/2022 00:00:00,1201,12,5,N,ML,.4,20,100,50,0.05,65.0\n");
        if (Arrays.asList(args).contains("DIR/p.fcm")) {
            Files.writeString(dir.resolve("p.fcm.checkpoint"), "an interrupted run's");
        }
        String[] resolved = Arrays.stream(args).map(a -> switch (a) {
            case "EMPTY" -> dir.resolve("db/flowcast").toString();
            case "DEMO" -> DemoWorkdir.database().toString();
            case "ABSENT" -> absent.toString();
            default -> a.replace("DIR", dir.toString()).replace("MODELS", DemoWorkdir.home().resolve("models/demo").toString());
        }).toArray(String[]::new);
        Result result = FlowcastCommandTest.run(resolved);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.err()).contains(message);
        assertThat(absent).doesNotExist();
        assertThat(dir.resolve("inbox")).as("a refused feed writes nothing").doesNotExist();
        assertThat(dir.resolve("sample")).as("a refused sample writes nothing").doesNotExist();
        if (Files.exists(dir.resolve("p.fcm.checkpoint"))) {
            assertThat(dir.resolve("p.fcm.checkpoint")).as("the checkpoint is kept").hasContent("an interrupted run's");
        }
        if (exitCode == 2) {
            assertThat(dir.resolve("db")).as("a usage error reads no data").satisfiesAnyOf(
                    p -> assertThat(p).doesNotExist(), p -> assertThat(Files.list(p)).isEmpty());
        }
    }
}
