package org.flowcast.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablesTest {

    @Test
    void alignsColumnsOfFiguresRightAndColumnsOfWordsLeft() {
        String table = Tables.render(List.of("model", "kind", "MAE / RMSE"), List.of(
                List.of("lstm", "neural", "25.45 / 37.52"),
                List.of("persistence", "statistical", "42.05 / 60.03"),
                List.of("linear-ar", "statistical", "-")));
        String lstm = line(table, "lstm");
        assertThat(lstm).contains("| neural      |");
        assertThat(lstm).endsWith("| 25.45 / 37.52 |");
        assertThat(line(table, "linear-ar")).endsWith("|             - |");
    }

    @Test
    void wrapsLongTextAtWordBoundariesAndKeepsEveryWord() {
        String description = "attention-based Conv-LSTM with daily and weekly branches after Zheng, Lin, Feng and Chen (2021)";
        String table = Tables.render(List.of("model", "what it does"), List.of(List.of("at-conv-lstm", description)));
        List<String> lines = table.lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo("| at-conv-lstm |".length() + Tables.TEXT_WIDTH + 2));
        String cells = String.join(" ", lines.stream().filter(l -> l.startsWith("|")).map(l -> l.substring(l.lastIndexOf('|',
                l.length() - 2) + 1, l.length() - 1).trim()).toList());
        assertThat(Arrays.asList(cells.split("\\s+"))).containsSubsequence(Arrays.asList(description.split(" ")));
    }

    @Test
    void aLongFileNameStaysOnOneLineWhereTheTerminalHasRoomForIt() {
        String file = "station_5min/d12_text_station_5min_2022_01_03.txt.gz";
        List<String> header = List.of("file", "format", "status", "loaded", "duplicates", "rejected", "flagged");
        List<List<String>> rows = List.of(List.of(file, "PeMS station_5min", "loaded", "863", "0", "0", "0"));
        String wide = Tables.render(header, rows, 140);
        assertThat(wide).contains(file);
        assertThat(wide.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(140));
        assertThat(Tables.render(header, rows)).doesNotContain(file);
    }

    private static String line(String table, String start) {
        return table.lines().filter(l -> l.startsWith("| " + start + " ")).findFirst().orElseThrow();
    }
}
