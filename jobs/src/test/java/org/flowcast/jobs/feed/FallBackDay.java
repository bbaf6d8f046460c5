package org.flowcast.jobs.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily file of Sunday 6 November 2022, when the clocks fell back, for two stations: the hour from 01:00 twice, the
 * daylight pass with a flow of 100, the standard-time pass with 200; every other interval 50.
 */
final class FallBackDay {
    private FallBackDay() {
    }

    static Path write(Path folder) throws IOException {
        List<String> rows = new ArrayList<>();
        for (int minutes = 0; minutes < 24 * 60; minutes += 5) {
            int hour = minutes / 60;
            for (int pass = 0; pass < (hour == 1 ? 2 : 1); pass++) {
                for (int station : new int[] {1201, 1202}) {
                    rows.add(String.format("11/06/2022 %02d:%02d:00,%d,12,5,N,ML,.4,20,100,%d,0.05,65.0", hour, minutes % 60, station,
                            hour == 1 ? 100 * (pass + 1) : 50));
                }
            }
        }
        // the hour's rows in file order: all of the daylight pass, then all of the standard-time pass
        List<String> ordered = new ArrayList<>(rows.stream().filter(r -> !r.startsWith("11/06/2022 01:")).toList());
        List<String> hour = rows.stream().filter(r -> r.startsWith("11/06/2022 01:")).toList();
        List<String> daylight = hour.stream().filter(r -> flow(r).equals("100")).toList();
        List<String> standard = hour.stream().filter(r -> flow(r).equals("200")).toList();
        int at = 12 * 2;
        ordered.addAll(at, standard);
        ordered.addAll(at, daylight);
        return Files.write(folder.resolve("d12_text_station_5min_2022_11_06.txt"), ordered);
    }

    /** A row's Total Flow. */
    static String flow(String row) {
        return row.split(",", -1)[9];
    }
}
