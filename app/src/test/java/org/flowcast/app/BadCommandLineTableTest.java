package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.model.ModelFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines, one row each: the arguments and what must come of them, an exit code (2 for a
 * usage error, found before any data is read; 1 for a failure) and words of the message on stderr.
 * {@code EMPTY} is a fresh database, {@code DEMO} the demo's (with data and models), {@code DIR} a
 * scratch folder; {@code ABSENT} names a file that must not exist afterwards. {@code STRAY}, {@code ODD} and
 * {@code IMPUTED} are the demo's with one thing wrong ({@link DerivedDatabases}); {@code COPY}, {@code CUT_SHORT} and
 * {@code UNWRITABLE} a copy of it in {@code DIR}, the last two beside a compaction's mark; {@code SAMPLE} the demo's
 * files. A message starting {@code OUT:} is looked for on stdout. No row may print a stack trace.
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
                row("a side-by-side horizon the PyTorch reference cannot forecast", 2, "must be 12 (one hour) or 24", "bench",
                        "models", "--horizon", "6", "--against-pytorch"),
                row("a side-by-side on a database the PyTorch reference cannot read", 2, "give --data, not --db", "bench", "models",
                        "--db", "EMPTY", "--against-pytorch"),
                row("a side-by-side of one step's training", 2, "leave out --trained-step", "bench", "models", "--data", "DIR",
                        "--trained-step", "3", "--against-pytorch"),
                row("a side-by-side of no pairs", 2, "must be at least 1, was 0", "bench", "models", "--data", "DIR", "--pairs", "0",
                        "--against-pytorch"),
                row("a side-by-side of baselines alone", 2, "--against-pytorch needs a neural model", "bench", "models",
                        "--data", "DIR", "--models", "persistence", "--against-pytorch"),
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
                // 2: a forecast needs its history (April 2023 lies between the stray reading's database's three weeks and it)
                row("a forecast over a range without readings", 1, "has an observed reading", "forecast", "--db", "STRAY",
                        "--model", "MODELS/persistence-h24.fcm", "--from", "2023-04-01", "--to", "2023-04-02"),
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
                // #39, second round. 1: a reading far from the rest is no origin, and a range stretched over nothing is said
                row("the newest origin a stray reading makes", 1, "1.67% of its input (the 12 steps before it, 5 stations) was "
                        + "observed", "forecast", "--db", "STRAY", "--model", "MODELS/persistence-h24.fcm", "--latest"),
                row("a corridor's range stretched by a stray reading", 0,
                        "station 990001 (2023-02-06 00:00 PST to 2023-06-01 08:00 PDT, 17.9% "
                        + "of it with readings) reaches furthest", "corridors", "--db", "STRAY"),
                row("a station's span stretched by a stray reading", 0, "station 990001: its data spans 2023-02-06 00:00 PST to "
                        + "2023-06-01 08:00 PDT", "stations", "--db", "STRAY"),
                row("training over a range mostly without readings", 0, "82.1% of the range read", "train", "--db", "STRAY",
                        "--model", "persistence", "--out", "DIR/stray.fcm"),
                // 8: a station whose direction no corridor has is left out, named; the other corridors go on
                row("corridors beside stations of direction n/a", 0, "station 990101 (freeway 5, direction 'n/a') is in no corridor",
                        "corridors", "--db", "ODD"),
                row("training a corridor beside them", 0, "station 990102 (freeway 5, direction '/..') is in no corridor", "train",
                        "--db", "ODD", "--corridor", "5-N", "--model", "persistence", "--out", "DIR/models"),
                // 10 and 11: the database's faults in a sentence, naming it and the fix
                row("a database file of text", 1, "text.mv.db is not an H2 database", "stations", "--db", "DIR/text.mv.db"),
                row("a database file of random bytes", 1, "random.mv.db is not an H2 database", "quality", "--db", "DIR/random"),
                row("a database file that is a folder", 1, "folder.mv.db is a folder, not a database file", "stations", "--db",
                        "DIR/folder"),
                row("a text file given as the database", 1, "notes.txt is a file, not a Flowcast database", "ingest", "--db",
                        "DIR/notes.txt", "SAMPLE"),
                row("loading into a read-only database", 1, "is read-only (opened with ACCESS_MODE_DATA=r", "ingest", "--db",
                        "jdbc:h2:file:COPY;ACCESS_MODE_DATA=r", "SAMPLE"),
                row("a URL that may not create the database", 1, "there is no database there (and the URL does not let H2 create "
                        + "one)", "ingest", "--db", "jdbc:h2:file:DIR/none;IFEXISTS=TRUE", "SAMPLE"),
                row("an in-memory database", 2, "an in-memory database ends with the command", "stations", "--db", "jdbc:h2:mem:flowcast"),
                row("an H2 server out of reach", 1, "cannot reach the H2 server of the URL", "stations", "--db",
                        "jdbc:h2:tcp://127.0.0.1:9/flowcast"),
                row("an encrypted database without its file password", 1, "gives no file password", "ingest", "--db",
                        "jdbc:h2:file:DIR/secret;CIPHER=AES", "SAMPLE"),
                row("a setting H2 does not have", 1, "H2 has no setting FROBNICATE", "stations", "--db", "jdbc:h2:file:COPY;FROBNICATE=1"),
                row("a compaction that cannot write in the database's folder", 1, "the database was not compacted", "ingest", "--db",
                        "UNWRITABLE", "SAMPLE"),
                row("a run.json cut short", 1, "(it ends early at line 1: truncated)", "report", "DIR/truncated"),
                row("a model file cut short", 1, "half.fcm: the model file is truncated or damaged", "forecast", "--db", "DEMO",
                        "--model", "DIR/half.fcm", "--latest"),
                row("resuming another run's checkpoint", 1, "start afresh with --fresh", "train", "--db", "DEMO", "--model", "tcn",
                        "--epochs", "1", "--resume", "--out", "DIR/t.fcm"),
                // 12: usage errors, before any data is read
                row("a tensor step of 10 minutes", 2, "only 5-minute steps", "ingest", "--db", "EMPTY", "--step", "10m", "DIR"),
                row("a weight average decay that is not a number", 2, "must lie from 0 (no averaging) up to, not including, 1",
                        "bench", "models", "--average-decay", "NaN", "--data", "DIR/absent"),
                row("a demo of one station", 2, "a sample corridor needs 3 to 200 stations, not 1", "demo", "--workdir", "DIR/demo",
                        "--stations", "1"),
                row("a demo of no epochs", 2, "must be at least 1, was 0", "demo", "--workdir", "DIR/demo", "--epochs", "0"),
                row("a forecast from past the data", 2, "the start 2030-01-01 00:00 PST lies past the stored data", "forecast", "--db",
                        "DEMO", "--model", "MODELS/persistence-h24.fcm", "--from", "2030-01-01", "--to", "2030-01-02"),
                row("an empty --db", 2, "needs a database: an H2 file path or a jdbc: URL; was empty", "stations", "--db", ""),
                row("stations of a mistyped database", 1, "there is no Flowcast database at", "stations", "--db", "DIR/typo/flowcast"),
                row("corridors of a mistyped database", 1, "there is no Flowcast database at", "corridors", "--db", "DIR/typo/flowcast"),
                row("training on a mistyped database", 1, "there is no Flowcast database at", "train", "--db", "DIR/typo/flowcast",
                        "--model", "persistence", "--out", "DIR/p2.fcm"),
                row("evaluating a mistyped database", 1, "there is no Flowcast database at", "evaluate", "--db", "DIR/typo/flowcast",
                        "--models", "persistence", "--out", "DIR/run"),
                row("a dashboard of a mistyped database", 1, "there is no Flowcast database at", "dashboard", "--db", "DIR/typo/flowcast",
                        "--snapshot", "ABSENT"),
                // 13: small things, each said
                row("an empty folder to load", 1, "no files were found in", "ingest", "--db", "EMPTY", "DIR/emptydir"),
                row("a corridor file route with a station the database lacks", 0, "station 4242 of corridor route is not in the database",
                        "corridors", "--db", "DEMO", "--corridors", "DIR/unknown.txt"),
                row("a corridor file route named as a freeway corridor", 0, "shadow.txt line 1: corridor 5-N takes the name of freeway "
                        + "corridor 5-N", "corridors", "--db", "DEMO", "--corridors", "DIR/shadow.txt"),
                row("an ingest after a compaction was cut short", 0, "OUT:(an earlier compaction of it was cut short)", "ingest", "--db",
                        "CUT_SHORT", "SAMPLE"),
                row("a run.json of a negative MAE", 1, "run.json: model at-conv-lstm's average MAE is -1.0", "report", "DIR/negative"),
                row("a run.json of an MAE that is not a number", 1, "run.json: model at-conv-lstm's average MAE is NaN", "report",
                        "DIR/nan"),
                // C: a station never observed is left out of the scores, and said to be
                row("a station never observed in the test part", 0, "1 station was never observed in the test part (only imputed or "
                        + "missing values: 990003) and is left out of every score", "evaluate", "--db", "IMPUTED", "--models",
                        "persistence", "--out", "DIR/imputed"),
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
                // other systems read the forecasts (#36)
                row("an export format there is not", 2, "expected one of [CSV, JSON, PARQUET]", "export", "--db", "EMPTY", "--format",
                        "xml"),
                row("Parquet to standard output", 2, "Parquet is binary and goes to a file: give --out FILE.parquet", "export", "--db",
                        "EMPTY", "--format", "parquet"),
                row("a run and a corridor at once", 2, "give --run ID or --corridor NAME, not both", "export", "--db", "EMPTY",
                        "--run", "1", "--corridor", "5-N"),
                row("a time that chooses no accuracy rows", 2, "add --accuracy, or drop --since", "export", "--db", "EMPTY",
                        "--since", "2023-04-10"),
                row("an export of a run there is not", 1, "there is no forecast run 4242; the runs are", "export", "--db", "DEMO",
                        "--run", "4242", "--out", "ABSENT"),
                row("a deletion of a run there is not", 1, "there is no forecast run 4242; the runs are", "runs", "--db",
                        "DEMO", "--delete", "4242"),
                row("a retention of nothing", 2, "take a positive duration", "runs", "--db", "EMPTY", "--prune", "--keep-origins", "0s"),
                row("a retention of origins shorter than the intervals' window", 2, "--keep-origins must be at least 3d", "runs", "--db",
                        "EMPTY", "--prune", "--keep-origins", "1d"),
                row("a watcher keeping scores for less than a week", 2, "--keep-scores must be at least 7d", "watch", "--db", "DEMO",
                        "DIR", "--keep-scores", "2d", "--once"),
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

    /** The files the rows of the second round of #39 read, made where a row names them. */
    private void files(List<String> args) throws IOException {
        String line = String.join(" ", args);
        Files.writeString(dir.resolve("text.mv.db"), "name,notes\nnot a database\n");
        Files.write(dir.resolve("random.mv.db"), new Random(39).ints(4096, 0, 256).collect(ByteArrayOutputStream::new,
                ByteArrayOutputStream::write, (a, b) -> a.write(b.toByteArray(), 0, b.size())).toByteArray());
        Files.createDirectories(dir.resolve("folder.mv.db"));
        Files.createDirectories(dir.resolve("emptydir"));
        Files.writeString(dir.resolve("notes.txt"), "notes, not a database\n");
        Files.writeString(dir.resolve("unknown.txt"), "route: 990001, 4242\n");
        Files.writeString(dir.resolve("shadow.txt"), "5-N: 990001, 990002\n");
        if (line.contains("COPY") || line.contains("CUT_SHORT") || line.contains("UNWRITABLE")) {
            DerivedDatabases.copyOfDemo(dir.resolve("copy/flowcast"));
        }
        if (line.contains("CUT_SHORT")) {
            // what a process killed while compacting leaves beside the database
            Files.writeString(dir.resolve("copy/flowcast.compaction-due"), "a compaction began\n");
        }
        if (line.contains("UNWRITABLE")) {
            // where the compaction's mark cannot be written, H2's compacted copy cannot either (a read-only folder)
            Files.createDirectories(dir.resolve("copy/flowcast.compaction-due"));
        }
        if (line.contains("half.fcm")) {
            byte[] model = Files.readAllBytes(DemoWorkdir.home().resolve("models/demo/persistence-h24.fcm"));
            Files.write(dir.resolve("half.fcm"), Arrays.copyOf(model, model.length / 2));
        }
        if (line.contains("DIR/t.fcm")) {
            ModelFile.write(dir.resolve("t.fcm.checkpoint"), ModelFile.newManifest("checkpoint").put("fingerprint", "another run"),
                    Map.of());
        }
        String run = Files.readString(DemoWorkdir.home().resolve("runs/demo/run.json"));
        Files.writeString(Files.createDirectories(dir.resolve("negative")).resolve("run.json"),
                run.replaceFirst("\"maeAverage\" : [0-9.]+", "\"maeAverage\" : -1.0"));
        Files.writeString(Files.createDirectories(dir.resolve("nan")).resolve("run.json"),
                run.replaceFirst("\"maeAverage\" : [0-9.]+", "\"maeAverage\" : \"NaN\""));
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
        files(List.of(args));
        String[] resolved = Arrays.stream(args).map(a -> switch (a) {
            case "EMPTY" -> dir.resolve("db/flowcast").toString();
            case "DEMO" -> DemoWorkdir.database().toString();
            case "STRAY" -> DerivedDatabases.stray().toString();
            case "ODD" -> DerivedDatabases.oddDirections().toString();
            case "IMPUTED" -> DerivedDatabases.neverObserved().toString();
            case "CUT_SHORT", "UNWRITABLE" -> dir.resolve("copy/flowcast").toString();
            case "SAMPLE" -> DemoWorkdir.home().resolve("sample").toString();
            case "ABSENT" -> absent.toString();
            default -> a.replace("DIR", dir.toString()).replace("MODELS", DemoWorkdir.home().resolve("models/demo").toString())
                    .replace("COPY", dir.resolve("copy/flowcast").toString());
        }).toArray(String[]::new);
        Result result = FlowcastCommandTest.run(resolved);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        if (message.startsWith("OUT:")) {
            assertThat(result.out()).contains(message.substring(4));
        } else {
            assertThat(result.err()).contains(message);
        }
        assertThat(result.err()).as("no stack trace, no raw record or logger chatter without --verbose")
                .doesNotContain("\tat ", "TimeRange[", "SLF4J", "SQL State");
        assertThat(absent).doesNotExist();
        assertThat(dir.resolve("inbox")).as("a refused feed writes nothing").doesNotExist();
        assertThat(dir.resolve("sample")).as("a refused sample writes nothing").doesNotExist();
        assertThat(dir.resolve("typo")).as("a read makes no database").doesNotExist();
        if (Files.exists(dir.resolve("p.fcm.checkpoint"))) {
            assertThat(dir.resolve("p.fcm.checkpoint")).as("the checkpoint is kept").hasContent("an interrupted run's");
        }
        if (exitCode == 2) {
            assertThat(dir.resolve("db")).as("a usage error reads no data").satisfiesAnyOf(
                    p -> assertThat(p).doesNotExist(), p -> assertThat(Files.list(p)).isEmpty());
        }
    }
}
