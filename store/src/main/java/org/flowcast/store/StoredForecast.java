package org.flowcast.store;

import java.time.Instant;

/** One stored forecast step with its intervals (NaN where absent). */
public record StoredForecast(int stationId, Instant origin, int step, float value, float lower80, float upper80, float lower95,
                          float upper95) {
}
