package org.flowcast.app.dashboard;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.flowcast.app.DemoWorkdir;
import org.flowcast.app.FlowcastCommandTest;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.app.SmallDistrict;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.jobs.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** {@code flowcast dashboard --snapshot} renders the real scene headless into a PNG. */
class DashboardSnapshotTest {
    @TempDir
    Path dir;

    /**
     * TestFX starts JavaFX first, as the window tests in this JVM need it to: a toolkit started by
     * the command itself leaves TestFX's robot clicking beside the window.
     */
    @BeforeAll
    static void startJavaFxTheWayTheWindowTestsDo() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void rendersTheDashboardOfTheDemoDatabaseAtTheRequestedSize() throws Exception {
        Path png = dir.resolve("shots/dashboard.png");
        Result result = FlowcastCommandTest.run("dashboard", "--db", DemoWorkdir.database().toString(), "--snapshot", png.toString(),
                "--size", "1200x800", "--model", "persistence");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Wrote", "1200x800");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(colours(image)).as("charts, tiles and text, not a blank page").hasSizeGreaterThan(200);
    }

    @Test
    void rendersTheDistrictOverviewOfEveryCorridorsStoredForecasts() throws Exception {
        Path png = dir.resolve("district.png");
        Result result = FlowcastCommandTest.run("dashboard", "--db", SmallDistrict.database().toString(), "--district",
                "--snapshot", png.toString(), "--size", "1200x800");
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        // every station of the 4 corridors has a forecast, so no grey "no forecast" cell is drawn beyond the legend's swatch
        long traffic = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                traffic += rgb == 0x2e9e44 || rgb == 0xf0a30a || rgb == 0xd62728 ? 1 : 0;
            }
        }
        assertThat(traffic).as("the corridors' coloured cells").isGreaterThan(4 * 5 * 100);
    }

    @Test
    void warnsAboutAStationOrModelItCannotShowAndStillRenders() throws Exception {
        Path png = dir.resolve("d.png");
        Result result = FlowcastCommandTest.run("dashboard", "--db", DemoWorkdir.database().toString(), "--snapshot", png.toString(),
                "--station", "4242", "--model", "no-such-model");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("no forecast run of model 'no-such-model'", "station 4242 is not on the corridor");
        assertThat(png).exists();
    }

    @Test
    void rendersTheEmptyStateOfAnEmptyDatabase() throws Exception {
        Path png = dir.resolve("empty.png");
        Workspace.open(dir.resolve("empty").toString()).close();
        Result result = FlowcastCommandTest.run("dashboard", "--db", dir.resolve("empty").toString(), "--snapshot", png.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(DashboardStage.DEFAULT_WIDTH);
    }

    @Test
    void aCorridorThatDoesNotExistIsAFailureAndWritesNoPicture() {
        Path png = dir.resolve("none.png");
        Result result = FlowcastCommandTest.run("dashboard", "--db", DemoWorkdir.database().toString(), "--corridor", "99-Q",
                "--snapshot", png.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no stations on corridor 99-Q", "no snapshot was written");
        assertThat(png).doesNotExist();
    }

    @Test
    void rejectsAnUnusableSize() {
        Result result = FlowcastCommandTest.run("dashboard", "--db", dir.resolve("x").toString(), "--snapshot",
                dir.resolve("x.png").toString(),
                "--size", "huge");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--size", "must be WIDTHxHEIGHT");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen;
    }
}
