package org.flowcast.reports;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.flowcast.core.PemsTime;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts, drawn with JFreeChart into inline SVG so that the HTML needs no network. */
final class Charts {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0x17becf)};

    private Charts() {
    }

    /** One line per series over x = 1, 2, ... */
    static String lines(String title, String xLabel, String yLabel, Map<String, double[]> series, int firstX) {
        return svg(linesChart(title, xLabel, yLabel, series, firstX));
    }

    /** The chart {@link #lines} draws: one series per entry, its points from x = {@code firstX}, non-finite values left out. */
    static JFreeChart linesChart(String title, String xLabel, String yLabel, Map<String, double[]> series, int firstX) {
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
        style(chart, (XYPlot) chart.getPlot(), series.size());
        return chart;
    }

    /** Observed flow and forecasts over one day. */
    static String trace(String title, Trace trace, String model) {
        return svg(traceChart(title, trace, model));
    }

    /** The chart {@link #trace} draws: observed, the short-lead and the long-lead forecast, in Pacific time. */
    static JFreeChart traceChart(String title, Trace trace, String model) {
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
        style(chart, plot, 3);
        return chart;
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
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        ((CategoryPlot) chart.getPlot()).getRenderer().setSeriesPaint(0, PALETTE[0]);
        return chart;
    }

    private static void style(JFreeChart chart, XYPlot plot, int series) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(renderer);
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

    private static String svg(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(defsKeyPrefix(chart));
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement();
    }
}
