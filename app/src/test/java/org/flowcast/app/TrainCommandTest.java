package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast train} on the demo's database. */
class TrainCommandTest {
    private static final Pattern ANNOUNCED = Pattern.compile(
            "(\\d+) training and (\\d+) validation origins \\(those whose targets are all missing are skipped\\)");
    private static final Pattern USED = Pattern.compile("tcn: [\\d,]+ parameters, ([\\d,]+) training and ([\\d,]+) validation windows");

    @TempDir
    Path dir;

    @Test
    void aShortLookbackModelTrainsOnTheProtocolsWindowsAndNoOthers() {
        Path file = dir.resolve("tcn.fcm");
        Result result = FlowcastCommandTest.run("train", "--db", DemoWorkdir.database().toString(), "--model", "tcn", "--epochs", "1",
                "--param", "channels=8", "--param", "dropout=0.1", "--out", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(file).exists();
        Matcher announced = ANNOUNCED.matcher(result.err());
        Matcher used = USED.matcher(result.err());
        assertThat(announced.find()).as(result.err()).isTrue();
        assertThat(used.find()).as(result.err()).isTrue();
        // times as a person reads them, and the command that backtests this very model's split and settings
        assertThat(result.err()).containsPattern("tcn on \\d+ stations, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d P[SD]T to \\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d P[SD]T:");
        assertThat(result.out()).contains("flowcast evaluate --db " + DemoWorkdir.database() + " --epochs 1 --param channels=8 "
                + "--param dropout=0.1 --models tcn,historical-average").doesNotContain("Evaluate it with");
        // The split's origins, less those whose targets are all missing (the sample has gaps); without the
        // trim the trainer would add the week before each part's first origin (2,016 more of each).
        for (int part = 1; part <= 2; part++) {
            int split = Integer.parseInt(announced.group(part));
            int trained = Integer.parseInt(used.group(part).replace(",", ""));
            assertThat(trained).isLessThanOrEqualTo(split).isGreaterThan(split * 9 / 10);
        }
    }

    @Test
    void rejectsADropoutRateOfOne() {
        Result result = FlowcastCommandTest.run("train", "--db", DemoWorkdir.database().toString(), "--model", "tcn", "--epochs", "1",
                "--param", "dropout=1", "--out", dir.resolve("x.fcm").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("dropout must be in [0, 1)");
        assertThat(dir.resolve("x.fcm")).doesNotExist();
    }
}
