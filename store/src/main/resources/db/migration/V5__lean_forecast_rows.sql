-- A run's conformal intervals are its forecasts ± one half-width per level and step (floored at zero
-- flow), so they are stored once per run here, not as four byte strings on every forecast row: with
-- all nine models at 24 steps the per-row bounds were 80% of a 770 MB demo database. Rows written
-- before this version keep their bounds in the forecast table and are read as before.
CREATE TABLE forecast_interval (
    run_id     BIGINT NOT NULL REFERENCES forecast_run (id) ON DELETE CASCADE,
    level      DOUBLE PRECISION NOT NULL,
    step       INTEGER NOT NULL,
    half_width DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, level, step)
);

-- The additive parts a forecast is the sum of (the attention Conv-LSTM's recurrent head, seasonal skip
-- and linear skip), as little-endian float32: part by part, each its H steps. The run names them,
-- '|'-separated, in that order.
ALTER TABLE forecast ADD COLUMN parts ${binary};
ALTER TABLE forecast_run ADD COLUMN part_names VARCHAR(1000);
