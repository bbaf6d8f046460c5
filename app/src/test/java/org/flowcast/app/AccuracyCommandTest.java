package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastFixture;
import org.flowcast.store.OriginScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast accuracy} on the live run of {@link ForecastFixture}: three committed steps of 5-S and their scores. */
class AccuracyCommandTest {
    @TempDir
    Path dir;

    private Result flowcast(Path database, String... args) {
        List<String> all = new ArrayList<>(List.of("accuracy", "--db", database.toString()));
        all.addAll(List.of(args));
        return FlowcastCommandTest.run(all.toArray(String[]::new));
    }

    private Path fixture() throws Exception {
        Path database = dir.resolve("db/flowcast");
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            ForecastFixture.write(db);
        }
        return database;
    }

    @Test
    void theLiveCorridorIsReportedOverTheLastHourDayAndWeekWithTheErrorPooledOverEveryScoredValue() throws Exception {
        Result result = flowcast(fixture());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        long scored = 0;
        double abs = 0;
        for (OriginScore s : ForecastFixture.scores()) {
            scored += s.scored();
            abs += s.absError();
        }
        String mae = String.format(Locale.ROOT, "%.2f", abs / scored);
        String count = String.format(Locale.ROOT, "%,d", scored);
        List<String> rows = result.out().lines().filter(l -> l.startsWith("| hour") || l.startsWith("| day")
                || l.startsWith("| week")).toList();
        assertThat(result.out()).startsWith("5-S linear-ar:");
        // every score lies within the last hour, so the three windows pool the same values
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).contains(" " + mae + " ", " " + count + " ", "66.7%",
                "6.50 / 20.25"));
    }

    @Test
    void oneWindowFromSinceIsNamedInPacificTime() throws Exception {
        Result result = flowcast(fixture(), "--since", "2023-04-13 07:00");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("| since 2023-04-13 07:00").doesNotContain("| hour", "T14:00:00Z");
    }

    @Test
    void aCorridorWithoutScoresAndADatabaseWithoutLiveRunsSaySoAndHowScoresArise() throws Exception {
        Path database = fixture();
        Result other = flowcast(database, "--corridor", "5-N");
        assertThat(other.exitCode()).isZero();
        assertThat(other.out()).startsWith("No live forecast of corridor 5-N has been scored in ").contains("'flowcast watch INBOX'");

        Path empty = dir.resolve("empty/flowcast");
        FlowcastDatabase.open(empty).close();
        Result none = flowcast(empty);
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).startsWith("No live forecast has been scored in ");
    }
}
