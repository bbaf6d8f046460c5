package org.flowcast.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad {@code flowcast-spark} runs, one row each: the arguments ({@code DB}: a one-corridor district in H2, {@code DIR}: a
 * scratch folder), the exit code and words of the one sentence on stderr. None may print a stack trace (a 38-frame one,
 * and Flyway's box of SQL state and error code, came of an unreachable PostgreSQL) or leave Spark's exception to picocli.
 */
class SparkCommandLineTableTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void district() throws Exception {
        new SampleDistrict(new DistrictConfig(1, 3, 1, 7, LocalDate.of(2023, 2, 6))).writeTo(dir.resolve("files"));
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("db/flowcast"))) {
            new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(InputFiles.expand(List.of(dir.resolve("files")
                    .toString())));
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a PostgreSQL server out of reach", 1, "cannot reach the database server", new String[] {"--db",
                    "jdbc:postgresql://127.0.0.1:9/flowcast?user=flowcast", "--model", "linear-ar"}),
                Arguments.of("a store that does not exist", 1, "there is no Flowcast database at", new String[] {"--db",
                    "DIR/typo/flowcast", "--model", "linear-ar"}),
                Arguments.of("a Spark master Spark cannot read", 1, "nonsense", new String[] {"--master", "nonsense", "--db", "DB",
                    "--model", "linear-ar", "--models-dir", "DIR/models"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRunSaysWhatWentWrongInASentence(String name, int exitCode, String words, String[] args) {
        String[] resolved = Arrays.stream(args).map(a -> a.equals("DB") ? dir.resolve("db/flowcast").toString()
                : a.replace("DIR", dir.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowcastSpark.run(new PrintWriter(out, true), new PrintWriter(err, true), resolved);
        assertThat(code).as(err.toString()).isEqualTo(exitCode);
        assertThat(err.toString()).startsWith("flowcast-spark: ").contains(words).doesNotContain("\tat ", "SQL State", "Exception:");
        assertThat(dir.resolve("typo")).doesNotExist();
    }
}
