package org.flowcast.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastCheck;
import org.flowcast.core.Forecaster;
import org.flowcast.core.ImplausibleForecastException;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.statistical.LinearAutoregression;
import org.flowcast.model.window.WindowSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad model files, one row each: an edit to a real trained model file, made with a valid checksum
 * (which is unkeyed, so a deliberate edit passes it), and the words the refusal must hold. A model file
 * that loads must be one a training run could have written.
 */
class BadModelFileTableTest {
    @TempDir
    static Path dir;
    /** Linear AR without a calibration (so that an older file's interval sidecar may be added to it). */
    static Path trained;
    /** Linear AR with its 80% and 95% calibration in the manifest. */
    static Path calibrated;
    /** A small TCN, one epoch, calibrated. */
    static Path neural;

    /** An edit of a model file's manifest and entries (name to bytes, in file order). */
    interface Edit {
        void apply(ObjectNode manifest, Map<String, byte[]> entries) throws IOException;
    }

    @BeforeAll
    static void train() throws IOException {
        var split = ChronologicalSplit.of(SampleData.series(), 12, 12);
        Forecaster model = LinearAutoregression.trainer(12, 0.01).fit(split.train(), split.validation());
        trained = dir.resolve("linear-ar.fcm");
        model.save(trained);
        calibrated = dir.resolve("calibrated-linear-ar.fcm");
        split.fit(LinearAutoregression.trainer(12, 0.01)).save(calibrated);
        neural = dir.resolve("tcn.fcm");
        split.fit(ModelRegistry.get("tcn").trainer(TrainingConfig.defaults().withEpochs(1), Map.of("channels", "4", "blocks", "1"),
                TrainingListener.NONE, Optional.empty())).save(neural);
    }

    /** The model file an edit starts from. */
    enum Source {
        LINEAR_AR, CALIBRATED_LINEAR_AR, TCN;

        Path file() {
            return switch (this) {
                case LINEAR_AR -> trained;
                case CALIBRATED_LINEAR_AR -> calibrated;
                case TCN -> neural;
            };
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 9: the zip's structure must be what the manifest says
                row("an array the manifest does not list", (m, e) -> e.put("arrays/extra", new byte[8]), "does not list"),
                row("an array the manifest lists but the zip lacks", (m, e) -> e.remove("arrays/lambda"), "lacks the array lambda"),
                row("an array shorter than its shape", (m, e) -> e.put("arrays/lambda", new byte[0]), "holds 0 bytes"),
                row("an entry that is not part of a model file", (m, e) -> e.put("run.class", new byte[4]), "unexpected entry"),
                row("a shape that is not whole numbers", (m, e) -> m.with("arrays").putArray("lambda").add(-1), "not whole numbers"),
                // 6: a declared size past what memory holds is refused before anything is read
                row("an array declared at 3 GiB", (m, e) -> m.with("arrays").putArray("lambda").add(805_306_368), "MiB"),
                // 15: values a trained model cannot hold
                row("an empty station list", (m, e) -> m.putArray("stationIds"), "stationIds is empty"),
                row("a station id of 0", (m, e) -> m.withArray("stationIds").set(0, 0), "not a positive station id"),
                row("a horizon of 0", (m, e) -> m.put("horizon", 0), "horizon is 0"),
                row("a fallback flow of 1e30", (m, e) -> m.put("fallback", 1e30), "fallback"),
                row("an infinite coefficient", (m, e) -> {
                    byte[] values = e.get("arrays/coefficients");
                    ByteBuffer.wrap(values).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.POSITIVE_INFINITY);
                }, "infinite value"),
                // 39.6: the manifest's shapes, horizon, stations and provenance agree with the arrays
                row("a horizon of 24 over coefficients fitted for 12", (m, e) -> m.put("horizon", 24), "horizon 24"),
                row("coefficients for one station fewer than the manifest lists", (m, e) -> {
                    m.with("arrays").putArray("coefficients").add(7).add(12).add(15);
                    e.put("arrays/coefficients", Arrays.copyOf(e.get("arrays/coefficients"), 7 * 12 * 15 * Float.BYTES));
                }, "coefficients has the shape [7, 12, 15]"),
                row("a NaN coefficient", (m, e) -> floats(e, "arrays/coefficients").put(3, Float.NaN), "coefficients holds 1 NaN"),
                row("two station ids swapped", (m, e) -> {
                    var ids = m.withArray("stationIds");
                    var first = ids.get(0);
                    ids.set(0, ids.get(1));
                    ids.set(1, first);
                }, "provenance"),
                row("other stations than the model was fitted on", (m, e) -> {
                    var ids = m.withArray("stationIds");
                    for (int i = 0; i < ids.size(); i++) {
                        ids.set(i, ids.get(i).asInt() + 1000);
                    }
                }, "provenance"),
                calibrated("a negative 80% half-width", (m, e) -> halfWidths(m, 0).set(2, -5.0), "half-width"),
                calibrated("a 95% half-width of 1e30", (m, e) -> halfWidths(m, 1).set(2, 1e30), "half-width"),
                calibrated("a missing half-width", (m, e) -> halfWidths(m, 1).setNull(4), "half-width"),
                calibrated("a 95% interval narrower than the 80% one", (m, e) -> halfWidths(m, 1).set(5, 0.5), "narrower"),
                calibrated("half-widths for 11 of the 12 steps", (m, e) -> halfWidths(m, 0).remove(11), "11 half-widths"),
                neural("a NaN weight", (m, e) -> floats(e, "arrays/head_W").put(0, Float.NaN), "head_W holds 1 NaN"),
                neural("2,000,000,000 channels", (m, e) -> m.with("hyperparameters").put("channels", "2000000000"), "channels"),
                neural("a station id swapped", (m, e) -> {
                    var ids = m.withArray("stationIds");
                    var last = ids.get(ids.size() - 1);
                    ids.set(ids.size() - 1, ids.get(0));
                    ids.set(0, last);
                }, "provenance"));
    }

    private static Arguments row(String name, Edit edit, String message) {
        return Arguments.of(name, Source.LINEAR_AR, edit, message);
    }

    private static Arguments calibrated(String name, Edit edit, String message) {
        return Arguments.of(name, Source.CALIBRATED_LINEAR_AR, edit, message);
    }

    private static Arguments neural(String name, Edit edit, String message) {
        return Arguments.of(name, Source.TCN, edit, message);
    }

    /** An array entry's values, to edit in place. */
    private static FloatBuffer floats(Map<String, byte[]> entries, String name) {
        return ByteBuffer.wrap(entries.get(name)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    /** The half-widths of the calibration's {@code index}-th level (0: 80%, 1: 95%). */
    private static ArrayNode halfWidths(ObjectNode manifest, int index) {
        return (ArrayNode) manifest.withArray("calibration").get(index).get("halfWidth");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anEditedModelFileIsRefusedSayingWhatIsWrong(String name, Source source, Edit edit, String message) throws Exception {
        Path file = rewrite(source.file(), edit, dir.resolve(name.replace(' ', '-') + ".fcm"));
        assertThatThrownBy(() -> ModelRegistry.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }

    /**
     * Edits that leave every value of the file possible on its own but make forecasts no road carries: the
     * file loads, and the check the forecast job runs before storing refuses them, saying why.
     */
    static Stream<Arguments> implausibleForecasts() {
        return Stream.of(
                calibrated("coefficients times 50", (m, e) -> scale(floats(e, "arrays/coefficients"), 50), "more than"),
                calibrated("coefficients times 1e30", (m, e) -> scale(floats(e, "arrays/coefficients"), 1e30f), "more than"),
                neural("a scaler mean 10,000 higher", (m, e) -> m.put("scalerMean", m.get("scalerMean").asDouble() + 10_000), "more than"),
                neural("a scaler spread 100 times wider", (m, e) -> m.put("scalerStd", m.get("scalerStd").asDouble() * 100), "more than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implausibleForecasts")
    void anEditThatMakesForecastsNoRoadCarriesIsRefusedBeforeTheyAreStored(String name, Source source, Edit edit, String message)
            throws Exception {
        Path file = rewrite(source.file(), edit, dir.resolve(name.replace(' ', '-') + ".fcm"));
        Forecaster loaded = ModelRegistry.load(file);
        assertThatThrownBy(() -> checkEveryForecast(loaded)).isInstanceOf(ImplausibleForecastException.class)
                .hasMessageContaining(message).hasMessageContaining("veh/5 min");
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void everyForecastOfAnUneditedFilePassesTheCheck(Source source) throws Exception {
        checkEveryForecast(ModelRegistry.load(source.file()));
    }

    /** Forecasts from every seventh step after the first week of the sample, each checked as the forecast job checks it. */
    private static void checkEveryForecast(Forecaster model) throws ImplausibleForecastException {
        SensorSeries series = SampleData.series();
        ForecastCheck check = ForecastCheck.of(series.stations());
        List<Instant> origins = new ArrayList<>();
        for (int t = WindowSpec.WEEK_STEPS + 12; t < series.length(); t += 7) {
            origins.add(series.timeAt(t));
        }
        for (Forecast f : model.predictAll(series, origins)) {
            check.require(f);
        }
    }

    private static void scale(FloatBuffer values, float factor) {
        for (int i = 0; i < values.limit(); i++) {
            values.put(i, values.get(i) * factor);
        }
    }

    @Test
    void theUneditedFileLoadsAndAChangedByteFailsTheChecksumWhichSaysItIsNotKeyed() throws Exception {
        assertThat(ModelRegistry.load(trained).stationIds()).isNotEmpty();
        byte[] bytes = Files.readAllBytes(trained);
        Path damaged = dir.resolve("damaged.fcm");
        Map<String, byte[]> entries = entries(trained);
        entries.get("manifest.json")[10] ^= 1;
        writeZip(damaged, entries);
        assertThat(bytes).isNotEmpty();
        assertThatThrownBy(() -> ModelRegistry.load(damaged)).hasMessageContaining("checksum does not match")
                .hasMessageContaining("not keyed");
    }

    @Test
    void aModelWithNonFiniteValuesIsNotSaved() {
        Path file = dir.resolve("diverged.fcm");
        Map<String, FloatArray> arrays = Map.of("weights", new FloatArray(new long[] {2}, new float[] {1, Float.NaN}));
        assertThatThrownBy(() -> ModelFile.write(file, ModelFile.newManifest("neural"), arrays))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("not saved").hasMessageContaining("non-finite");
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(n -> n.startsWith("diverged.fcm") && n.endsWith(".part"));
    }

    @Test
    void writingAFileRemovesWhatAKilledEarlierWriteOfItLeft() throws Exception {
        Path file = dir.resolve("again.fcm");
        Path leftOver = Files.writeString(dir.resolve("again.fcm8127361.part"), "half a model");
        Path unrelated = Files.writeString(dir.resolve("again.fcm.notes.part"), "someone's");
        ModelFile.write(file, ModelFile.newManifest("neural"), Map.of("w", new FloatArray(new long[] {1}, new float[] {1})));
        assertThat(leftOver).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(ModelFile.read(file).arrays()).containsKey("w");
    }

    @Test
    void anOlderFileWithItsIntervalsInASidecarStillForecastsThem() throws Exception {
        Path older = dir.resolve("older.fcm");
        Files.copy(trained, older);
        Files.writeString(dir.resolve("older.fcm.intervals.json"),
                "[{\"level\":0.8,\"halfWidth\":[5,6,7,8,9,10,11,12,13,14,15,16]}]");
        Forecaster loaded = ModelRegistry.load(older);
        assertThat(loaded.calibration()).singleElement().satisfies(c -> assertThat(c.halfWidth()[0]).isEqualTo(5));
        var history = SampleData.series();
        var forecast = loaded.predict(history, history.timeAt(history.length() - 13));
        assertThat(forecast.interval(0.8).orElseThrow().upper(1, 0)).isEqualTo(forecast.value(1, 0) + 5);
    }

    @Test
    void aTruncatedIntervalSidecarOfAnOlderFileNamesItself() throws Exception {
        Path older = dir.resolve("truncated-sidecar.fcm");
        Files.copy(trained, older);
        Files.writeString(dir.resolve("truncated-sidecar.fcm.intervals.json"), "[{\"level\": 0.8, \"halfW");
        assertThatThrownBy(() -> ModelRegistry.load(older)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("truncated-sidecar.fcm.intervals.json: not a readable interval file");
    }

    @Test
    void aTrainedModelCarriesItsCalibrationInsideItsFileAndWritesNoSidecar() throws Exception {
        var split = ChronologicalSplit.of(SampleData.series(), 12, 12);
        Forecaster calibrated = split.fit(LinearAutoregression.trainer(12, 0.01));
        Path file = dir.resolve("calibrated.fcm");
        calibrated.save(file);
        assertThat(dir.resolve("calibrated.fcm.intervals.json")).doesNotExist();
        assertThat(entries(file).keySet()).containsExactlyInAnyOrder("manifest.json", "arrays/coefficients", "arrays/lambda", "checksum");
        assertThat(ModelRegistry.load(file).calibration()).extracting(c -> c.level()).containsExactly(0.8, 0.95);
    }

    /** The trained file with an edit, its checksum computed again as the format defines it. */
    private static Path rewrite(Path source, Edit edit, Path target) throws Exception {
        Map<String, byte[]> entries = entries(source);
        ObjectNode manifest = (ObjectNode) ModelFile.json().readTree(entries.get("manifest.json"));
        edit.apply(manifest, entries);
        byte[] manifestBytes = ModelFile.json().writeValueAsBytes(manifest);
        entries.put("manifest.json", manifestBytes);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(manifestBytes);
        entries.forEach((name, bytes) -> {
            if (name.startsWith("arrays/")) {
                digest.update(name.substring(7).getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
        });
        entries.remove("checksum");
        entries.put("checksum", HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII));
        writeZip(target, entries);
        return target;
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        }
        return entries;
    }

    private static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }
}
