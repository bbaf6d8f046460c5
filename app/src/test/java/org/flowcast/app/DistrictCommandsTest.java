package org.flowcast.app;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Station;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.ModelRegistry;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.StationQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A district as the unit of work: corridors listed, trained, evaluated and forecast one by one, failures kept apart. */
class DistrictCommandsTest {
    private static final List<String> CORRIDORS = List.of("5-N", "5-S", "22-E", "22-W");

    @TempDir
    Path dir;

    @Test
    void corridorsListsEveryFreewayDirectionWithItsStationsInPostmileOrder() throws Exception {
        Result result = FlowcastCommandTest.run("corridors", "--db", SmallDistrict.database().toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("4 corridors, 20 stations");
        try (FlowcastDatabase db = FlowcastDatabase.open(SmallDistrict.database())) {
            List<CorridorCatalog.Entry> entries = CorridorCatalog.of(Workspace.of(db), Optional.empty()).entries();
            assertThat(entries).extracting(CorridorCatalog.Entry::name).containsExactlyElementsOf(CORRIDORS);
            Map<Integer, Station> stations = new StationQuery(db).all();
            for (CorridorCatalog.Entry e : entries) {
                List<Double> postmiles = e.corridor().stationIds().stream().map(id -> stations.get(id).absolutePostmile()).toList();
                assertThat(postmiles).as(e.name()).hasSize(5).isSorted();
                assertThat(e.corridor().stationIds()).allMatch(id -> stations.get(id).corridor().equals(e.name()));
                assertThat(e.coverage()).as(e.name()).isBetween(0.9, 1.0);
            }
        }
    }

    @Test
    void trainingEveryCorridorWritesOneModelEachWithTheCorridorInItsProvenance() throws Exception {
        SmallDistrict.home();
        assertThat(SmallDistrict.train.exitCode()).as(SmallDistrict.train.err()).isZero();
        assertThat(SmallDistrict.train.out()).contains("4 of 4 corridors done.");
        assertThat(SmallDistrict.train.err()).contains("Corridor 1 of 4: 5-N (5 stations)", "Corridor 4 of 4: 22-W");
        try (FlowcastDatabase db = FlowcastDatabase.open(SmallDistrict.database())) {
            for (Corridor corridor : CorridorCatalog.of(Workspace.of(db), Optional.empty()).choose(List.of("all"))) {
                Forecaster model = ModelRegistry.load(SmallDistrict.models().resolve("linear-ar-h12-" + corridor.name() + ".fcm"));
                assertThat(model.provenance().corridor()).isEqualTo(corridor.name());
                assertThat(model.stationIds()).isEqualTo(corridor.stationIds());
            }
        }
    }

    @Test
    void aCorridorThatFailsIsReportedAndEveryOtherIsTrained() throws Exception {
        Path file = dir.resolve("corridors.txt");
        Files.writeString(file, "ghost-route: 11, 12, 13   # stations that have no data\nnorth-end: 5-N 0-1000\n");
        Path models = dir.resolve("models");
        Result result = FlowcastCommandTest.run("train", "--db", SmallDistrict.database().toString(), "--corridors", file.toString(),
                "--corridor", "all", "--model", "persistence", "--out", models.toString());
        assertThat(result.exitCode()).as("one corridor failed").isEqualTo(1);
        assertThat(result.out()).contains("5 of 6 corridors done; 1 failed", "FAILED", "ghost-route");
        try (var listing = Files.list(models)) {
            assertThat(listing.map(p -> p.getFileName().toString()).collect(Collectors.toList())).containsExactlyInAnyOrder(
                    "persistence-h12-5-N.fcm", "persistence-h12-5-S.fcm", "persistence-h12-22-E.fcm", "persistence-h12-22-W.fcm",
                    "persistence-h12-north-end.fcm");
        }
        Forecaster northEnd = ModelRegistry.load(models.resolve("persistence-h12-north-end.fcm"));
        assertThat(northEnd.provenance().corridor()).isEqualTo("north-end");
        assertThat(northEnd.stationIds()).as("a freeway range of the corridor file").hasSize(5);
    }

    @Test
    void theDistrictForecastJobWritesEachCorridorsNewestForecastsWithItsModel() throws Exception {
        SmallDistrict.home();
        assertThat(SmallDistrict.forecast.exitCode()).as(SmallDistrict.forecast.err()).isZero();
        assertThat(SmallDistrict.forecast.out()).contains("4 of 4 corridors done.");
        try (FlowcastDatabase db = FlowcastDatabase.open(SmallDistrict.database())) {
            List<ForecastRun> runs = new ForecastRuns(db).runs();
            assertThat(runs).extracting(ForecastRun::corridor).containsExactlyInAnyOrderElementsOf(CORRIDORS);
            assertThat(runs).allSatisfy(r -> {
                assertThat(r.origins()).isEqualTo(1);
                assertThat(r.stations()).isEqualTo(5);
                assertThat(r.model()).isEqualTo("linear-ar");
            });
        }
    }

    @Test
    void aForecastOfACorridorWithoutAModelFileSaysWhatToTrain() {
        Result result = FlowcastCommandTest.run("forecast", "--db", SmallDistrict.database().toString(), "--corridor", "5-N",
                "--latest", "--model", "tcn", "--models-dir", SmallDistrict.models().toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("5-N FAILED", "no tcn model file of corridor 5-N", "flowcast train --corridor 5-N --model tcn");
    }

    @Test
    void aCorridorsModelFileTrainedOnOtherStationsIsRefusedWithWhatToTrain() throws Exception {
        Path models = dir.resolve("mixed");
        Files.createDirectories(models);
        Files.copy(SmallDistrict.models().resolve("linear-ar-h12-5-N.fcm"), models.resolve("linear-ar-h12-5-S.fcm"));
        Result result = FlowcastCommandTest.run("forecast", "--db", SmallDistrict.database().toString(), "--corridor", "5-S",
                "--latest", "--models-dir", models.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("linear-ar-h12-5-S.fcm was trained on other stations", "than corridor 5-S has here",
                "flowcast train --corridor 5-S --model linear-ar");
    }

    @Test
    void evaluatingTwoCorridorsWritesAReportForEach() {
        Result result = FlowcastCommandTest.run("evaluate", "--db", SmallDistrict.database().toString(), "--corridor", "5-N,22-E",
                "--models", "persistence,linear-ar", "--out", dir.resolve("runs").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 of 2 corridors done.", "best ");
        assertThat(dir.resolve("runs/5-N/report.html")).exists();
        assertThat(dir.resolve("runs/22-E/station-steps.csv")).exists();
        assertThat(dir.resolve("runs/5-S")).doesNotExist();
    }
}
