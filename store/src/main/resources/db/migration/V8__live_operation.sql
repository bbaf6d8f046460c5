-- Live operation ('flowcast watch'): one live run per corridor and model, whose origins accumulate as data arrives,
-- each origin scored against the flow that came, and the state that keeps its intervals calibrated under drift.

-- How many forecast values of a run were below zero flow and raised to zero (the models' output clipped; NULL for runs
-- written before this version).
ALTER TABLE forecast_run ADD COLUMN clipped_values BIGINT;

-- The half-widths an origin's intervals were made with, where they differ from the run's calibration (a live run's
-- adaptive intervals): little-endian float32, the 80% level's steps then the 95% level's.
ALTER TABLE forecast_origin ADD COLUMN half_widths ${binary};

-- A live run and what live operation keeps for it: the adaptive-interval state (see AdaptiveIntervals), the newest
-- 5-minute step whose work (scores, state, forecast) is committed, from which a restarted watcher goes on, and the
-- error its drift is judged against.
CREATE TABLE live_run (
    run_id            BIGINT PRIMARY KEY,
    corridor          VARCHAR(64) NOT NULL,
    model             VARCHAR(64) NOT NULL,
    interval_state    ${binary},
    processed_through TIMESTAMP WITH TIME ZONE,
    -- the model's MAE before live operation (on the day before it began, or the held-back day of its fine-tune), which
    -- its realised error is held to; NULL where unknown
    reference_mae     DOUBLE PRECISION,
    -- the first origin of the model file in use, where a fine-tuned model was swapped in: its intervals and its drift
    -- are judged on its own forecasts only; NULL where the first model still runs
    model_since       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT live_run_corridor_model UNIQUE (corridor, model)
);

-- Realised accuracy: one row per live run, origin and step once the step's target time is observed, with the sums
-- the windows are made from (MAE = abs_error / scored, and so on) and how many observed values fell inside the
-- intervals issued. target_hour is the target's hour of day in Pacific time.
CREATE TABLE forecast_score (
    run_id      BIGINT NOT NULL,
    origin_ts   TIMESTAMP WITH TIME ZONE NOT NULL,
    step        SMALLINT NOT NULL,
    target_ts   TIMESTAMP WITH TIME ZONE NOT NULL,
    target_hour SMALLINT NOT NULL,
    corridor    VARCHAR(64) NOT NULL,
    model       VARCHAR(64) NOT NULL,
    scored      INTEGER NOT NULL,
    abs_error   DOUBLE PRECISION NOT NULL,
    sq_error    DOUBLE PRECISION NOT NULL,
    pct_scored  INTEGER NOT NULL,
    pct_error   DOUBLE PRECISION NOT NULL,
    -- NULL where the model issued no interval (a model without a calibration)
    inside80    INTEGER,
    inside95    INTEGER,
    width80     DOUBLE PRECISION,
    width95     DOUBLE PRECISION,
    PRIMARY KEY (run_id, origin_ts, step)
);

CREATE INDEX forecast_score_target ON forecast_score (corridor, model, target_ts);

-- Each live run's newest forecasts as plain rows, one per station and step, for other systems to read with SQL
-- (the stored origins are packed; 'flowcast export' decodes any of them).
CREATE TABLE forecast_latest (
    corridor   VARCHAR(64) NOT NULL,
    model      VARCHAR(64) NOT NULL,
    run_id     BIGINT NOT NULL,
    station_id INTEGER NOT NULL,
    origin_ts  TIMESTAMP WITH TIME ZONE NOT NULL,
    step       SMALLINT NOT NULL,
    target_ts  TIMESTAMP WITH TIME ZONE NOT NULL,
    flow       REAL NOT NULL,
    lower80    REAL,
    upper80    REAL,
    lower95    REAL,
    upper95    REAL,
    PRIMARY KEY (corridor, model, station_id, step)
);

CREATE VIEW forecast_values AS
    SELECT corridor, model, run_id, station_id, origin_ts, target_ts, step, flow, lower80, upper80, lower95, upper95
    FROM forecast_latest;

CREATE VIEW forecast_accuracy AS
    SELECT corridor, model, run_id, origin_ts, step, target_ts, target_hour, scored,
           CASE WHEN scored > 0 THEN abs_error / scored END AS mae,
           CASE WHEN scored > 0 THEN SQRT(sq_error / scored) END AS rmse,
           CASE WHEN pct_scored > 0 THEN 100 * pct_error / pct_scored END AS mape,
           CASE WHEN scored > 0 THEN CAST(inside80 AS DOUBLE PRECISION) / scored END AS coverage80,
           CASE WHEN scored > 0 THEN CAST(inside95 AS DOUBLE PRECISION) / scored END AS coverage95
    FROM forecast_score;
