package org.flowcast.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Channel;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;

/**
 * Figures that say whether traffic data looks like a real freeway, computed the same way for the
 * sample and for real PeMS data so that they can be set side by side: the fundamental-diagram shape,
 * peak-hour speed drops, how flow correlation falls with distance, whether congestion reaches
 * upstream stations later, and the weekday daily profile of flow.
 */
public record CorridorStatistics(
        double criticalOccupancy,
        double flowOccupancyCorrelationFreeFlow,
        double flowOccupancyCorrelationCongested,
        double peakSpeedAtWorstStation,
        double offPeakSpeedAtWorstStation,
        double neighbourFlowCorrelation,
        double distantFlowCorrelation,
        double medianUpstreamOnsetLagMinutes,
        double shareOfUpstreamOnsetsLater,
        int onsetPairs,
        double[] weekdayProfile) {

    private static final int SLOTS = 288;
    private static final double CONGESTED_MPH = 40;

    /** Pearson correlation of two weekday profiles; the realism check wants 0.8 or more. */
    public double profileCorrelation(CorridorStatistics other) {
        return pearson(weekdayProfile, other.weekdayProfile);
    }

    /** The statistics of a series whose stations carry freeway, direction and postmile. */
    public static CorridorStatistics of(SensorSeries series) {
        int[] slotOf = new int[series.length()];
        boolean[] weekday = new boolean[series.length()];
        LocalDate[] dateOf = new LocalDate[series.length()];
        for (int t = 0; t < series.length(); t++) {
            ZonedDateTime local = series.timeAt(t).atZone(PemsTime.ZONE);
            slotOf[t] = (local.getHour() * 60 + local.getMinute()) / 5;
            DayOfWeek day = local.getDayOfWeek();
            dateOf[t] = local.toLocalDate();
            weekday[t] = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DemandProfile.isHoliday(dateOf[t]);
        }
        double[] fd = fundamentalDiagram(series);
        double[] speeds = peakSpeeds(series, slotOf, weekday);
        double[] correlations = flowCorrelations(series);
        double[] onsets = onsetLags(series, slotOf, weekday, dateOf);
        return new CorridorStatistics(fd[0], fd[1], fd[2], speeds[0], speeds[1], correlations[0], correlations[1],
                onsets[0], onsets[1], (int) onsets[2], weekdayProfile(series, slotOf, weekday));
    }

    private static boolean usable(SensorSeries series, int t, int s, Channel channel) {
        return series.isObserved(t, s, channel) && !Float.isNaN(series.value(t, s, channel));
    }

    /** Critical occupancy (the 0.01-wide occupancy bin of highest mean per-lane flow) and flow-occupancy correlations either side. */
    private static double[] fundamentalDiagram(SensorSeries series) {
        int bins = 60;
        double[] sum = new double[bins];
        int[] count = new int[bins];
        List<double[]> points = new ArrayList<>();
        for (int s = 0; s < series.stationCount(); s++) {
            int lanes = Math.max(1, series.stations().get(s).lanes());
            for (int t = 0; t < series.length(); t++) {
                if (usable(series, t, s, Channel.FLOW) && usable(series, t, s, Channel.OCCUPANCY)) {
                    double occ = series.value(t, s, Channel.OCCUPANCY);
                    double flowPerLane = series.value(t, s, Channel.FLOW) / lanes;
                    int bin = (int) Math.min(bins - 1, occ / 0.01);
                    sum[bin] += flowPerLane;
                    count[bin]++;
                    points.add(new double[] {occ, flowPerLane});
                }
            }
        }
        int best = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] >= 30 && sum[b] / count[b] > (count[best] >= 30 ? sum[best] / count[best] : -1)) {
                best = b;
            }
        }
        double critical = (best + 0.5) * 0.01;
        List<double[]> below = points.stream().filter(p -> p[0] < critical).toList();
        List<double[]> above = points.stream().filter(p -> p[0] > critical * 1.2).toList();
        return new double[] {critical, pearson(below), pearson(above)};
    }

    /** Weekday peak (7-9 and 16-19 h) and midday (10-15 h) mean speed at the station slowest at peak. */
    private static double[] peakSpeeds(SensorSeries series, int[] slotOf, boolean[] weekday) {
        double worstPeak = Double.NaN;
        double itsOffPeak = Double.NaN;
        for (int s = 0; s < series.stationCount(); s++) {
            double peakSum = 0;
            double offSum = 0;
            int peakN = 0;
            int offN = 0;
            for (int t = 0; t < series.length(); t++) {
                if (!weekday[t] || !usable(series, t, s, Channel.SPEED)) {
                    continue;
                }
                double hour = slotOf[t] / 12.0;
                double v = series.value(t, s, Channel.SPEED);
                if ((hour >= 7 && hour < 9) || (hour >= 16 && hour < 19)) {
                    peakSum += v;
                    peakN++;
                } else if (hour >= 10 && hour < 15) {
                    offSum += v;
                    offN++;
                }
            }
            if (peakN > 50 && offN > 50 && (Double.isNaN(worstPeak) || peakSum / peakN < worstPeak)) {
                worstPeak = peakSum / peakN;
                itsOffPeak = offSum / offN;
            }
        }
        return new double[] {worstPeak, itsOffPeak};
    }

    /** Mean flow correlation of neighbouring stations on the same corridor, and of stations 5 or more apart. */
    private static double[] flowCorrelations(SensorSeries series) {
        double nearSum = 0;
        int nearN = 0;
        double farSum = 0;
        int farN = 0;
        for (List<Integer> corridor : corridors(series).values()) {
            for (int i = 0; i < corridor.size(); i++) {
                for (int j = i + 1; j < corridor.size(); j++) {
                    if (j - i != 1 && j - i < 5) {
                        continue;
                    }
                    double r = pairCorrelation(series, corridor.get(i), corridor.get(j));
                    if (Double.isNaN(r)) {
                        continue;
                    }
                    if (j - i == 1) {
                        nearSum += r;
                        nearN++;
                    } else {
                        farSum += r;
                        farN++;
                    }
                }
            }
        }
        return new double[] {nearSum / nearN, farN == 0 ? Double.NaN : farSum / farN};
    }

    private static double pairCorrelation(SensorSeries series, int a, int b) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < series.length(); t++) {
            if (usable(series, t, a, Channel.FLOW) && usable(series, t, b, Channel.FLOW)) {
                pairs.add(new double[] {series.value(t, a, Channel.FLOW), series.value(t, b, Channel.FLOW)});
            }
        }
        return pairs.size() < 100 ? Double.NaN : pearson(pairs);
    }

    /**
     * For neighbouring stations that both turn congested (under 40 mph for 15 minutes) in the same
     * weekday peak, the onset at the upstream station minus the onset downstream: median in
     * minutes, the share that is positive, and the number of pairs.
     */
    private static double[] onsetLags(SensorSeries series, int[] slotOf, boolean[] weekday, LocalDate[] dateOf) {
        List<Double> lags = new ArrayList<>();
        for (List<Integer> corridor : corridors(series).values()) {
            Map<String, int[]> onsetByDayPeak = new LinkedHashMap<>();
            for (int c = 0; c < corridor.size(); c++) {
                int s = corridor.get(c);
                int run = 0;
                for (int t = 0; t < series.length(); t++) {
                    boolean slow = weekday[t] && usable(series, t, s, Channel.SPEED) && series.value(t, s, Channel.SPEED) < CONGESTED_MPH;
                    run = slow ? run + 1 : 0;
                    if (run == 3) {
                        int start = t - 2;
                        String key = dateOf[start] + (slotOf[start] < 12 * 12 ? "am" : "pm");
                        int[] onsets = onsetByDayPeak.computeIfAbsent(key, k -> {
                            int[] a = new int[corridor.size()];
                            Arrays.fill(a, -1);
                            return a;
                        });
                        if (onsets[c] < 0) {
                            onsets[c] = start;
                        }
                    }
                }
            }
            // Corridor order runs downstream (postmile rising for N/E, falling for S/W): c is upstream of c + 1.
            for (int[] onsets : onsetByDayPeak.values()) {
                for (int c = 0; c + 1 < onsets.length; c++) {
                    if (onsets[c] >= 0 && onsets[c + 1] >= 0 && Math.abs(onsets[c] - onsets[c + 1]) <= 36) {
                        lags.add(5.0 * (onsets[c] - onsets[c + 1]));
                    }
                }
            }
        }
        if (lags.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long later = lags.stream().filter(l -> l > 0).count();
        long notEqual = lags.stream().filter(l -> l != 0).count();
        return new double[] {sorted[sorted.length / 2], notEqual == 0 ? Double.NaN : (double) later / notEqual, sorted.length};
    }

    /** Station positions grouped by freeway and direction, ordered downstream. */
    private static Map<String, List<Integer>> corridors(SensorSeries series) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int s = 0; s < series.stationCount(); s++) {
            groups.computeIfAbsent(series.stations().get(s).corridor(), k -> new ArrayList<>()).add(s);
        }
        for (List<Integer> group : groups.values()) {
            group.sort((a, b) -> {
                Station sa = series.stations().get(a);
                Station sb = series.stations().get(b);
                int order = Double.compare(sa.absolutePostmile(), sb.absolutePostmile());
                return "S".equals(sa.direction()) || "W".equals(sa.direction()) ? -order : order;
            });
        }
        return groups;
    }

    /** Mean observed flow per 5-minute slot of the day over weekdays and stations. */
    private static double[] weekdayProfile(SensorSeries series, int[] slotOf, boolean[] weekday) {
        double[] sum = new double[SLOTS];
        int[] count = new int[SLOTS];
        for (int t = 0; t < series.length(); t++) {
            if (!weekday[t]) {
                continue;
            }
            for (int s = 0; s < series.stationCount(); s++) {
                if (usable(series, t, s, Channel.FLOW)) {
                    sum[slotOf[t]] += series.value(t, s, Channel.FLOW);
                    count[slotOf[t]]++;
                }
            }
        }
        double[] profile = new double[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            profile[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return profile;
    }

    private static double pearson(List<double[]> pairs) {
        double[] x = new double[pairs.size()];
        double[] y = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return pearson(x, y);
    }

    static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
