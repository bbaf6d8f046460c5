package org.flowcast.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastFixture;
import org.flowcast.store.ForecastRow;
import org.flowcast.store.ForecastRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports read back: each format's rows are what {@link org.flowcast.store.ForecastRuns#forecasts} gives for a run of
 * {@link ForecastFixture}'s database, or the {@code forecast_accuracy} view's sums divided; Parquet is read with
 * parquet-hadoop's own reader and is written with no Hadoop class reachable.
 */
class ExportServiceTest {
    @TempDir
    Path dir;

    private Path database;
    private ForecastFixture.Runs runs;

    @BeforeEach
    void writeTheFixture() throws Exception {
        database = dir.resolve("db/flowcast");
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            runs = ForecastFixture.write(db);
        }
    }

    private ExportService.Outcome export(ExportFormat format, OptionalLong run, Optional<String> corridor, boolean accuracy,
                                         Optional<Instant> since, Optional<Path> out, StringWriter console) throws JobException {
        try (Workspace workspace = Workspace.open(database.toString())) {
            return ExportService.export(workspace, ExportRequest.of(Optional.of(format), run, corridor, accuracy, since, out), console);
        }
    }

    private List<ForecastRow> stored(long run) throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            return ForecastFixture.storedRows(db, run);
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aRunsForecastsReadBackAsTheStoreGivesThemInEveryFormat(ExportFormat format) throws Exception {
        Path out = dir.resolve("out/run." + format.name().toLowerCase());
        ExportService.Outcome outcome = export(format, OptionalLong.of(runs.calibrated()), Optional.empty(), false, Optional.empty(),
                Optional.of(out), new StringWriter());
        List<ForecastRow> expected = stored(runs.calibrated());
        assertThat(outcome.rows()).isEqualTo(expected.size()).isEqualTo(36);
        assertThat(outcome.file()).contains(out.toAbsolutePath());
        List<ForecastRow> read = ExportedFiles.forecastRows(ExportedFiles.read(format, null, out));
        assertThat(read).isEqualTo(expected);
        assertThat(read).extracting(ForecastRow::corridor, ForecastRow::model).containsOnly(tuple("5-N", "linear-ar"));
        assertThat(read.get(0).lower80()).as("floored at zero flow").isZero();
        assertThat(Files.list(out.getParent())).as("no partial file is left").containsExactly(out);
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"CSV", "JSON"})
    void runsOfBoundsOnTheirRowsAndLiveRunsReadBackToStandardOutput(ExportFormat format) throws Exception {
        for (long run : List.of(runs.withBounds(), runs.live())) {
            StringWriter console = new StringWriter();
            export(format, OptionalLong.of(run), Optional.empty(), false, Optional.empty(), Optional.empty(), console);
            List<ForecastRow> read = ExportedFiles.forecastRows(ExportedFiles.read(format, console.toString(), null));
            assertThat(read).isEqualTo(stored(run)).isNotEmpty();
        }
        StringWriter console = new StringWriter();
        export(format, OptionalLong.of(runs.withBounds()), Optional.empty(), false, Optional.empty(), Optional.empty(), console);
        Map<String, String> first = ExportedFiles.read(format, console.toString(), null).get(0);
        assertThat(first.get("corridor")).as("a run of no corridor").isIn(null, "");
        assertThat(first).containsEntry("lower95", null).containsEntry("upper95", null)
                .containsEntry("origin_ts", "2023-04-13T14:30:00Z").containsEntry("origin_pacific", "2023-04-13T07:30:00");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theNewestForecastsOfACorridorAreItsLiveRunsRowsOfTheForecastValuesView(ExportFormat format) throws Exception {
        Path out = dir.resolve("latest." + format.name().toLowerCase());
        export(format, OptionalLong.empty(), Optional.of("5-S"), false, Optional.empty(), Optional.of(out), new StringWriter());
        List<ForecastRow> view = new ArrayList<>();
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            new ForecastRows(db).latest("5-S", view::add);
        }
        assertThat(ExportedFiles.forecastRows(ExportedFiles.read(format, null, out))).isEqualTo(view).hasSize(9);
        assertThat(view).extracting(ForecastRow::origin).containsOnly(ForecastFixture.origin(ForecastFixture.LIVE_STEPS - 1));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void realisedAccuracyReadsBackAsTheViewsRowsInEveryFormat(ExportFormat format) throws Exception {
        Path out = dir.resolve("accuracy." + format.name().toLowerCase());
        ExportService.Outcome all = export(format, OptionalLong.empty(), Optional.empty(), true, Optional.empty(), Optional.of(out),
                new StringWriter());
        assertThat(all.rows()).isEqualTo(3);
        assertThat(ExportedFiles.accuracyRows(ExportedFiles.read(format, null, out))).isEqualTo(ForecastFixture.accuracyRows(runs.live()));

        export(format, OptionalLong.empty(), Optional.of("5-S"), true, Optional.of(ForecastFixture.origin(2)), Optional.of(out),
                new StringWriter());
        assertThat(ExportedFiles.accuracyRows(ExportedFiles.read(format, null, out))).hasSize(2)
                .allSatisfy(r -> assertThat(r.target()).isEqualTo(ForecastFixture.origin(2)));
    }

    @Test
    void parquetFilesHoldTypedColumnsInGzipPages() throws Exception {
        Path out = dir.resolve("run.parquet");
        export(ExportFormat.PARQUET, OptionalLong.of(runs.calibrated()), Optional.empty(), false, Optional.empty(), Optional.of(out),
                new StringWriter());
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(out),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            assertThat(schema.getType("origin_ts").getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS));
            assertThat(schema.getType("origin_pacific").getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.timestampType(false, TimeUnit.MILLIS));
            assertThat(schema.getType("corridor").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
            assertThat(schema.getType("flow").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.FLOAT);
            assertThat(schema.getType("lower95").isRepetition(Repetition.OPTIONAL)).isTrue();
            assertThat(reader.getFooter().getBlocks().get(0).getColumns()).allSatisfy(c -> assertThat(c.getCodec())
                    .isEqualTo(CompressionCodecName.GZIP));
            assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData()).containsKey("flowcast.version");
        }
    }

    /** Hides Hadoop: the application's class path less {@code org.apache.hadoop}, as app/target/lib is. */
    private static final class WithoutHadoop extends URLClassLoader {
        WithoutHadoop() throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] classPath() throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.apache.hadoop.")) {
                throw new ClassNotFoundException(name + " is hidden: Parquet must be written without Hadoop");
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void parquetIsWrittenWithNoHadoopClassReachable() throws Exception {
        Path out = dir.resolve("without-hadoop.parquet");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (WithoutHadoop loader = new WithoutHadoop()) {
            assertThatThrownBy(() -> loader.loadClass("org.apache.hadoop.conf.Configuration")).isInstanceOf(ClassNotFoundException.class);
            thread.setContextClassLoader(loader);
            @SuppressWarnings("unchecked")
            Callable<Long> task = (Callable<Long>) loader.loadClass(HadoopFreeExport.class.getName())
                    .getConstructor(String.class, Long.class, String.class)
                    .newInstance(database.toString(), runs.calibrated(), out.toString());
            assertThat(task.call()).isEqualTo(36);
        } finally {
            thread.setContextClassLoader(before);
        }
        assertThat(ExportedFiles.forecastRows(ExportedFiles.parquet(out))).isEqualTo(stored(runs.calibrated()));
    }

    @Test
    void anExportOfWhatIsNotThereFailsNamingWhatIsAndLeavesAnEarlierFileAsItWas() throws Exception {
        Path out = dir.resolve("run.csv");
        Files.writeString(out, "an earlier export");
        assertThatThrownBy(() -> export(ExportFormat.CSV, OptionalLong.of(4242), Optional.empty(), false, Optional.empty(),
                Optional.of(out), new StringWriter())).isInstanceOf(JobException.class)
                .hasMessageContaining("there is no forecast run 4242; the runs are " + runs.calibrated() + ", " + runs.withBounds())
                .matches(e -> !((JobException) e).usage());
        assertThatThrownBy(() -> export(ExportFormat.CSV, OptionalLong.empty(), Optional.of("5-N"), false, Optional.empty(),
                Optional.of(out), new StringWriter())).isInstanceOf(JobException.class)
                .hasMessageContaining("'5-N' has no live run; the live corridors are 5-S");
        assertThat(out).hasContent("an earlier export");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("db", "run.csv");
    }

    @Test
    void contradictoryRequestsAreUsageErrorsThatNameTheFix() {
        Optional<Path> none = Optional.empty();
        List<Callable<ExportRequest>> bad = List.of(
                () -> ExportRequest.of(Optional.of(ExportFormat.PARQUET), OptionalLong.empty(), Optional.empty(), false, Optional.empty(),
                        none),
                () -> ExportRequest.of(Optional.empty(), OptionalLong.of(1), Optional.of("5-N"), false, Optional.empty(), none),
                () -> ExportRequest.of(Optional.empty(), OptionalLong.of(1), Optional.empty(), true, Optional.empty(), none),
                () -> ExportRequest.of(Optional.empty(), OptionalLong.empty(), Optional.empty(), false, Optional.of(Instant.EPOCH), none));
        for (Callable<ExportRequest> request : bad) {
            assertThatThrownBy(request::call).isInstanceOf(JobException.class).matches(e -> ((JobException) e).usage());
        }
    }

    @Test
    void theFormatIsTheOneTheFileIsNamedForUnlessGiven() throws Exception {
        assertThat(Arrays.stream(ExportFormat.values()).map(f -> {
            try {
                return ExportRequest.of(Optional.empty(), OptionalLong.empty(), Optional.empty(), false, Optional.empty(),
                        Optional.of(Path.of("x." + f.name().toLowerCase()))).format();
            } catch (JobException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly(ExportFormat.values());
        assertThat(ExportRequest.of(Optional.empty(), OptionalLong.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty()).format()).isEqualTo(ExportFormat.CSV);
    }
}
