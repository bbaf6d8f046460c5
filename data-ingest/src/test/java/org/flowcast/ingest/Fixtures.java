package org.flowcast.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small PeMS-format files for tests. */
public final class Fixtures {
    public static final DateTimeFormatter PEMS_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
    /** Where the real PeMS data lives when the shared folder is beside the repository. */
    public static final Path SHARED_DATA = Path.of(System.getProperty("flowcast.shared.data", "../../shared/data"));

    private Fixtures() {
    }

    /** A station_5min row with totals and two reporting lanes. */
    public static String row(LocalDateTime time, int station, double flow, double occupancy, double speed, int percentObserved) {
        return PEMS_TIME.format(time) + "," + station + ",12,5,N,ML,.4,20," + percentObserved + ","
                + (int) flow + "," + occupancy + "," + speed
                + ",10," + (int) (flow / 2) + "," + occupancy + "," + speed + ",1"
                + ",10," + (int) (flow - (int) (flow / 2)) + "," + occupancy + "," + speed + ",1";
    }

    /** Rows for the stations over {@code steps} 5-minute steps from {@code start}, flow varying by station and step. */
    public static List<String> rows(LocalDateTime start, int steps, int... stations) {
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int station : stations) {
                lines.add(row(start.plusMinutes(5L * t), station, 100 + t + station % 100, 0.05, 65.0, 100));
            }
        }
        return lines;
    }

    public static Path write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    public static Path writeGzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    public static final String META_HEADER = "ID\tFwy\tDir\tDistrict\tCounty\tCity\tState_PM\tAbs_PM\tLatitude\tLongitude"
            + "\tLength\tType\tLanes\tName\tUser_ID_1\tUser_ID_2\tUser_ID_3\tUser_ID_4";

    public static String metaRow(int id, int freeway, String dir, double absPm, int lanes, String name) {
        return id + "\t" + freeway + "\t" + dir + "\t12\t59\t\t1.0\t" + absPm + "\t33.7\t-117.8\t.5\tML\t" + lanes + "\t" + name
                + "\t\t\t\t";
    }
}
