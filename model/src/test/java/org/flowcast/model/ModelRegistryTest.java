package org.flowcast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.flowcast.model.neural.TrainingListener;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults();

    private static void trainer(String model, Map<String, String> parameters) {
        ModelRegistry.get(model).trainer(CONFIG, parameters, TrainingListener.NONE, Optional.empty());
    }

    @Test
    void everyModelListsItsParametersWithDefaults() {
        assertThat(ModelRegistry.get("tcn").parameterDefaults()).containsEntry("dropout", "0.0").containsEntry("channels", "64");
        assertThat(ModelRegistry.get("linear-ar").parameterDefaults()).containsExactly(Map.entry("lambda", "0.01"));
        assertThat(ModelRegistry.get("persistence").parameterDefaults()).isEmpty();
    }

    @Test
    void refusesAMisspelledParameterOfAStatisticalModelNamingWhatItTakes() {
        assertThatThrownBy(() -> trainer("linear-ar", Map.of("lamda",
                "0.1"))).hasMessage("unknown parameter 'lamda'; linear-ar takes [lambda]");
        assertThatThrownBy(() -> trainer("persistence", Map.of("x", "1"))).hasMessage("unknown parameter 'x'; persistence takes none");
    }

    @Test
    void refusesMalformedStatisticalParameterValues() {
        assertThatThrownBy(() -> trainer("linear-ar", Map.of("lambda", "-1"))).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> trainer("linear-ar", Map.of("lambda", "much"))).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> trainer("seasonal-naive", Map.of("weekly", "yes"))).hasMessageContaining("true or false");
    }

    @Test
    void refusesAMisspelledParameterOfANeuralModel() {
        assertThatThrownBy(() -> trainer("tcn", Map.of("dropot", "0.1"))).hasMessageContaining("unknown parameter 'dropot'")
                .hasMessageContaining("dropout");
    }

    @Test
    void acceptsWellFormedParameters() {
        trainer("linear-ar", Map.of("lambda", "0.5"));
        trainer("seasonal-naive", Map.of("weekly", "false"));
        trainer("tcn", Map.of("dropout", "0.2"));
    }
}
