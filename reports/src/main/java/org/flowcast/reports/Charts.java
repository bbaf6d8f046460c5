package org.flowcast.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.flowcast.core.PemsTime;
import org.flowcast.reports.EvaluationSummary.IntervalScores;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn with JFreeChart into inline SVG so that the HTML needs no network. Each SVG has a view box
 * and no fixed size, so the page scales it to its full width; it is drawn at {@link #WIDTH} × {@link #HEIGHT} so that
 * its text reads at the size of the page's own from a laptop's width to a wide screen's.
 */
final class Charts {
    static final int WIDTH = 1200;
    static final int HEIGHT = 440;
    private static final Color OBSERVED = Color.BLACK;
    private static final Color SHORT_LEAD = ModelStyles.OKABE_ITO.get(0);
    private static final Color LONG_LEAD = ModelStyles.OKABE_ITO.get(1);
    /** Each band's opacity: where the 80% band lies over the 95% one, the two add up to a darker shade. */
    private static final float BAND_ALPHA = 0.18f;
    private static final Color GRID = new Color(0xdddddd);

    private Charts() {
    }

    /** One line per series over x = {@code firstX}, {@code firstX} + 1, ..., each model in its own style. */
    static String lines(String title, String xLabel, String yLabel, Map<String, double[]> series, int firstX, ModelStyles styles) {
        return svg(linesChart(title, xLabel, yLabel, series, firstX, styles));
    }

    /**
     * The chart {@link #lines} draws: one series per entry, its points from x = {@code firstX}, non-finite values left
     * out; whole-number ticks on x, and a y scale fitted to the values rather than starting at zero.
     */
    static JFreeChart linesChart(String title, String xLabel, String yLabel, Map<String, double[]> series, int firstX,
                                 ModelStyles styles) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            XYSeries line = new XYSeries(e.getKey());
            for (int i = 0; i < e.getValue().length; i++) {
                if (Double.isFinite(e.getValue()[i])) {
                    line.add(i + firstX, e.getValue()[i]);
                }
            }
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = (XYPlot) chart.getPlot();
        style(chart, plot);
        // steps, stations and hours are whole numbers
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // from zero, the differences between the models would shrink into a strip at the top of the chart
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // a legend line long enough to show a dash pattern
        renderer.setLegendLine(new Line2D.Double(-16, 0, 16, 0));
        int i = 0;
        for (String model : series.keySet()) {
            renderer.setSeriesPaint(i, styles.colour(model));
            renderer.setSeriesStroke(i, styles.stroke(model));
            i++;
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** Observed flow and forecasts over one day, with the model's intervals around the short-lead forecast. */
    static String trace(String title, Trace trace, String model, List<IntervalScores> intervals) {
        return svg(traceChart(title, trace, model, intervals));
    }

    /**
     * The chart {@link #trace} draws, in Pacific time: observed, the short-lead and the long-lead forecast, and behind them
     * each level's band around the short-lead forecast ({@code forecast ± half-width} at its step, floored at zero flow as
     * published), widest first; a band breaks where the forecast does. No bands for a run saved without them.
     */
    static JFreeChart traceChart(String title, Trace trace, String model, List<IntervalScores> intervals) {
        TimeSeries observed = new TimeSeries("observed");
        TimeSeries shortLine = new TimeSeries(model + ", " + trace.shortStep() * 5 + " min ahead");
        TimeSeries longLine = new TimeSeries(model + ", " + trace.longStep() * 5 + " min ahead");
        TimeZone pacific = TimeZone.getTimeZone(PemsTime.ZONE);
        for (int i = 0; i < trace.epochSeconds().length; i++) {
            Minute minute = new Minute(new Date(trace.epochSeconds()[i] * 1000), pacific, Locale.ROOT);
            add(observed, minute, trace.observed()[i]);
            add(shortLine, minute, trace.shortForecast()[i]);
            add(longLine, minute, trace.longForecast()[i]);
        }
        TimeSeriesCollection data = new TimeSeriesCollection(pacific);
        data.addSeries(observed);
        data.addSeries(shortLine);
        data.addSeries(longLine);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time (Pacific)", "flow (veh/5 min)", data, true, false, false);
        XYPlot plot = (XYPlot) chart.getPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(pacific);
        style(chart, plot);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, OBSERVED);
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesPaint(1, SHORT_LEAD);
        renderer.setSeriesStroke(1, new BasicStroke(1.6f));
        renderer.setSeriesPaint(2, LONG_LEAD);
        renderer.setSeriesStroke(2, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6, 3}, 0f));
        plot.setRenderer(renderer);
        LegendItemCollection legend = new LegendItemCollection();
        Line2D legendLine = new Line2D.Double(-16, 0, 16, 0);
        for (int s = 0; s < 3; s++) {
            legend.add(new LegendItem(data.getSeriesKey(s).toString(), null, null, null, legendLine, renderer.getSeriesStroke(s),
                    renderer.getSeriesPaint(s)));
        }
        List<IntervalScores> widestFirst = intervals.stream().filter(i -> i.halfWidth().length >= trace.shortStep())
                .sorted(Comparator.comparingDouble(IntervalScores::level).reversed()).toList();
        if (!widestFirst.isEmpty()) {
            plot.setDataset(1, bands(trace, widestFirst));
            DeviationRenderer shading = new DeviationRenderer(false, false);
            shading.setAlpha(BAND_ALPHA);
            shading.setDefaultFillPaint(SHORT_LEAD);
            plot.setRenderer(1, shading);
            for (int k = widestFirst.size() - 1; k >= 0; k--) {
                IntervalScores level = widestFirst.get(k);
                legend.add(new LegendItem(String.format(Locale.ROOT, "%.0f%% interval, %d min ahead", 100 * level.level(),
                        trace.shortStep() * 5), null, null, null, new Rectangle(-8, -5, 16, 10), bandShade(widestFirst, level)));
            }
        }
        plot.setFixedLegendItems(legend);
        return chart;
    }

    /** Each level's band as series of unbroken runs, named "80% 1", "80% 2", ..., widest level first. */
    static YIntervalSeriesCollection bands(Trace trace, List<IntervalScores> widestFirst) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        for (IntervalScores level : widestFirst) {
            double half = level.halfWidth()[trace.shortStep() - 1];
            String name = String.format(Locale.ROOT, "%.0f%%", 100 * level.level());
            YIntervalSeries run = null;
            for (int i = 0; i < trace.epochSeconds().length; i++) {
                float forecast = trace.shortForecast()[i];
                if (!Float.isFinite(forecast) || !Double.isFinite(half)) {
                    run = null;
                    continue;
                }
                if (run == null) {
                    run = new YIntervalSeries(name + " " + (bands.getSeriesCount() + 1), false, true);
                    bands.addSeries(run);
                }
                run.add(trace.epochSeconds()[i] * 1000.0, forecast, Math.max(0, forecast - half), forecast + half);
            }
        }
        return bands;
    }

    /** The shade a level's band shows with: its own alpha over white, over the wider bands' where it lies on them. */
    private static Color bandShade(List<IntervalScores> widestFirst, IntervalScores level) {
        int layers = widestFirst.indexOf(level) + 1;
        double clear = Math.pow(1 - BAND_ALPHA, layers);
        return new Color((int) Math.round(255 * clear + SHORT_LEAD.getRed() * (1 - clear)),
                (int) Math.round(255 * clear + SHORT_LEAD.getGreen() * (1 - clear)),
                (int) Math.round(255 * clear + SHORT_LEAD.getBlue() * (1 - clear)));
    }

    private static void add(TimeSeries series, Minute minute, float value) {
        if (Float.isFinite(value)) {
            series.addOrUpdate(minute, value);
        }
    }

    /** A bar per category. */
    static String bars(String title, String xLabel, String yLabel, List<String> categories, double[] values) {
        return svg(barsChart(title, xLabel, yLabel, categories, values));
    }

    /** The chart {@link #bars} draws. */
    static JFreeChart barsChart(String title, String xLabel, String yLabel, List<String> categories, double[] values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], "weight", categories.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        ((CategoryPlot) chart.getPlot()).getRenderer().setSeriesPaint(0, ModelStyles.OKABE_ITO.get(0));
        return chart;
    }

    private static void style(JFreeChart chart, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
    }

    /**
     * The prefix of the ids of a chart's clip paths and gradients, from its title: the same chart always gets the same
     * ids (JFreeSVG's default prefix is the clock's nanoseconds, so the same summary gave other bytes each time), and
     * the charts inlined in one report, whose titles differ, share none.
     */
    static String defsKeyPrefix(JFreeChart chart) {
        String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
        return "_" + Integer.toHexString(title.hashCode()) + "-";
    }

    /** The chart as an SVG element with a view box and no width or height: the page sizes it. */
    private static String svg(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(defsKeyPrefix(chart));
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
