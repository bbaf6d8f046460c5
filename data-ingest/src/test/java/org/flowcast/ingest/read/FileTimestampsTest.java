package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timestamp layouts a file may have, one row each, and the rule that a file keeps the first row's. */
class FileTimestampsTest {
    private static final LocalDateTime EIGHT_AM = LocalDateTime.of(2017, 12, 4, 8, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "12/04/2017 08:05:00  | the Clearinghouse's",
        "12/04/2017 08:05     | the web export's",
        "12/4/2017 8:05       | a spreadsheet's, month first",
        "2017/12/4 8:05       | a spreadsheet's re-save, year first",
        "2017/12/04 08:05:00  | year first with seconds",
        "2017-12-4 8:05       | year first with dashes, unpadded",
        "2017-12-04 08:05:00  | ISO with a space",
        "2017-12-04T08:05     | ISO",
        "2017-12-04T08:05:00.000 | ISO with a fraction"})
    void readsEveryCommonLayout(String field, String what) throws Exception {
        assertThat(new FileTimestamps().parse(field.trim(), "5 Minutes")).as(what).isEqualTo(EIGHT_AM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "4.12.2017 08:05   | day first with dots",
        "04-12-2017 08:05  | month or day first with dashes",
        "2017/12/4         | no time",
        "2017/12/4 8       | no minutes",
        "12/04/17 08:05    | a two-digit year",
        "2017/12/4 8:05 PM | a 12-hour clock"})
    void refusesOtherLayoutsNamingEveryOneRead(String field, String what) {
        assertThatThrownBy(() -> new FileTimestamps().parse(field.trim(), "5 Minutes")).as(what)
                .hasMessageContaining(FileTimestamps.ACCEPTED);
    }

    @Test
    void aFileKeepsItsFirstRowsLayoutWhateverItsPadding() throws Exception {
        FileTimestamps file = new FileTimestamps();
        file.parse("2017/12/4 0:00", "5 Minutes");
        assertThat(file.parse("2017/12/10 10:05", "5 Minutes")).isEqualTo(LocalDateTime.of(2017, 12, 10, 10, 5));
        assertThatThrownBy(() -> file.parse("12/04/2017 00:10", "5 Minutes"))
                .hasMessageContaining("not in the file's timestamp format yyyy/MM/dd HH:mm").hasMessageContaining("MM/dd/yyyy HH:mm");
        assertThatThrownBy(() -> file.parse("2017/12/4 0:15:00", "5 Minutes")).hasMessageContaining("yyyy/MM/dd HH:mm:ss");
    }

    @Test
    void anImpossibleDateIsSaidToBeOne() {
        assertThatThrownBy(() -> new FileTimestamps().parse("02/30/2022 08:00:00", "Timestamp")).hasMessageContaining("not a valid time");
    }
}
