package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.Forecaster;
import org.flowcast.core.MaskedErrorSums;
import org.flowcast.core.Metric;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.SampleData;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.junit.jupiter.api.Test;

/** Rolling-origin evaluation of a real (statistical) model on the ingested sample corridor. */
class RollingOriginTest {
    private static final int HORIZON = 12;
    private final Backtester backtester = new Backtester(TrainingConfig.defaults(), TrainingListener.NONE);

    @Test
    void forecastsEveryTestOriginOfTheProtocolOnceAcrossTheFolds() {
        SensorSeries series = SampleData.series();
        RollingOrigin rolling = new RollingOrigin(backtester, 1, true);
        ModelRun run = rolling.run("linear-ar", Map.of(), series, HORIZON);

        ChronologicalSplit protocol = backtester.split(series);
        assertThat(run.testOrigins()).isEqualTo(protocol.testOrigins());
        int folds = rolling.folds(series, HORIZON);
        assertThat(folds).isGreaterThan(1);
        assertThat(run.provenance().config().get("evaluation")).contains(folds + " folds of 1 day", "refitted before each fold");
        assertThat(run.errors().at(Metric.MAE, HORIZON)).isFinite().isPositive();
    }

    @Test
    void theFirstFoldsForecastsComeFromAModelFittedOnlyOnReadingsBeforeIt() {
        SensorSeries series = SampleData.series();
        ModelRun run = new RollingOrigin(backtester, 1, true).run("linear-ar", Map.of(), series, HORIZON);

        ChronologicalSplit protocol = backtester.split(series);
        int firstTest = series.length() - protocol.test().length() + EvaluationProtocol.LOOKBACK - 1;
        ChronologicalSplit before = ChronologicalSplit.of(series.sliceTime(0, firstTest + 1), EvaluationProtocol.LOOKBACK, HORIZON, 0.75,
                0.25);
        Forecaster expected = backtester.fit("linear-ar", Map.of(), before).forecaster();
        List<Instant> origins = new ArrayList<>();
        for (int t = firstTest; t < firstTest + 288; t++) {
            origins.add(series.timeAt(t));
        }
        List<Forecast> forecasts = expected.predictAll(series, origins);
        for (int i = 0; i < forecasts.size(); i++) {
            int t = firstTest + i;
            for (int h = 1; h <= HORIZON; h++) {
                MaskedErrorSums sums = new MaskedErrorSums();
                for (int s = 0; s < series.stationCount(); s++) {
                    sums.add(series.value(t + h, s, Channel.FLOW), forecasts.get(i).value(h, s));
                }
                assertThat(run.originErrors()[i][h - 1]).as("origin %d, step %d", i, h).isEqualTo(Metric.MAE.of(sums));
            }
        }
    }

    @Test
    void withoutRetrainingTheModelIsFittedOnce() {
        SensorSeries series = SampleData.series();
        ModelRun once = new RollingOrigin(backtester, 1, false).run("historical-average", Map.of(), series, HORIZON);
        assertThat(once.provenance().config().get("evaluation")).contains("fitted once before the first fold");
        assertThat(once.testOrigins()).isEqualTo(backtester.split(series).testOrigins());
    }

    @Test
    void rejectsFoldsShorterThanADay() {
        assertThatThrownBy(() -> new RollingOrigin(backtester, 0, true)).hasMessageContaining("at least one day");
    }
}
