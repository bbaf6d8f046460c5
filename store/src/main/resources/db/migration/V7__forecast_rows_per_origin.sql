-- A calibrated run's forecasts as one row per origin holding every station: the steps of each station in
-- the run's station order, then (where the model gives them) its additive parts, and its attention rows.
-- One row per origin and station made the forecast job write 29 rows (and as many attention rows) per
-- origin of a 29-station corridor, each into three B-trees (rows, primary key, the foreign key's index);
-- see OriginRows for the figures. Runs written before this version keep their rows in forecast and
-- attention and are read as before.
CREATE TABLE forecast_origin (
    run_id    BIGINT NOT NULL,
    origin_ts TIMESTAMP WITH TIME ZONE NOT NULL,
    flow      ${binary} NOT NULL,
    parts     ${binary},
    attention ${binary},
    PRIMARY KEY (run_id, origin_ts)
);

-- The stations of a run's origin rows, in their order, and the station of each attention row (0: the
-- window's row, shared by every station), as little-endian int32; NULL for a run of per-station rows.
ALTER TABLE forecast_run ADD COLUMN station_ids ${binary};
ALTER TABLE forecast_run ADD COLUMN attention_rows ${binary};
