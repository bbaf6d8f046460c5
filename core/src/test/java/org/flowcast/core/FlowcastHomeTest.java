package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowcastHomeTest {
    @Test
    void flowcastHomeWinsThenHomeThenJavasUserHome() {
        assertThat(FlowcastHome.of(Map.of("FLOWCAST_HOME", "/data/fc", "HOME", "/home/a"), "/root")).isEqualTo(Path.of("/data/fc"));
        assertThat(FlowcastHome.of(Map.of("HOME", "/tmp/isolated"), "/root")).isEqualTo(Path.of("/tmp/isolated/.flowcast"));
        assertThat(FlowcastHome.of(Map.of("HOME", " "), "/root")).isEqualTo(Path.of("/root/.flowcast"));
        assertThat(FlowcastHome.of(Map.of(), "/root")).isEqualTo(Path.of("/root/.flowcast"));
    }
}
