package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Paint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.flowcast.core.PemsTime;
import org.flowcast.reports.EvaluationSummary.IntervalScores;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the report's charts hold: their datasets before drawing, and the text of the SVG drawn. */
class ChartsTest {
    private static final String TITLE = "MAE against horizon";
    private static final String X_LABEL = "steps ahead (5 min each)";
    private static final String Y_LABEL = "MAE (veh/5 min)";
    private static final ModelStyles STYLES = new ModelStyles(List.of("at-conv-lstm", "persistence", "linear-ar"));

    private static Map<String, double[]> byModel() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("at-conv-lstm", new double[] {10, 11, Double.NaN, 13});
        series.put("persistence", new double[] {9, 12, 15, 18});
        series.put("linear-ar", new double[] {9.5, 11, 12.5, 14});
        return series;
    }

    private static XYDataset lines(int firstX) {
        return Charts.linesChart(TITLE, X_LABEL, Y_LABEL, byModel(), firstX, STYLES).getXYPlot().getDataset();
    }

    @Test
    void aLineChartHasOneSeriesPerModelInTheOrderGiven() {
        XYDataset data = lines(1);

        assertThat(IntStream.range(0, data.getSeriesCount()).mapToObj(data::getSeriesKey))
                .containsExactly("at-conv-lstm", "persistence", "linear-ar");
    }

    @Test
    void theLegendNamesEveryModel() {
        LegendItemCollection legend = Charts.linesChart(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES).getXYPlot().getLegendItems();

        assertThat(IntStream.range(0, legend.getItemCount()).mapToObj(i -> legend.get(i).getLabel()))
                .containsExactly("at-conv-lstm", "persistence", "linear-ar");
    }

    @ParameterizedTest(name = "first x {0}")
    @ValueSource(ints = {0, 1})
    void eachLineRunsThroughItsValuesFromTheFirstXGiven(int firstX) {
        XYDataset data = lines(firstX);

        int persistence = 1;
        assertThat(data.getItemCount(persistence)).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(data.getXValue(persistence, i)).isEqualTo(firstX + i);
            assertThat(data.getYValue(persistence, i)).isEqualTo(byModel().get("persistence")[i]);
        }
    }

    @Test
    void aMissingValueLeavesAGapInItsOwnLineOnly() {
        XYDataset data = lines(1);

        assertThat(IntStream.range(0, data.getItemCount(0)).mapToDouble(i -> data.getXValue(0, i))).containsExactly(1.0, 2.0, 4.0);
        assertThat(data.getItemCount(1)).isEqualTo(4);
        assertThat(data.getItemCount(2)).isEqualTo(4);
    }

    @Test
    void theChartCarriesItsTitleAndAxisLabels() {
        JFreeChart chart = Charts.linesChart(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES);

        assertThat(chart.getTitle().getText()).isEqualTo(TITLE);
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo(X_LABEL);
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo(Y_LABEL);
    }

    @Test
    void eachModelIsDrawnInAColourOfItsOwn() {
        XYPlot plot = Charts.linesChart(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES).getXYPlot();

        Set<Paint> paints = new LinkedHashSet<>();
        for (int series = 0; series < 3; series++) {
            paints.add(plot.getRenderer().getSeriesPaint(series));
        }
        assertThat(paints).hasSize(3).doesNotContainNull();
    }

    /** Errors of 9 to 18: a y scale from zero would spend half the chart's height on nothing. */
    @Test
    void theYScaleFitsTheErrorsAndTheXAxisCountsWholeSteps() {
        XYPlot plot = Charts.linesChart(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES).getXYPlot();

        assertThat(plot.getRangeAxis().getRange().getLowerBound()).isGreaterThan(5);
        assertThat(((NumberAxis) plot.getDomainAxis()).getTickUnit().getSize() % 1).isZero();
        List<String> labels = texts(Charts.lines(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES));
        assertThat(labels).contains("1", "4").noneMatch(label -> label.matches("\\d+\\.\\d+"));
    }

    /** JFreeSVG writes horizontal text as {@code <text>} elements (the rotated y label is drawn as outlines). */
    @Test
    void theSvgShowsTheTitleTheStepAxisAndEveryModelInTheLegend() {
        String svg = Charts.lines(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES);

        assertThat(svg).startsWith("<svg ").endsWith("</svg>");
        assertThat(svg.substring(0, svg.indexOf('>'))).contains("viewBox=").doesNotContain("width=", "height=");
        assertThat(texts(svg)).contains(TITLE, X_LABEL, "at-conv-lstm", "persistence", "linear-ar");
    }

    /** Each model's line and its legend swatch share a stroke of width 1.6 in the model's colour. */
    @Test
    void theSvgDrawsALineInADistinctColourPerModel() {
        String svg = Charts.lines(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES);

        Matcher strokes = Pattern.compile("stroke-width:2\\.0;stroke:(rgb\\(\\d+,\\d+,\\d+\\))").matcher(svg);
        Set<String> colours = new LinkedHashSet<>();
        while (strokes.find()) {
            colours.add(strokes.group(1));
        }
        assertThat(colours).hasSize(3);
    }

    @Test
    void theTraceChartShowsTheObservedFlowBesideTheForecastsAtBothLeads() {
        XYDataset data = traceChart(HandMadeSummary.trace(), List.of()).getXYPlot().getDataset();

        assertThat(IntStream.range(0, data.getSeriesCount()).mapToObj(data::getSeriesKey))
                .containsExactly("observed", "at-conv-lstm, 30 min ahead", "at-conv-lstm, 60 min ahead");
    }

    @Test
    void theTraceLeavesOutTheTimesWithoutAReadingOrAForecast() {
        XYDataset data = traceChart(HandMadeSummary.trace(), List.of()).getXYPlot().getDataset();

        assertThat(List.of(data.getItemCount(0), data.getItemCount(1), data.getItemCount(2))).containsExactly(4, 3, 2);
        assertThat(ys(data, 0)).containsExactly(100.0, 110.0, 120.0, 130.0);
        assertThat(ys(data, 1)).containsExactly(108.0, 119.0, 133.0);
        assertThat(ys(data, 2)).containsExactly(115.0, 125.0);
        long lastTenMinutes = (HandMadeSummary.DAY.getEpochSecond() + 600) * 1000;
        assertThat(data.getXValue(2, 0)).isEqualTo(lastTenMinutes);
    }

    /** Half-widths at the short step (6): 10 at 80%, 115 at 95%, whose lower bound at 108 is floored at zero flow. */
    private static List<IntervalScores> intervals() {
        double[] narrow = new double[12];
        double[] wide = new double[12];
        Arrays.fill(narrow, 1);
        Arrays.fill(wide, 2);
        narrow[5] = 10;
        wide[5] = 115;
        double[] none = new double[12];
        return List.of(new IntervalScores(0.8, narrow, none, none, none, 0.8, 20, 30),
                new IntervalScores(0.95, wide, none, none, none, 0.95, 230, 240));
    }

    @Test
    void theTraceShadesEachLevelsBandAroundTheShortLeadForecastWidestFirstAndFlooredAtZero() {
        XYPlot plot = traceChart(HandMadeSummary.trace(), intervals()).getXYPlot();

        IntervalXYDataset bands = (IntervalXYDataset) plot.getDataset(1);
        assertThat(bands.getSeriesCount()).isEqualTo(2);
        // the short forecast is missing at the first reading: each band runs over the other three
        assertThat(bands.getItemCount(0)).isEqualTo(3);
        assertThat(bands.getStartYValue(0, 0)).isZero();
        assertThat(bands.getEndYValue(0, 0)).isEqualTo(108 + 115);
        assertThat(bands.getStartYValue(1, 0)).isEqualTo(98);
        assertThat(bands.getEndYValue(1, 2)).isEqualTo(143);
        assertThat(bands.getXValue(1, 0)).isEqualTo((HandMadeSummary.DAY.getEpochSecond() + 300) * 1000.0);
        LegendItemCollection legend = plot.getFixedLegendItems();
        assertThat(IntStream.range(0, legend.getItemCount()).mapToObj(i -> legend.get(i).getLabel())).containsExactly("observed",
                "at-conv-lstm, 30 min ahead", "at-conv-lstm, 60 min ahead", "80% interval, 30 min ahead", "95% interval, 30 min ahead");
    }

    @Test
    void aBandBreaksWhereTheForecastDoes() {
        Trace trace = HandMadeSummary.trace();
        float[] gap = trace.shortForecast().clone();
        gap[2] = Float.NaN;
        Trace broken = new Trace(trace.stationId(), trace.epochSeconds(), trace.observed(), gap, trace.longForecast(), 6, 12);

        IntervalXYDataset bands = (IntervalXYDataset) traceChart(broken, intervals()).getXYPlot().getDataset(1);

        assertThat(bands.getSeriesCount()).isEqualTo(4);
        assertThat(IntStream.range(0, 4).map(bands::getItemCount)).containsExactly(1, 1, 1, 1);
    }

    @Test
    void aRunSavedWithoutIntervalsHasATraceWithoutBands() {
        XYPlot plot = traceChart(HandMadeSummary.trace(), List.of()).getXYPlot();

        assertThat(plot.getDataset(1)).isNull();
        assertThat(plot.getFixedLegendItems().getItemCount()).isEqualTo(3);
    }

    /** A model keeps its colour and dash in a chart of fewer models, such as the panel without the baselines. */
    @Test
    void aModelKeepsItsLookInAChartOfFewerModels() {
        Map<String, double[]> onlyLinear = Map.of("linear-ar", byModel().get("linear-ar"));

        XYPlot all = Charts.linesChart(TITLE, X_LABEL, Y_LABEL, byModel(), 1, STYLES).getXYPlot();
        XYPlot zoomed = Charts.linesChart(TITLE + ", zoomed", X_LABEL, Y_LABEL, onlyLinear, 1, STYLES).getXYPlot();

        assertThat(zoomed.getRenderer().getSeriesPaint(0)).isEqualTo(all.getRenderer().getSeriesPaint(2));
        assertThat(zoomed.getRenderer().getSeriesStroke(0)).isEqualTo(all.getRenderer().getSeriesStroke(2));
    }

    private static JFreeChart traceChart(Trace trace, List<IntervalScores> intervals) {
        return Charts.traceChart("Forecast against observed", trace, "at-conv-lstm", intervals);
    }

    /** The trace's day starts 2022-01-26 08:00 UTC, which is midnight in Pacific time. */
    @Test
    void theTraceIsTimedInPacificTime() {
        JFreeChart chart = traceChart(HandMadeSummary.trace(), List.of());

        Minute first = (Minute) ((TimeSeriesCollection) chart.getXYPlot().getDataset()).getSeries(0).getTimePeriod(0);
        assertThat(first.getHourValue()).isZero();
        assertThat(first.getMinute()).isZero();
        assertThat(((DateAxis) chart.getXYPlot().getDomainAxis()).getTimeZone().toZoneId()).isEqualTo(PemsTime.ZONE);
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo("time (Pacific)");
    }

    @Test
    void theAttentionChartHasABarPerInputStepInOrder() {
        List<String> lags = List.of("t-10m", "t-5m", "t-0m");
        JFreeChart chart = Charts.barsChart("Mean attention", "input step", "weight", lags, new double[] {0.2, 0.3, 0.5});

        CategoryDataset data = ((CategoryPlot) chart.getPlot()).getDataset();
        assertThat(data.getColumnKeys()).containsExactlyElementsOf(lags);
        assertThat(IntStream.range(0, 3).mapToObj(i -> data.getValue(0, i).doubleValue())).containsExactly(0.2, 0.3, 0.5);
    }

    private static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("<text [^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    private static List<Double> ys(XYDataset data, int series) {
        return IntStream.range(0, data.getItemCount(series)).mapToObj(i -> data.getYValue(series, i)).toList();
    }
}
