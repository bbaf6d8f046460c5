package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.core.FlowcastHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files are kept per database: training a corridor on a second database leaves the first's model in place, and one
 * bad model file never keeps a corridor's other models from forecasting.
 */
class ModelsPerDatabaseTest {
    @TempDir
    Path dir;

    @BeforeEach
    void isolateTheHome() {
        System.setProperty(FlowcastHome.PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restoreTheHome() {
        System.clearProperty(FlowcastHome.PROPERTY);
    }

    @Test
    void aSecondDatabasesCorridorModelsLeaveTheFirstsInPlace() throws IOException {
        String first = copyOfTheDistrict("first");
        Result sample = FlowcastCommandTest.run("sample", "--district", "--corridors", "1", "--stations", "3", "--weeks", "2",
                "--out", dir.resolve("files").toString());
        assertThat(sample.exitCode()).as(sample.err()).isZero();
        String second = dir.resolve("second/flowcast").toString();
        Result ingest = FlowcastCommandTest.run("ingest", "--db", second, dir.resolve("files").toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        for (String db : new String[] {first, second}) {
            Result train = FlowcastCommandTest.run("train", "--db", db, "--corridor", "5-N", "--model", "linear-ar");
            assertThat(train.exitCode()).as(train.err()).isZero();
        }
        for (String db : new String[] {first, second}) {
            Result forecast = FlowcastCommandTest.run("forecast", "--db", db, "--corridor", "5-N", "--latest");
            assertThat(forecast.exitCode()).as(db + ": " + forecast.err()).isZero();
            assertThat(forecast.out()).contains("1 of 1 corridors done.");
        }
        assertThat(dir.resolve("home/models/" + dir.resolve("second/flowcast").toString().replaceAll("[^A-Za-z0-9._]+", "-")
                .replaceAll("^[-.]+", "") + "/linear-ar-h12-5-N.fcm")).exists();
    }

    /** The shared small district's database, copied so that the runs written here leave the other tests' as it is. */
    private String copyOfTheDistrict(String folder) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(folder)).resolve("flowcast");
        Files.copy(Path.of(SmallDistrict.database() + ".mv.db"), Path.of(copy + ".mv.db"));
        return copy.toString();
    }

    @Test
    void oneDamagedModelFileLeavesTheCorridorsOtherModelsForecasting() throws Exception {
        Path models = dir.resolve("models");
        Files.createDirectories(models);
        Files.copy(SmallDistrict.models().resolve("linear-ar-h12-5-N.fcm"), models.resolve("linear-ar-h12-5-N.fcm"));
        Files.writeString(models.resolve("tcn-h12-5-N.fcm"), "not a model file");
        Result result = FlowcastCommandTest.run("forecast", "--db", copyOfTheDistrict("district"), "--corridor", "5-N",
                "--latest", "--models-dir", models.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("linear-ar, 1 origins");
        assertThat(result.err()).contains("5-N FAILED", "refused tcn-h12-5-N.fcm: not a Flowcast model file")
                .doesNotContain("Exception", models.toString());
    }
}
