package org.flowcast.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.statistical.StatisticalModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model added the way the registry promises: one class ({@link StationMean}) and one registry line
 * ({@link #ENTRY}). Everything else (the protocol's windows, calibration, the model file, its checks and
 * loading) it gets for free.
 */
class ToyModelTest {
    static final ModelRegistry.Entry ENTRY = new ModelRegistry.Statistical<>("station-mean", "each station's training mean",
            new ModelRegistry.NoParameters(), (c, p) -> StationMean.trainer(c.horizon()), StationMean::load);

    @TempDir
    Path dir;

    /** Forecasts each station's mean training flow at every step. */
    static final class StationMean implements StoredForecaster {
        private final int horizon;
        private final List<Integer> stations;
        private final float[] means;
        private final Provenance provenance;

        StationMean(int horizon, List<Integer> stations, float[] means, Provenance provenance) {
            this.horizon = horizon;
            this.stations = stations;
            this.means = means;
            this.provenance = provenance;
        }

        static ForecastTrainer trainer(int horizon) {
            return new ForecastTrainer() {
                @Override
                public String modelName() {
                    return "station-mean";
                }

                @Override
                public Forecaster fit(SensorSeries train, SensorSeries validation) {
                    float[] means = new float[train.stationCount()];
                    for (int s = 0; s < means.length; s++) {
                        means[s] = (float) Arrays.stream(toDoubles(train.column(s, Channel.FLOW))).filter(v -> !Double.isNaN(v))
                                .average().orElse(0);
                    }
                    return new StationMean(horizon, Arrays.stream(train.stationIds()).boxed().toList(), means,
                            Provenance.of("station-mean", Map.of("horizon", String.valueOf(horizon)), train, 0));
                }
            };
        }

        static StoredForecaster load(StatisticalModelFiles.Fitted f) {
            return new StationMean(f.horizon(), f.stationIds(), f.arrays().get("means").values(), f.provenance());
        }

        private static double[] toDoubles(float[] values) {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            return d;
        }

        @Override
        public String modelName() {
            return "station-mean";
        }

        @Override
        public List<Integer> stationIds() {
            return stations;
        }

        @Override
        public int horizonSteps() {
            return horizon;
        }

        @Override
        public int historySteps() {
            return 1;
        }

        @Override
        public Forecast predict(SensorSeries history, Instant origin) {
            float[][] values = new float[horizon][];
            Arrays.setAll(values, h -> means.clone());
            return new Forecast("station-mean", origin, history.step(), stations, values);
        }

        @Override
        public Provenance provenance() {
            return provenance;
        }

        @Override
        public ModelFile.Contents contents() {
            ObjectNode manifest = ModelFile.newManifest("statistical");
            manifest.put("model", "station-mean");
            manifest.put("horizon", horizon);
            manifest.put("fallback", 0f);
            stations.forEach(manifest.putArray("stationIds")::add);
            ProvenanceJson.write(manifest, provenance);
            return new ModelFile.Contents(manifest, Map.of("means", new FloatArray(new long[] {means.length}, means)));
        }
    }

    @Test
    void aModelOfOneClassAndOneRegistryLineIsFittedCalibratedSavedAndLoadedByTheSharedMachinery() throws Exception {
        ChronologicalSplit split = ChronologicalSplit.of(SampleData.series(), 12, 12);
        Forecaster fitted = split.fit(ENTRY.trainer(TrainingConfig.defaults(), Map.of(), TrainingListener.NONE, Optional.empty()));
        assertThat(fitted.calibration()).hasSize(2);

        Path file = dir.resolve("toy.fcm");
        fitted.save(file);
        List<ModelRegistry.Entry> registered = new ArrayList<>(ModelRegistry.all());
        registered.add(ENTRY);
        Forecaster loaded = ModelRegistry.load(file, registered);

        SensorSeries test = split.test();
        Forecast before = fitted.predict(test, test.timeAt(20));
        Forecast after = loaded.predict(test, test.timeAt(20));
        assertThat(after.values()).isDeepEqualTo(before.values());
        assertThat(after.interval(0.95).orElseThrow().upper(12, 0)).isEqualTo(before.interval(0.95).orElseThrow().upper(12, 0));
        assertThat(loaded.provenance()).isEqualTo(fitted.provenance());
        assertThat(ENTRY.baseline()).isTrue();
    }
}
