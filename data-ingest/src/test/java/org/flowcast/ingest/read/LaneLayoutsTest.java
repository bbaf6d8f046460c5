package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaneLayoutsTest {
    @Test
    void keepsEachStationsLayoutAcrossGrowth() {
        LaneLayouts layouts = new LaneLayouts();
        for (int id = 1; id <= 5_000; id++) {
            int slot = layouts.slot(1_200_000 + id * 10);
            assertThat(slot).as("new station").isNegative();
            layouts.layOut(-slot - 1, id % 8 + 1, id);
        }
        for (int id = 1; id <= 5_000; id++) {
            int slot = layouts.slot(1_200_000 + id * 10);
            assertThat(slot).as("known station").isNotNegative();
            assertThat(layouts.lanes(slot)).isEqualTo(id % 8 + 1);
            assertThat(layouts.line(slot)).isEqualTo(id);
        }
    }
}
