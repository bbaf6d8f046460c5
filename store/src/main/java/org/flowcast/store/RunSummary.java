package org.flowcast.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored forecast run as a list of runs shows it: the run, whether it is a corridor's live run ({@code flowcast watch}
 * writes it), how many origins it holds now (after pruning) and its first and last origin (empty for a run of none).
 */
public record RunSummary(ForecastRun run, boolean live, int origins, Optional<Instant> firstOrigin, Optional<Instant> lastOrigin) {
}
